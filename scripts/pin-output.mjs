// Writes the pinned-output fixture: a slice of the realistic tracker set (every 10th tracker, plus every
// 5th "Coffee" tracker, whose phrases are corpus sentences and so match) and every 20th Taskmaster-4
// dialog (CC BY 4.0, Google LLC), with every message ref the matcher finds in them (default threshold),
// one per line: conversation, message id, tracker, phrase, offset, confidence, tier.
// test/pinned-output.test.ts fails when a change alters any of it; after a change that is meant to alter
// results, rerun this script and review the diff of expected.tsv.
// Usage: node scripts/pin-output.mjs [--inputs]   (--inputs also rewrites trackers.json and conversations.json)
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pinnedLines } from './pinned-lines.mjs';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(root, 'test/fixtures/pinned');
const shared = process.env.PHRASEWATCH_SHARED ?? resolve(root, '../shared');

if (process.argv.includes('--inputs')) {
  const all = JSON.parse(readFileSync(resolve(shared, 'corpus/trackers-realistic-500x50.json'), 'utf8'));
  let coffee = 0;
  const trackers = all.filter((t, i) => i % 10 === 0 || (t.name.startsWith('Coffee') && coffee++ % 5 === 0));
  const dialogs = readFileSync(resolve(shared, 'corpus/taskmaster4.jsonl'), 'utf8').split('\n').filter(Boolean);
  const conversations = dialogs.filter((_, i) => i % 20 === 0).map((line) => JSON.parse(line).messages.map(({ id, text }) => ({ id, text })));
  writeFileSync(resolve(dir, 'trackers.json'), JSON.stringify(trackers, null, 1) + '\n');
  writeFileSync(resolve(dir, 'conversations.json'), JSON.stringify(conversations) + '\n');
}

const trackers = JSON.parse(readFileSync(resolve(dir, 'trackers.json'), 'utf8'));
const conversations = JSON.parse(readFileSync(resolve(dir, 'conversations.json'), 'utf8'));
const lines = pinnedLines(trackers, conversations);
writeFileSync(resolve(dir, 'expected.tsv'), lines.join('\n') + '\n');
console.log(`${trackers.length} trackers, ${conversations.length} conversations, ${lines.length} message refs pinned`);

