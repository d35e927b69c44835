// Word lists alignment consults for the phrase words it places, read as bits per lemma id (built once per
// runtime) instead of a string lookup for each placed word of each window.
import { sameSideOf } from '../lexicon.js';
import { isRequestVerb } from '../requests.js';

/** Pronouns, which a message repeats in every clause: they lend no clause its act. */
const PRONOUNS: ReadonlySet<string> = new Set(['it', 'this', 'that', 'these', 'those', 'i', 'you', 'we', 'they', 'he', 'she', 'me', 'us', 'them', 'him', 'her']);
/** Articles and possessives, which count only before the word they go with. */
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'my', 'your', 'our', 'their', 'his', 'her', 'its']);

/** Words that can stand before a noun for one another: "your order", "the order", "this order". */
const SWAPPABLES: ReadonlySet<string> = new Set([...DETERMINERS, 'this', 'that', 'these', 'those']);

export const PRONOUN = 1;
export const DETERMINER = 2;
export const SWAPPABLE = 4;
/** "be", whose "it will be ready" a message also says as "we'll have it ready". */
export const COPULA = 8;
/** "have" and "get" of "we'll have it ready", "I'll get your order ready". */
export const CAUSATIVE = 16;
/** A verb of asking for something (requests.ts). */
export const REQUEST = 32;
/** "can", which "able" stands for ("I'm not able to" for "I can't"; synonyms.ts, abilityOf). */
export const ABILITY = 64;
/** "I", "we", "me", "us": the speaker's, which the message may say as the other (lexicon.ts, sameSideOf). */
export const SPEAKER = 128;

export function wordTraitsOfLemma(lemma: string): number {
  return (PRONOUNS.has(lemma) ? PRONOUN : 0) | (DETERMINERS.has(lemma) ? DETERMINER : 0) | (SWAPPABLES.has(lemma) ? SWAPPABLE : 0)
    | (lemma === 'be' ? COPULA : 0) | (lemma === 'have' || lemma === 'get' ? CAUSATIVE : 0) | (isRequestVerb(lemma) ? REQUEST : 0)
    | (lemma === 'can' ? ABILITY : 0) | (sameSideOf(lemma).length > 0 ? SPEAKER : 0);
}

/** The traits of each lemma of a compiled index. */
export function wordTraitsOf(lemmas: readonly string[]): Uint8Array {
  return Uint8Array.from(lemmas, wordTraitsOfLemma);
}
