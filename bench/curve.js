// Precision and recall against the confidence threshold, on the labelled dev set (scored by the shared
// scorer, semantic paraphrases excluded as it does) and on the hand-labelled wild pairs. Matching runs
// once at the lowest threshold with details; each threshold keeps the refs scoring at least that much.
// Usage: node bench/curve.js [step]   (step 0.1 prints the table in packages/matcher/README.md)
import { compile, match } from '@phrasewatch/matcher';
import { loadJson } from './corpus.js';
import { devConversations, devTrackers, scoreDetections } from './dev-score.js';

const step = Number(process.argv[2] ?? 0.05);
const devIndex = compile(devTrackers);
const devFound = devConversations.map((messages) => ({ conversationId: messages[0].conversationId, trackers: match(devIndex, messages, { threshold: 0.5, details: true }) }));
const { pairs } = loadJson('eval/wild-dev.json');
const wildScores = pairs.map((pair) => {
  const found = match(compile([{ name: 'pair', vocabulary: [pair.phrase] }]), [{ id: '1', text: pair.text }], { threshold: 0.5, details: true });
  return found[0]?.matches[0]?.messageRefs[0]?.score ?? -1;
});
function devAt(threshold) {
  return scoreDetections(devFound.map(({ conversationId, trackers }) => ({
    conversationId,
    trackers: trackers
      .map((t) => ({ ...t, matches: t.matches.map((m) => ({ ...m, messageRefs: m.messageRefs.filter((r) => r.score >= threshold) })).filter((m) => m.messageRefs.length > 0) }))
      .filter((t) => t.matches.length > 0),
  })));
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
