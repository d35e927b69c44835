// Sweeps the confidence threshold over the labelled dev set and reports the value that scores best: the
// middle of the widest run of thresholds with the best F1 (semantic matches excluded, as the scorer does).
// DEFAULTS.threshold in packages/matcher/src/defaults.ts holds the result.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile, match } from '@phrasewatch/matcher';
import { SHARED } from './corpus.js';

const dev = join(SHARED, 'eval/dev');
const index = compile(JSON.parse(readFileSync(join(dev, 'trackers.json'), 'utf8')));
const conversations = readdirSync(join(dev, 'conversations')).map((f) => JSON.parse(readFileSync(join(dev, 'conversations', f), 'utf8')).messages);
const dir = mkdtempSync(join(tmpdir(), 'phrasewatch-tune-'));

const rows = [];
for (let t = 50; t <= 100; t++) {
  const threshold = t / 100;
  const lines = conversations.map((messages) => JSON.stringify({ conversationId: messages[0].conversationId, trackers: match(index, messages, { threshold }) }));
  const file = join(dir, `${t}.jsonl`);
  writeFileSync(file, lines.join('\n') + '\n');
  const report = execFileSync(process.execPath, [join(SHARED, 'eval/score.mjs'), '--expected', join(dev, 'expected.json'), '--trackers', join(dev, 'trackers.json'), '--detections', file], { encoding: 'utf8' });
  const summary = report.trim().split('\n').at(-1);
  const value = (name) => Number(new RegExp(`${name}=([\\d.]+)`).exec(summary)[1]);
  const precision = value('precision'), recall = value('recall');
  rows.push({ threshold, precision, recall, f1: Number(((2 * precision * recall) / (precision + recall || 1)).toFixed(3)) });
}
console.table(rows);
const bestF1 = Math.max(...rows.map((r) => r.f1));
let run = [], widest = [];
for (const row of rows) {
  run = row.f1 === bestF1 ? [...run, row] : [];
  if (run.length > widest.length) widest = run;
}
const middle = widest[Math.floor((widest.length - 1) / 2)];
console.log(`best F1 ${bestF1} for thresholds ${widest[0].threshold}..${widest.at(-1).threshold}; default: ${middle.threshold}`);
