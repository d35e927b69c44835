// Precision and recall against the confidence threshold, on the labelled dev set (scored by the shared
// scorer, semantic paraphrases excluded as it does) and on the hand-labelled wild pairs. Matching runs
// once at the lowest threshold with details; each threshold keeps the refs scoring at least that much.
// Usage: node bench/curve.js [step]   (step 0.1 prints the table in packages/matcher/README.md)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile, match } from '@phrasewatch/matcher';
import { SHARED, loadJson } from './corpus.js';

const step = Number(process.argv[2] ?? 0.05);
const dev = join(SHARED, 'eval/dev');
const devIndex = compile(JSON.parse(readFileSync(join(dev, 'trackers.json'), 'utf8')));
const conversations = readdirSync(join(dev, 'conversations')).map((f) => JSON.parse(readFileSync(join(dev, 'conversations', f), 'utf8')).messages);
const devFound = conversations.map((messages) => ({ conversationId: messages[0].conversationId, trackers: match(devIndex, messages, { threshold: 0.5, details: true }) }));
const { pairs } = loadJson('eval/wild-dev.json');
const wildScores = pairs.map((pair) => {
  const found = match(compile([{ name: 'pair', vocabulary: [pair.phrase] }]), [{ id: '1', text: pair.text }], { threshold: 0.5, details: true });
  return found[0]?.matches[0]?.messageRefs[0]?.score ?? -1;
});
const dir = mkdtempSync(join(tmpdir(), 'phrasewatch-curve-'));

function devAt(threshold) {
  const lines = devFound.map(({ conversationId, trackers }) => JSON.stringify({
    conversationId,
    trackers: trackers
      .map((t) => ({ ...t, matches: t.matches.map((m) => ({ ...m, messageRefs: m.messageRefs.filter((r) => r.score >= threshold) })).filter((m) => m.messageRefs.length > 0) }))
      .filter((t) => t.matches.length > 0),
  }));
  const file = join(dir, 'detections.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  const report = execFileSync(process.execPath, [join(SHARED, 'eval/score.mjs'), '--expected', join(dev, 'expected.json'), '--trackers', join(dev, 'trackers.json'), '--detections', file], { encoding: 'utf8' });
  const summary = report.trim().split('\n').at(-1);
  const value = (name) => Number(new RegExp(`${name}=([\\d.]+)`).exec(summary)[1]);
  return { precision: value('precision'), recall: value('recall') };
}

function wildAt(threshold) {
  let tp = 0, fp = 0, fn = 0;
  pairs.forEach((pair, k) => {
    const found = wildScores[k] >= threshold;
    if (found && pair.similar) tp++;
    else if (found) fp++;
    else if (pair.similar) fn++;
  });
  return { precision: tp + fp === 0 ? NaN : tp / (tp + fp), recall: tp / (tp + fn || 1) };
}

const rows = [];
for (let t = 0.5; t <= 1.0001; t += step) {
  const threshold = Math.round(t * 100) / 100;
  const d = devAt(threshold), w = wildAt(threshold);
  rows.push({ threshold, 'dev precision': d.precision.toFixed(3), 'dev recall': d.recall.toFixed(3), 'wild precision': Number.isNaN(w.precision) ? 'none found' : w.precision.toFixed(3), 'wild recall': w.recall.toFixed(3) });
}
console.table(rows);
