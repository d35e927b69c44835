// What the tiers need to know of a token beyond its lemma: its coarse word class (for modifiers), whether
// it is a "light" auxiliary a rewrite may add or drop ("how long does it take" ~ "how long is it going
// to take"), and, for messages, the dialogue act of its clause. Phrases get these at compile time;
// messages only when a match needs them (see MessageView).
import { clauseActs, isDiscourseMarker, type ActTokens } from './acts.js';
import { DEFAULTS } from './defaults.js';
import { CONTENT, classOf } from './lexicon.js';
import { isAnswerParticle } from './negation.js';
import type { TokenSource } from './nlp.js';
import { COMPOUND_TAIL, isDigits, type TokenStream } from './normalize.js';

/** Token flag bits. */
export const LIGHT = 1;
export const NOUN_LIKE = 2;
export const ADJECTIVE = 4;
/** A "no" that answers ("no, it's fine"), not one that negates. */
export const PARTICLE = 8;
/** A proper noun: a named item ("Cappuccino", "Chai"). */
export const NAME = 16;
/**
 * An adverb in -ly ("currently", "shortly"): it counts and weighs as content, but a message may leave it
 * out without it counting as a missing content word ("our offices are closed" ~ "our offices are
 * currently closed").
 */
export const ADVERB = 32;
/**
 * A word a match may leave out and is scored without: like an -ly adverb it counts as content where found
 * and is no missing content word where not, and its weight is dropped where not found. A count ("two
 * lattes", "one Chai Latte"), as quantities may differ ("Can I get a latte please" ~ "Can I get two
 * lattes please"), but not a number that names a kind ("2 milk" for 2% milk); and a time adverbial that
 * says "now" ("at this time", "at the moment", "right now"), which says when, not what.
 */
export const OPTIONAL = 64;
/** The flags of words a message may leave out without missing content. */
export const MISSABLE = ADVERB | OPTIONAL;
/**
 * "it", "this" or "that" standing for a thing, which the others may say as well: "Is that correct" is
 * "Is this correct", "We can't afford it" is "I can't afford this". Not a determiner ("this month", "that
 * one") nor a "that" that opens a clause ("confirm that your order is correct").
 */
export const THING = 128;

/** The pronouns that say a thing (THING), each of which may stand for the others. */
export const THING_PRONOUNS: readonly string[] = ['it', 'this', 'that'];
const DETERMINED: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'NUM']);
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['PRON', 'DET', 'PROPN', 'NOUN']);

const ANSWERS: ReadonlySet<string> = new Set(['yes', 'yeah', 'yep', 'yup', 'no', 'nope', 'right', 'sorry']);

const AFTER_DO: ReadonlySet<string> = new Set(['PRON', 'DET', 'NOUN', 'PROPN']);

/** A phrase token that carries content: a content word that is not light. */
export function isContentToken(cls: number, flags: number): boolean {
  return cls === CONTENT && !(flags & LIGHT);
}

/** A phrase token's share of its phrase: content words count fully, function words half, light ones not. */
export function tokenWeight(cls: number, flags: number): number {
  if (flags & LIGHT) return 0;
  return cls === CONTENT ? 1 : DEFAULTS.functionWeight;
}

export function kindOf(tag: string): number {
  if (tag === 'PROPN') return NOUN_LIKE | NAME;
  if (tag === 'NOUN') return NOUN_LIKE;
  return tag === 'ADJ' ? ADJECTIVE : 0;
}

/** A stream and its wink document as ActTokens. */
export function actTokens(stream: TokenStream, source: TokenSource): ActTokens {
  let tags: string[] | undefined, normals: string[] | undefined;
  return {
    count: stream.count,
    lemma: (i) => stream.lemma[i],
    flags: (i) => stream.flags[i],
    pos: (i) => (tags ??= source.tags())[stream.src[i]],
    base: (i) => (normals ??= source.normals())[stream.src[i]] === source.lemmas[stream.src[i]],
    normal: (i) => (normals ??= source.normals())[stream.src[i]],
  };
}

