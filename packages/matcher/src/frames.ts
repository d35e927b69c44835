// Ellipsis: dialog leaves out the frame of an offer, a request or a statement. An agent asks "Anything
// else?" or "Whipped cream?" for "Would you like anything else" and "Would you like whipped cream"; a
// customer says "A small latte, please" for "I'd like a small latte", and "Not interested, thanks" or
// "Too expensive for us" for "I'm not interested" and "it's too expensive". A phrase that opens with such
// a frame may be found without it (tiers/gap.ts), where the message says nothing in its place.
import { proposes } from './acts.js';
import { ADJECTIVE, ADVERB } from './features.js';
import { NEGATOR } from './lexicon.js';
import { ASKS, OFFERS } from './requests.js';
import type { EncodedMessage } from './encode.js';
import { QUESTION_AFTER } from './normalize.js';
import type { Runtime } from './runtime.js';
import type { CompiledIndex } from './types.js';

/** The frames a phrase may open with, as lemma sequences (after normalize: "I'd" is "i would"). */
export const OFFER_FRAMES: ReadonlyArray<readonly string[]> = [
  // "Is there anything else", "Would there be anything else": "Anything else?".
  ['be', 'there'], ['would', 'there', 'be'], ['will', 'there', 'be'],
  ['would', 'you', 'like'], ['would', 'you', 'want'], ['do', 'you', 'want'], ['do', 'you', 'need'],
  ['will', 'you', 'want'], ['can', 'i', 'get', 'you'], ['could', 'i', 'get', 'you'], ['may', 'i', 'get', 'you'],
];
const REQUEST_FRAMES: ReadonlyArray<readonly string[]> = [
  ['i', 'would', 'like'], ['i', 'would', 'love'], ['i', 'will', 'have'], ['i', 'will', 'take'], ['i', 'will', 'get'],
  ['i', 'want'], ['i', 'need'], ['can', 'i', 'get'], ['can', 'i', 'have'], ['could', 'i', 'get'], ['could', 'i', 'have'],
  ['may', 'i', 'get'], ['may', 'i', 'have'], ['can', 'i', 'please', 'get'], ['can', 'i', 'please', 'have'],
  ['could', 'i', 'please', 'get'], ['could', 'i', 'please', 'have'], ['may', 'i', 'please', 'have'],
  // Asking the listener to do something, said as a bare request: "Okay confirm this is right please." for
  // "Could you please confirm that this is right".
  ['can', 'you', 'please'], ['could', 'you', 'please'], ['would', 'you', 'please'], ['will', 'you', 'please'],
  ['can', 'you'], ['could', 'you'], ['would', 'you'], ['will', 'you'],
];

/**
 * A subject and "be": "I'm", "it's", "that's". Its rest says two words or more (not "Right." for "That's
 * right"), and opens as a predicate does: with a negation, an adjective, an adverb or one of
 * PREDICATE_OPENERS ("not interested", "too expensive", "on the screen"). Not with a noun phrase, which is
 * what an order says ("A latte, correct?" is no "That is a latte"), nor with a verb ("It is, thank you").
 */
const STATEMENT_FRAMES: ReadonlyArray<readonly string[]> = [
  ['i', 'be'], ['we', 'be'], ['it', 'be'], ['that', 'be'], ['this', 'be'], ['they', 'be'],
];
const PREDICATE_OPENERS: ReadonlySet<string> = new Set([
  'too', 'so', 'very', 'really', 'all', 'already', 'still', 'just', 'almost', 'pretty', 'quite', 'way', 'on', 'at', 'in', 'out', 'up',
  'over', 'off', 'back', 'here', 'there',
]);

const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);

/** The role of a statement's frame, beside requests.ts's ASKS and OFFERS. */
export const STATES = 4;

export interface Frames {
  /** How many patterns open with a frame. */
  readonly count: number;
  /** The lemma id of "please", -1 where no phrase has it. */
  readonly please: number;
  /** Per pattern: ASKS, OFFERS or STATES where the phrase opens with a frame it may be found without, else 0. */
  readonly role: Uint8Array;
  /** Per pattern: the weight (tokenShare) of its frame's words. */
  readonly share: Float32Array;
  /** Per pattern: how many of its frame's words are content words. */
  readonly content: Uint8Array;
  /** Per pattern: how many content words the rest after its frame has (an elliptic match says them all). */
  readonly rest: Uint8Array;
  /** Per pattern: the rest's first word that weighs anything, past an offer's or a request's article, as an offset in the phrase (-1 for none). */
  readonly opener: Int16Array;
  /** Per pattern: the article before the opener that the rest opens with, as an offset in the phrase (-1 for none). */
  readonly lead: Int16Array;
  /** Per pattern: how many words its frame has. */
  readonly words: Uint8Array;
  /** Per phrase token: 1 where it is a word of its phrase's frame. */
  readonly token: Uint8Array;
}

