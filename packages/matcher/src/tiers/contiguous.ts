// Exact, lemma and stem tiers: phrases whose stem sequence occurs contiguously, found by walking the
// trie from every token. The tier is then told by comparing lemmas (and, later, normal forms).
import type { BestHits } from '../best-hits.js';
import { NAMED_ONLY, NAMES_THING, PRONOUN_DROPPED, SAID_OTHERWISE } from '../compile.js';
import { DEFAULTS } from '../defaults.js';
import type { EncodedMessage } from '../encode.js';
import { SUBJECT_PRONOUNS, otherSide } from '../lexicon.js';
import { negatorsBefore } from '../negation.js';
import { CLAUSE_BEFORE } from '../normalize.js';
import type { Runtime } from '../runtime.js';
import { childOf } from '../trie.js';
import { actsAgree } from '../acts.js';
import type { MessageView } from '../message-view.js';
import { CONTENT, NEGATOR } from '../lexicon.js';
import { SWAPPABLE } from './word-traits.js';
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
  for (let i = 0; i < n; i++) walk(runtime, message, view, best, i, 0, 0, i, 0, false);
}

/**
 * Walks the trie from node (`depth` tokens in, the last before token j) along the message, offering the
 * patterns it passes. A filler is stepped over where the trie has no way on; where it has one, both ways
 * are walked: "That's exactly right" is "that's right" even where some phrase says "that's exactly".
 * Where the trie goes on with "it" and the message names a thing instead, that way is walked too, once
 * (`named`), for the entries that allow it (NAMES_THING): "How much is the pro plan?".
 */
function walk(runtime: Runtime, message: EncodedMessage, view: MessageView, best: BestHits, i: number, node: number, depth: number, j: number, skipped: number, named: boolean): void {
  const { trieChildBits } = runtime;
  const trie = runtime.index.trie;
  const n = message.count;
  const stems = message.stem;
  for (; j < n; j++) {
    const child = childOf(trie, node, stems[j], trieChildBits);
    const step = depth > 0 ? fillerAt(runtime, message, j) : 0;
    if (child < 0) {
      if (step === 0) {
        if (depth > 0 && !named) walkNamed(runtime, message, view, best, i, node, depth, j, skipped);
        break;
      }
      skipped += step;
      j += step - 1;
      continue;
    }
    if (step > 0) walk(runtime, message, view, best, i, node, depth, j + step, skipped + step, named);
    node = child;
    path[depth++] = j;
    offerAt(runtime, message, view, best, i, node, depth, j, skipped, named);
  }
}

/** Content words a named thing may have after its determiner: "the [pro plan]", "a [large iced latte]". */
const MAX_NAMED_WORDS = 3;

/**
 * Where the trie goes on from node with "it", the noun phrase at j in its place: a determiner, then one to
 * MAX_NAMED_WORDS content words within the clause, as many as it has when the entry ends there ("How
 * much is a large latte?", not "How much is the total" in "how much is the total going to be").
 */
function walkNamed(runtime: Runtime, message: EncodedMessage, view: MessageView, best: BestHits, i: number, node: number, depth: number, j: number, skipped: number): void {
  if (!(runtime.traitsOfId(message.lemma[j]) & SWAPPABLE) || message.flags[j] & CLAUSE_BEFORE) return;
  const it = childOf(runtime.index.trie, node, runtime.thingStem, runtime.trieChildBits);
  if (it < 0) return;
  const n = message.count;
  for (let e = j + 1; e < n && e <= j + MAX_NAMED_WORDS && message.cls[e] === CONTENT && !(message.flags[e] & CLAUSE_BEFORE); e++) {
    path[depth] = e;
    const whole = e + 1 === n || message.cls[e + 1] !== CONTENT || (message.flags[e + 1] & CLAUSE_BEFORE) !== 0;
    if (whole) offerAt(runtime, message, view, best, i, it, depth + 1, e, skipped, true);
    walk(runtime, message, view, best, i, it, depth + 1, e + 1, skipped, true);
  }
}

/** Offers the patterns that end at node, reached over tokens i..j (`depth` of them on `path`). */
function offerAt(runtime: Runtime, message: EncodedMessage, view: MessageView, best: BestHits, i: number, node: number, depth: number, j: number, skipped: number, named: boolean): void {
  const { index } = runtime;
  const { trie, patternStart, tokenLemma, patternActs } = index;
  const { outStart, outPattern, outFlags } = trie;
  for (let k = outStart[node]; k < outStart[node + 1]; k++) {
    const flags = outFlags[k];
    // An entry that allows a named thing is walked with one; the phrase as written, only with one.
    if (named ? !(flags & NAMES_THING) : (flags & NAMED_ONLY) !== 0) continue;
    const pattern = outPattern[k];
    const dropped = (flags & PRONOUN_DROPPED) !== 0;
    if (dropped && !(i === 0 || message.flags[i] & CLAUSE_BEFORE || swapsPronoun(runtime, message, pattern, pronounBefore(runtime, message, i)))) continue;
    // The span holds the phrase's own negators; one just before it flips the meaning.
    if (negatorsBefore(message, i) & 1) continue;
    // An offer said with another frame, a thing with another pronoun: not the phrase as written, so
    // within one sentence ("I can do that. Is this your order" is no "That is it").
    if (flags & SAID_OTHERWISE) {
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
