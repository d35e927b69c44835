// Negation scope: a match is flipped by a negator inside it or just before it in the same clause
// ("isn't a concern" is not "a concern"; "No worries, let's reconnect" still is "let's reconnect").
import { DEFAULTS } from './defaults.js';
import type { EncodedMessage } from './encode.js';
import { NEGATOR, SUBJECT_PRONOUNS } from './lexicon.js';
import { CLAUSE_BEFORE } from './normalize.js';

/** Negators among the `lookBehind` tokens before `start`, stopping at a clause boundary. */
export function negatorsBefore(message: EncodedMessage, start: number): number {
  let count = 0;
  const limit = Math.max(0, start - DEFAULTS.negationLookBehind);
  for (let k = start; k > limit; k--) {
    if (message.flags[k] & CLAUSE_BEFORE) break;
    if (message.cls[k - 1] === NEGATOR) count++;
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

/**
 * "No, it's fine", "no it's not correct", "no thanks": a "no" that opens a clause and is followed by a
 * new subject (or nothing) answers what was said before; it does not negate what follows.
 */
export function isAnswerParticle(lemma: (i: number) => string, flags: (i: number) => number, count: number, i: number): boolean {
  if (lemma(i) !== 'no' || (i > 0 && !(flags(i) & CLAUSE_BEFORE))) return false;
  return i + 1 >= count || (flags(i + 1) & CLAUSE_BEFORE) !== 0 || AFTER_PARTICLE.has(lemma(i + 1));
}