/** The frames of every pattern of `index`. */
export function framesOf(index: CompiledIndex): Frames {
  const patterns = index.patternStart.length - 1;
  const opener = new Int16Array(patterns).fill(-1), lead = new Int16Array(patterns).fill(-1);
  const role = new Uint8Array(patterns), restContent = new Uint8Array(patterns), share = new Float32Array(patterns), content = new Uint8Array(patterns), words = new Uint8Array(patterns);
  const token = new Uint8Array(index.tokenLemma.length);
  const word = (k: number): string => index.lemmas[index.tokenLemma[k]];
  for (let q = 0; q < patterns; q++) {
    const from = index.patternStart[q], to = index.patternStart[q + 1];
    // Words that weigh nothing may come first ("Hi, I'd like a mocha").
    let start = from;
    while (start < to && index.tokenShare[start] === 0) start++;
    const found = frameAt(word, start, to);
    if (found === null) continue;
    const end = start + found.length;
    // The rest must say something of its own, and not be the frame's verb phrase ("would you like to order").
    if (word(end) === 'to') continue;
    let rest = 0, weighed = 0;
    for (let k = end; k < to; k++) {
      rest += index.tokenContent[k];
      if (index.tokenShare[k] > 0) weighed++;
    }
    if (rest === 0 || (found.role === STATES && (weighed < 2 || !opensPredicate(index, end)))) continue;
    role[q] = found.role;
    restContent[q] = Math.min(rest, 255);
    for (let k = end; k < to && opener[q] < 0; k++) {
      // An offer's or a request's article may go or be said as "one": "one Chai Latte please" for "Can I
      // get a chai latte please"; the rest then opens with the word after it.
      if (index.tokenShare[k] === 0) continue;
      if (found.role !== STATES && ARTICLES.has(word(k)) && k + 1 < to && lead[q] < 0) lead[q] = k - from;
      else opener[q] = k - from;
    }
    words[q] = found.length;
    for (let k = start; k < end; k++) {
      token[k] = 1;
      share[q] += index.tokenShare[k];
      content[q] += index.tokenContent[k];
    }
  }
  let count = 0;
  for (let q = 0; q < patterns; q++) if (role[q] !== 0) count++;
  return { count, please: index.lemmas.indexOf('please'), role, share, content, rest: restContent, opener, lead, words, token };
}

/**
 * The kinds of ellipsis `message` can say (ASKS | OFFERS | STATES): an offer's needs a question mark, a
 * request's a "please" (tiers/gap.ts reads where they are); a statement's, none.
 */
export function cuesOf(runtime: Runtime, message: EncodedMessage): number {
  let cues = STATES;
  for (let i = 0; i < message.count; i++) {
    if (message.flags[i] & QUESTION_AFTER) cues |= OFFERS;
    if (isPlease(runtime, message.lemma[i])) cues |= ASKS;
  }
  return cues;
}

/** Whether lemma id `id` is "please". */
export function isPlease(runtime: Runtime, id: number): boolean {
  // (A word no phrase has gets an id past the index's; only then is it read by name.)
  return id === runtime.frames().please || (id >= runtime.index.lemmas.length && runtime.wordOf(id) === 'please');
}

/** Whether the words from `start` say `frame`, word for word (the caller keeps them before the end). */
function saysFrame(word: (k: number) => string, frame: readonly string[], start: number): boolean {
  for (let k = 0; k < frame.length; k++) if (word(start + k) !== frame[k]) return false;
  return true;
}

/**
 * What the speaker will do, said as a proposal or an intent: "let me transfer you" is "I'll transfer you"
 * and "I'm going to transfer you"; "let's reconnect" is "we'll reconnect", "we should reconnect".
 */
const INTENT_FRAMES: ReadonlyArray<ReadonlyArray<readonly string[]>> = [
  [['let', 'me'], ['i', 'will'], ['i', 'be', 'go', 'to']],
  [['let', 'us'], ['we', 'will'], ['we', 'be', 'go', 'to'], ['we', 'should']],
];

/** Frames any of whose group a phrase may be said with (compile.ts): the offers, and each speaker's intents. */
export const FRAME_GROUPS: ReadonlyArray<ReadonlyArray<readonly string[]>> = [OFFER_FRAMES, ...INTENT_FRAMES];

/**
 * The frame the words from `start` (before `to`) open with and its group, or undefined: an offer frame, or
 * an intent before the verb it is about (compile.ts swaps it for the others of its group).
 */
export function swappableFrameAt(word: (k: number) => string, start: number, to: number): { frame: readonly string[]; group: ReadonlyArray<readonly string[]> } | undefined {
  for (const group of FRAME_GROUPS) {
    const frame = group.find((f) => start + f.length < to + (group === OFFER_FRAMES ? 1 : 0) && saysFrame(word, f, start));
    if (frame === undefined) continue;
    // (Not before a verb "let me" does not propose with, "let me know", nor a negation.)
    const verb = start + frame.length;
    if (group !== OFFER_FRAMES && (!proposes(word(verb), verb + 1 < to ? word(verb + 1) : '') || word(verb) === 'not')) return undefined;
    return { frame, group };
  }
  return undefined;
}

/** The offer frame the words from `start` (before `to`) open with, or undefined. */
export function offerFrameAt(word: (k: number) => string, start: number, to: number): readonly string[] | undefined {
  return OFFER_FRAMES.find((frame) => start + frame.length <= to && saysFrame(word, frame, start));
}

/** Whether words from..to (exclusive) are exactly one of OFFER_FRAMES. */
export function isOfferFrame(word: (k: number) => string, from: number, to: number): boolean {
  return OFFER_FRAMES.some((frame) => frame.length === to - from && saysFrame(word, frame, from));
}

function opensPredicate(index: CompiledIndex, k: number): boolean {
  return index.lemmaClass[index.tokenLemma[k]] === NEGATOR || (index.tokenFlags[k] & (ADJECTIVE | ADVERB)) !== 0 || PREDICATE_OPENERS.has(index.lemmas[index.tokenLemma[k]]);
}

function frameAt(word: (k: number) => string, start: number, to: number): { role: number; length: number } | null {
  for (const [frames, role] of [[OFFER_FRAMES, OFFERS], [REQUEST_FRAMES, ASKS], [STATEMENT_FRAMES, STATES]] as const) {
    // (A frame needs a rest after it.)
    for (const frame of frames) if (start + frame.length < to && saysFrame(word, frame, start)) return { role, length: frame.length };
  }
  return null;
}
