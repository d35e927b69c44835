// Negation scope: a match is flipped by a negator inside it or just before it in the same clause
// ("isn't a concern" is not "a concern"; "No worries, let's reconnect" still is "let's reconnect"). Just
// before reaches through adverbs and verb chains ("don't really want to cancel"), and past a verb that
// passes its negation on ("I don't think it's too expensive").
import { DEFAULTS } from './defaults.js';
import type { EncodedMessage } from './encode.js';
import { NEGATOR, SUBJECT_PRONOUNS } from './lexicon.js';
import { CLAUSE_BEFORE } from './normalize.js';

/** How a word bears on the reach of a negation before a match (EncodedMessage.scope). */
const SCOPE_PLAIN = 0;
/** A word a negation reaches through without using up its reach: "not really", "not currently". */
const SCOPE_THROUGH = 1;
/** "to", which a negation reaches through ("not to"), and which joins a verb chain. */
const SCOPE_TO = 2;
/** A verb a negation reaches through when "to" follows it: "don't want to", "won't have to". */
const SCOPE_CHAIN = 3;
/** A verb whose negation is its complement's: "I don't think it's too expensive" is "it isn't". */
const SCOPE_RAISER = 4;
/** A conjunction that opens a clause of its own: "I don't know but I can help you" helps. */
const SCOPE_BARRIER = 5;

const THROUGH: ReadonlySet<string> = new Set([
  'really', 'actually', 'currently', 'even', 'necessarily', 'exactly', 'quite', 'just', 'ever', 'yet',
  'totally', 'always', 'definitely', 'honestly', 'particularly', 'entirely', 'completely', 'fully',
]);
const CHAIN: ReadonlySet<string> = new Set(['need', 'want', 'have', 'go', 'try', 'plan', 'mean', 'intend', 'wish', 'expect', 'like']);
const RAISERS: ReadonlySet<string> = new Set(['think', 'believe', 'say', 'suppose', 'guess', 'feel', 'reckon', 'imagine']);
// (Not "so" or "since": "not so good", "not since May".)
const BARRIERS: ReadonlySet<string> = new Set(['but', 'because', 'though', 'although', 'unless', 'whereas']);

export function scopeOf(lemma: string): number {
  if (lemma === 'to') return SCOPE_TO;
  if (THROUGH.has(lemma)) return SCOPE_THROUGH;
  if (CHAIN.has(lemma)) return SCOPE_CHAIN;
  if (RAISERS.has(lemma)) return SCOPE_RAISER;
  if (BARRIERS.has(lemma)) return SCOPE_BARRIER;
  return SCOPE_PLAIN;
}

/**
 * Negators that reach the match starting at `start`: among the `lookBehind` tokens before it (more by
 * `unplaced`, the phrase words missing before the first one placed, whose places a negation would have
 * reached), not counting words it reaches through, and from the start again after a verb that passes
 * its negation to its complement; stopping at a clause boundary or a conjunction that opens a clause.
 */
export function negatorsBefore(message: EncodedMessage, start: number, unplaced = 0): number {
  let count = 0, reach = DEFAULTS.negationLookBehind + unplaced;
  const limit = Math.max(0, start - DEFAULTS.negationReachMax);
  for (let k = start; k > limit && reach > 0; k--) {
    if (message.flags[k] & CLAUSE_BEFORE) break;
    const before = k - 1;
    const scope = message.scope[before];
    if (scope === SCOPE_BARRIER) break;
    if (message.cls[before] === NEGATOR) count++;
    if (scope === SCOPE_RAISER) reach = DEFAULTS.negationLookBehind;
    else if (scope === SCOPE_THROUGH || scope === SCOPE_TO || (scope === SCOPE_CHAIN && message.scope[k] === SCOPE_TO)) continue;
    else reach--;
  }
  return count;
}

/** Negators in tokens from..to (exclusive). */
export function negatorsIn(message: EncodedMessage, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) if (message.cls[k] === NEGATOR) count++;
  return count;
}

const AFTER_PARTICLE: ReadonlySet<string> = new Set([...SUBJECT_PRONOUNS, 'it', 'that', 'this', 'thank', 'thanks', 'be', 'do', 'have']);

/** Set phrases with "no" that negate nothing around them: "no problem, ...", "ready in no time". */
const NO_IDIOMS: ReadonlySet<string> = new Set(['problem', 'problems', 'worry', 'worries', 'time', 'doubt', 'rush', 'hurry']);

/**
 * "No, it's fine", "no it's not correct", "no thanks": a "no" that opens a clause and is followed by a
 * new subject (or nothing) answers what was said before; it does not negate what follows. Nor does the
 * "no" of "no problem" or "in no time".
 */
export function isAnswerParticle(lemma: (i: number) => string, flags: (i: number) => number, count: number, i: number): boolean {
  if (lemma(i) !== 'no') return false;
  if (i + 1 < count && NO_IDIOMS.has(lemma(i + 1))) return true;
  if (i > 0 && !(flags(i) & CLAUSE_BEFORE)) return false;
  return i + 1 >= count || (flags(i + 1) & CLAUSE_BEFORE) !== 0 || AFTER_PARTICLE.has(lemma(i + 1));
}