export interface PhraseFeatures {
  /** Flag bits per token. */
  flags: number[];
  /** Mask of the dialogue acts of its clauses (0: none known). */
  acts: number;
}

export function phraseFeatures(stream: TokenStream, source: TokenSource): PhraseFeatures {
  const tokens = actTokens(stream, source);
  const flags: number[] = [];
  for (let i = 0; i < stream.count; i++) {
    let f = kindOf(tokens.pos(i));
    // Do-support adds nothing to the meaning: "does it take" is "it takes".
    if (stream.lemma[i] === 'do' && i + 1 < stream.count && AFTER_DO.has(tokens.pos(i + 1))) f |= LIGHT;
    // A closed compound's head carries it: "ready for pickup" missing from a message misses one word.
    if (stream.flags[i] & COMPOUND_TAIL) f |= LIGHT;
    // Aspect adds nothing a tracker looks for: "the app keeps crashing" is "the app crashes".
    if (keepsDoing(tokens, stream.count, i)) f |= LIGHT;
    if (isAnswerParticle(tokens.lemma, tokens.flags, stream.count, i)) f |= PARTICLE;
    if (countsAt(tokens, stream.count, i)) f |= OPTIONAL;
    if (thingAt(tokens, stream.count, i)) f |= THING;
    if (tokens.pos(i) === 'ADV' && stream.lemma[i].length > 4 && stream.lemma[i].endsWith('ly') && classOf(stream.lemma[i]) === CONTENT) f |= ADVERB;
    flags.push(f);
  }
  markTimesOfNow(stream, flags);
  // Discourse markers that open a phrase ("Great, your order...", "Okay it'll be ready") carry no
  // content, and a message often says them in a sentence of their own: they weigh nothing. Answers
  // ("yes", "no", "right") do say something, and keep their weight.
  let lead = 0;
  while (lead < stream.count && isDiscourseMarker(stream.lemma[lead]) && !ANSWERS.has(stream.lemma[lead])) lead++;
  let contentAfter = false;
  for (let i = lead; i < stream.count; i++) if (classOf(stream.lemma[i]) === CONTENT) contentAfter = true;
  if (contentAfter) for (let i = 0; i < lead; i++) flags[i] |= LIGHT;
  let acts = 0;
  for (const act of clauseActs(tokens, true)) acts |= act;
  return { flags, acts };
}

/**
 * Time adverbials that say "now": a message says the same with another or none ("Our representatives
 * are unavailable at this time" ~ "... unavailable at the moment" ~ "... are unavailable"). Only at the
 * end of a phrase or of its clause, where they say when the rest holds; "currently" is an -ly adverb
 * already.
 */
const TIMES_OF_NOW: ReadonlyArray<readonly string[]> = [
  ['right', 'now'], ['at', 'the', 'moment'], ['at', 'this', 'time'], ['at', 'present'], ['at', 'this', 'point'], ['for', 'now'],
  ['as', 'of', 'now'], ['at', 'this', 'point', 'in', 'time'], ['now'],
];
/** What a message may say for any of them: one of them or "right away". */
export const SAYS_NOW: ReadonlyArray<readonly string[]> = [...TIMES_OF_NOW, ['right', 'away']];
/** Words of a time that is not now: a sentence that says one leaves no "now" out ("Can I pay later" is no "Can I pay now"). */
export const OTHER_TIMES: ReadonlySet<string> = new Set(['later', 'tomorrow', 'yesterday', 'tonight', 'next', 'last', 'ago', 'earlier', 'previously', 'afterwards', 'eventually']);
const CLAUSE_ENDS: ReadonlySet<string> = new Set([',', '.', '?', '!', ';', 'and', 'but', 'so', 'please']);
/** After these "right" is the predicate ("does it look right now"), not part of "right now": only "now" is. */
const LINKING_VERBS: ReadonlySet<string> = new Set(['be', 'look', 'seem', 'sound', 'feel', 'appear']);

