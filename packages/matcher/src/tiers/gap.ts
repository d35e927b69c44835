// Gap and fuzzy tiers: the phrase's words found close together in the message, with a few extra or
// missing function words, a slightly different order, or mis-transcribed content words. The best window
// is found by aligning phrase tokens to message tokens; the score is the weighted share of the phrase
// covered, less penalties for extra tokens and inversions.
import { DEFAULTS } from '../defaults.js';
import type { EncodedMessage } from '../encode.js';
import { CONTENT } from '../lexicon.js';
import { negatorsBefore, negatorsIn } from '../negation.js';
import { SENTENCE_BEFORE } from '../normalize.js';
import type { CompiledIndex } from '../types.js';
import { FUZZY, GAP } from './index.js';

export interface Alignment {
  tier: number;
  score: number;
}

// Similarities live in a Float32Array, so compare against the same rounding.
const STEM_SIM = Math.fround(DEFAULTS.stemSimilarity);

let sims = new Float32Array(1024);
let used = new Uint8Array(64);
let placed = new Int32Array(64);

/** Similarity of message token i to phrase token k: 1 same lemma, less for same stem or a fuzzy neighbor. */
function similarity(index: CompiledIndex, message: EncodedMessage, i: number, k: number): number {
  if (message.stem[i] >= 0 && message.stem[i] === index.tokenStem[k]) {
    return message.lemma[i] === index.tokenLemma[k] ? 1 : DEFAULTS.stemSimilarity;
  }
  const near = message.neighbors[i];
  if (near === null || index.lemmaClass[index.tokenLemma[k]] !== CONTENT) return 0;
  const target = index.tokenLemma[k];
  for (let x = 0; x < near.lemmas.length; x++) if (near.lemmas[x] === target) return near.sims[x];
  return 0;
}

export function align(index: CompiledIndex, message: EncodedMessage, phrase: number): Alignment | null {
  const from = index.phraseStart[phrase];
  const m = index.phraseStart[phrase + 1] - from;
  const n = message.count;
  if (n * m > sims.length) sims = new Float32Array(Math.max(n * m, sims.length * 2));
  if (n > used.length) used = new Uint8Array(Math.max(n, used.length * 2));
  if (m > placed.length) placed = new Int32Array(Math.max(m, placed.length * 2));

  const positions: number[] = [];
  for (let i = 0; i < n; i++) {
    let any = false;
    for (let j = 0; j < m; j++) {
      const s = similarity(index, message, i, from + j);
      sims[i * m + j] = s;
      if (s > 0) any = true;
    }
    if (any) positions.push(i);
  }
  if (m === 1) return alignSingle(index, message, phrase, positions);

  const content = index.phraseContent[phrase];
  const allowedMissing = Math.floor(content / DEFAULTS.contentPerMissing);
  const weight = index.phraseWeight[phrase];
  const maxSpan = m + DEFAULTS.maxExtraTokens;
  let best: Alignment | null = null;

  for (let pa = 0; pa < positions.length; pa++) {
    const a = positions[pa];
    for (let pb = pa + 1; pb < positions.length; pb++) {
      const b = positions[pb];
      if (b - a + 1 > maxSpan || message.flags[b] & SENTENCE_BEFORE) break;
      used.fill(0, a, b + 1);
      let matchedWeight = 0, matched = 0, missingContent = 0, fuzzy = false, last = -1;
      for (let j = 0; j < m; j++) {
        let bestSim = 0, at = -1;
        for (let i = a; i <= b; i++) {
          if (used[i]) continue;
          const s = sims[i * m + j];
          // Ties go to the first position after the previous word, keeping the phrase's order.
          if (s > bestSim || (s === bestSim && s > 0 && at < last && i > last)) {
            bestSim = s;
            at = i;
          }
        }
        placed[j] = at;
        const isContent = index.lemmaClass[index.tokenLemma[from + j]] === CONTENT;
        if (at < 0) {
          if (isContent) missingContent++;
          continue;
        }
        used[at] = 1;
        last = at;
        matched++;
        matchedWeight += (isContent ? 1 : DEFAULTS.functionWeight) * bestSim;
        if (bestSim < STEM_SIM) fuzzy = true;
      }
      if (matched < 2 || missingContent > allowedMissing || (content > 0 && missingContent === content)) continue;
      const coverage = matchedWeight / weight;
      if (coverage < DEFAULTS.minCoverage) continue;
      let inversions = 0;
      for (let j1 = 0; j1 < m; j1++) {
        if (placed[j1] < 0) continue;
        for (let j2 = j1 + 1; j2 < m; j2++) if (placed[j2] >= 0 && placed[j2] < placed[j1]) inversions++;
      }
      if (inversions > DEFAULTS.maxInversions) continue;
      const negators = negatorsIn(message, a, b + 1) + negatorsBefore(message, a);
      if ((negators & 1) !== index.phraseNegated[phrase]) continue;
      const extra = b - a + 1 - matched;
      const score = coverage - extra * DEFAULTS.extraPenalty - inversions * DEFAULTS.inversionPenalty;
      if (best === null || score > best.score) best = { tier: fuzzy ? FUZZY : GAP, score };
    }
  }
  if (best !== null) best.score = Math.min(best.score, DEFAULTS.similarCeiling);
  return best;
}

/** A one-word phrase is only ever a fuzzy match here (contiguous tiers found the rest). */
function alignSingle(index: CompiledIndex, message: EncodedMessage, phrase: number, positions: number[]): Alignment | null {
  const word = index.lemmas[index.tokenLemma[index.phraseStart[phrase]]];
  if (word.length < DEFAULTS.fuzzySingleWordMinLength || index.phraseNegated[phrase]) return null;
  let best = 0;
  for (const i of positions) {
    const s = sims[i];
    if (s < STEM_SIM && s > best && (negatorsBefore(message, i) & 1) === 0) best = s;
  }
  return best > 0 ? { tier: FUZZY, score: Math.min(best, DEFAULTS.similarCeiling) } : null;
}
