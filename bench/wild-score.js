// Scores (phrase, message) pairs labelled similar or not, as in ../shared/eval/wild-dev.json: each pair is
// matched alone, with its phrase as a one-phrase tracker, and a match counts as saying "similar".
import { compile, match } from '@phrasewatch/matcher';

/** Precision, recall and the pairs got wrong, at `threshold` (the matcher's default when undefined). */
export function scorePairs(pairs, threshold) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  const wrong = [];
  for (const pair of pairs) {
    const index = compile([{ name: 'pair', vocabulary: [pair.phrase] }]);
    const found = match(index, [{ id: '1', text: pair.text }], { details: true, ...(threshold === undefined ? {} : { threshold }) });
    const ref = found[0]?.matches[0]?.messageRefs[0];
    if (ref && pair.similar) tp++;
    else if (ref) fp++;
    else if (pair.similar) fn++;
    else tn++;
    if (Boolean(ref) !== pair.similar) wrong.push({ ...pair, score: ref?.score, tier: ref?.tier });
  }
  return { tp, fp, fn, tn, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1), wrong };
}