function markTimesOfNow(stream: TokenStream, flags: number[]): void {
  const n = stream.count;
  for (let i = 1; i < n; i++) {
    for (const words of TIMES_OF_NOW) {
      const end = i + words.length;
      if (end > n || !words.every((w, k) => stream.lemma[i + k] === w)) continue;
      if (end < n && !CLAUSE_ENDS.has(stream.lemma[end])) continue;
      if (words[0] === 'right' && LINKING_VERBS.has(stream.lemma[i - 1])) continue;
      for (let k = i; k < end; k++) flags[k] |= OPTIONAL;
      i = end - 1;
      break;
    }
  }
}

/** Whether token i is a count: "one" before anything but a percentage, another number before a plural ("two Mochas"). */
function countsAt(tokens: ActTokens, n: number, i: number): boolean {
  const word = tokens.lemma(i);
  if (!isDigits(word) || i + 1 >= n) return false;
  // A percentage is an amount ("a discount of 10 20 percent" ~ "of 15 percent"; "50% off"), where it
  // names no kind: "2% milk" and "1 percent milk" are kinds of milk.
  let j = i + 1;
  while (j < n && isDigits(tokens.lemma(j))) j++;
  if (j < n && (tokens.lemma(j) === '%' || tokens.lemma(j) === 'percent')) return j + 1 >= n || !DETERMINED.has(tokens.pos(j + 1));
  const next = tokens.lemma(i + 1);
  if (word === '1') return true;
  const tag = tokens.pos(i + 1);
  return (tag === 'NOUN' || tag === 'PROPN') && tokens.normal(i + 1) !== next && tokens.normal(i + 1).endsWith('s');
}

/** Whether token i is a pronoun that says a thing (THING). wink-nlp's tags tell a determiner from a pronoun poorly ("afford this": DET, "Is that your order": SCONJ), so the next words do. */
function thingAt(tokens: ActTokens, n: number, i: number): boolean {
  const word = tokens.lemma(i);
  if (word === 'it') return true;
  if (word !== 'this' && word !== 'that') return false;
  if (i + 1 < n) {
    const next = tokens.pos(i + 1);
    if (DETERMINED.has(next) || (next === 'ADJ' && i + 2 < n && DETERMINED.has(tokens.pos(i + 2)))) return false;
    // After a verb or a noun, before a subject: "confirm that your order...", "the drink that you ordered".
    if (word === 'that' && i > 0 && tokens.pos(i - 1) !== 'AUX' && CLAUSE_OPENERS.has(next)) return false;
  }
  return true;
}

/** Whether token i is the "keep" (or its "on") of "keeps crashing", "keep on asking". */
function keepsDoing(tokens: ActTokens, n: number, i: number): boolean {
  const keep = tokens.lemma(i) === 'keep' ? i : tokens.lemma(i) === 'on' && i > 0 && tokens.lemma(i - 1) === 'keep' ? i - 1 : -1;
  if (keep < 0) return false;
  const verb = keep + 1 < n && tokens.lemma(keep + 1) === 'on' ? keep + 2 : keep + 1;
  return verb < n && tokens.pos(verb) === 'VERB' && tokens.normal(verb).endsWith('ing');
}

/** A stem's bit in a 32-bit signature of stems: a set without the stem's bit cannot hold the stem. */
export function signatureBit(stem: number): number {
  return 1 << (stem & 31);
}

/**
 * Content words a similar match of a pattern with `content` of them may miss: one per
 * DEFAULTS.contentPerMissing. Anchors, the candidate check and alignment must agree on it.
 */
export function missableContent(content: number): number {
  return Math.floor(content / DEFAULTS.contentPerMissing);
}
