// Exact, lemma and stem tiers: phrases whose stem sequence occurs contiguously, found by walking the
// trie from every token. The tier is then told by comparing lemmas (and, later, normal forms).
import type { BestHits } from '../best-hits.js';
import { PRONOUN_DROPPED, SAID_OTHERWISE } from '../compile.js';
import { DEFAULTS } from '../defaults.js';
import type { EncodedMessage } from '../encode.js';
import { SUBJECT_PRONOUNS, otherSide } from '../lexicon.js';
import { negatorsBefore } from '../negation.js';
import { CLAUSE_BEFORE } from '../normalize.js';
import type { Runtime } from '../runtime.js';
import { childOf } from '../trie.js';
import { actsAgree } from '../acts.js';
import type { MessageView } from '../message-view.js';
import { NEGATOR } from '../lexicon.js';
import { CONTIGUOUS_SCORE, GAP, LEMMA, STEM } from './index.js';

/** Adverbs that grade a statement without changing it: "not really interested" is "not interested". */
const FILLERS: ReadonlySet<string> = new Set([
  'really', 'very', 'just', 'actually', 'even', 'quite', 'totally', 'completely', 'particularly', 'exactly',
  'honestly', 'truly', 'necessarily', 'entirely', 'super', 'definitely', 'certainly', 'probably', 'simply',
  'pretty', 'currently', 'already', 'still',
]);
/** Graders only after a negator: "not that interested", "not so sure", "not too worried". */
const FILLERS_AFTER_NEGATOR: ReadonlySet<string> = new Set(['that', 'so', 'too']);

/** Message tokens from j a contiguous match may step over (0 if none): a filler, or "at all". */
function fillerAt(runtime: Runtime, message: EncodedMessage, j: number): number {
  if (message.flags[j] & CLAUSE_BEFORE) return 0;
  const word = runtime.wordOf(message.lemma[j]);
  if (FILLERS.has(word)) return 1;
  if (FILLERS_AFTER_NEGATOR.has(word) && j > 0 && message.cls[j - 1] === NEGATOR) return 1;
  if (word === 'at' && j + 1 < message.count && runtime.wordOf(message.lemma[j + 1]) === 'all') return 2;
  return 0;
}

let path = new Int32Array(64);

/** Offers every contiguous match to `best`. */
export function findContiguous(runtime: Runtime, message: EncodedMessage, view: MessageView, best: BestHits): void {
  const n = message.count;
  if (path.length < n) path = new Int32Array(Math.max(n, path.length * 2));
  for (let i = 0; i < n; i++) walk(runtime, message, view, best, i, 0, 0, i, 0);
}

/**
 * Walks the trie from node (`depth` tokens in, the last before token j) along the message, offering the
 * patterns it passes. A filler is stepped over where the trie has no way on; where it has one, both ways
 * are walked: "That's exactly right" is "that's right" even where some phrase says "that's exactly".
 */
function walk(runtime: Runtime, message: EncodedMessage, view: MessageView, best: BestHits, i: number, node: number, depth: number, j: number, skipped: number): void {
  const { index, trieChildBits } = runtime;
  const { trie, patternStart, tokenLemma, patternActs } = index;
  const { outStart, outPattern, outFlags } = trie;
  const n = message.count;
  const stems = message.stem;
  for (; j < n; j++) {
    const child = childOf(trie, node, stems[j], trieChildBits);
    const step = depth > 0 ? fillerAt(runtime, message, j) : 0;
    if (child < 0) {
      if (step === 0) break;
      skipped += step;
      j += step - 1;
      continue;
    }
    if (step > 0) walk(runtime, message, view, best, i, node, depth, j + step, skipped + step);
    node = child;
    path[depth++] = j;
    for (let k = outStart[node]; k < outStart[node + 1]; k++) {
      const pattern = outPattern[k];
      const dropped = (outFlags[k] & PRONOUN_DROPPED) !== 0;
      if (dropped && !(i === 0 || message.flags[i] & CLAUSE_BEFORE || swapsPronoun(runtime, message, pattern, pronounBefore(runtime, message, i)))) continue;
      // The span holds the phrase's own negators; one just before it flips the meaning.
      if (negatorsBefore(message, i) & 1) continue;
      // An offer said with another frame, a thing with another pronoun: not the phrase as written, so
      // within one sentence ("I can do that. Is this your order" is no "That is it").
      if (outFlags[k] & SAID_OTHERWISE) {
        if (message.sentence[j] !== message.sentence[i]) continue;
        if (patternActs[pattern] === 0 || actsAgree(patternActs[pattern], view.actsOf(i, j))) best.offer(pattern, GAP, DEFAULTS.similarCeiling - skipped * DEFAULTS.extraPenalty, -1, 0);
        continue;
      }
      const patternFrom = dropped ? 1 : 0;
      const from = patternStart[pattern] + patternFrom;
      let sameLemmas = true;
      let related = true;
      for (let t = 0; t < depth && related; t++) {
        if (message.lemma[path[t]] !== tokenLemma[from + t]) {
          sameLemmas = false;
          related = runtime.derived(message.lemma[path[t]], tokenLemma[from + t]);
        }
      }
      if (!related) continue;
      if (patternActs[pattern] !== 0 && !actsAgree(patternActs[pattern], view.actsOf(i, j))) continue;
      if (skipped > 0) {
        // Not the phrase as written, so no offset: a similar match.
        best.offer(pattern, GAP, DEFAULTS.similarCeiling - skipped * DEFAULTS.extraPenalty, -1, patternFrom);
        continue;
      }
      const tier = sameLemmas ? LEMMA : STEM;
      const score = dropped ? Math.min(DEFAULTS.pronounScore, CONTIGUOUS_SCORE[tier]) : CONTIGUOUS_SCORE[tier];
      best.offer(pattern, tier, score, i, patternFrom);
    }
  }
}

/** The token before i, past fillers: the "we" of "we just can't afford that". */
function pronounBefore(runtime: Runtime, message: EncodedMessage, i: number): number {
  let k = i - 1;
  while (k > 0 && !(message.flags[k + 1] & CLAUSE_BEFORE) && FILLERS.has(runtime.wordOf(message.lemma[k]))) k--;
  return k;
}

/**
 * Whether token i of the message is a subject pronoun that may stand for the phrase's first word: not
 * the other side's before a verb of wanting (lexicon.otherSide).
 */
function swapsPronoun(runtime: Runtime, message: EncodedMessage, pattern: number, i: number): boolean {
  const word = runtime.wordOf(message.lemma[i]);
  if (!SUBJECT_PRONOUNS.has(word)) return false;
  const { index } = runtime;
  const from = index.patternStart[pattern];
  return !runtime.wantingSubjects()[from] || !otherSide(index.lemmas[index.tokenLemma[from]], word);
}
