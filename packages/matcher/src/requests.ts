// Verbs of asking for something, which one request says with any of them: "can I get a mocha", "I'd like
// a mocha", "could I have a mocha", "I'll take a mocha", "I want a mocha". After "I" or "we" in a phrase
// and in a message, one stands for another; so do those of an offer, after "you": "would you like
// anything else", "do you want anything else". A request is not an offer, and elsewhere ("do you like",
// "get back to you") they are words of their own.

import { AUXILIARIES, SPEAKERS, SPEAKER_OBJECTS, WANTS } from './lexicon.js';

export const REQUEST_VERBS: readonly string[] = ['get', 'have', 'like', 'want', 'take', 'need'];
const REQUESTS: ReadonlySet<string> = new Set(REQUEST_VERBS);
/** Tokens before the verb searched for its speaker: "can I get", "I would like", "I'll just take". */
const SPEAKER_REACH = 3;

/** What a request verb does where it stands (requestRoleAt). */
export const ASKS = 1;
export const OFFERS = 2;

/** The verbs of an offer, and the auxiliaries before "you" that make one: "would you like", "do you want". */
const OFFER_VERBS: ReadonlySet<string> = new Set(['like', 'want', 'need']);
const OFFER_AUXILIARIES: ReadonlySet<string> = new Set(['would', 'will', 'do', 'can', 'could']);

/**
 * Verbs of the listener's giving, which ask before "me" or "us": "could you give me a latte", "can you
 * make me a mocha", "give me a latte please" ask as "can I get a latte" does.
 */
const GIVING: ReadonlySet<string> = new Set(['give', 'bring', 'make', 'send', 'grab', 'pour']);
const BEFORE_GIVING: ReadonlySet<string> = new Set(['please', 'just', 'and', 'then']);

/** Whether `lemma` is a verb of the listener's giving (GIVING), which asks nothing of itself only where no "me" follows. */
export function isGivingVerb(lemma: string): boolean {
  return GIVING.has(lemma);
}

export function isRequestVerb(lemma: string): boolean {
  return REQUESTS.has(lemma) || GIVING.has(lemma);
}

/** "me"/"us" right after token i, or "for me"/"for us" within the next words: "make one for me". */
function forSpeakerAfter(lemma: (k: number) => string, i: number, to: number): boolean {
  const speaker = (k: number): boolean => k < to && SPEAKER_OBJECTS.has(lemma(k));
  if (speaker(i + 1)) return true;
  for (let k = i + 2; k < Math.min(to, i + 5); k++) if (lemma(k - 1) === 'for' && speaker(k)) return true;
  return false;
}

/** Whether giving verb `i` asks: before "me"/"us", after "you" (past a modal: "could you please give me") or opening an imperative. */
function asksToBeGiven(lemma: (k: number) => string, from: number, i: number, to: number): boolean {
  if (!forSpeakerAfter(lemma, i, to)) return false;
  if (i === from || BEFORE_GIVING.has(lemma(i - 1))) return true;
  for (let k = i - 1; k >= Math.max(from, i - SPEAKER_REACH); k--) if (lemma(k) === 'you') return k > from && MODALS.has(lemma(k - 1));
  return false;
}

// "I like it" tells; "I'd like", "can I get", "I'll have", "I'll take" ask: these four need a modal.
const NEED_MODAL: ReadonlySet<string> = new Set(['get', 'have', 'like', 'take']);
const MODALS: ReadonlySet<string> = new Set(['would', 'will', 'can', 'could', 'may', 'might', 'shall']);
/** "have to" (also "gotta", lexicon.ts): a need, said without a modal. */
const OBLIGED: ReadonlySet<string> = new Set(['have']);

/**
 * Whether token `i` of a sequence (tokens `from` to `to`, exclusive) is a request verb of the speaker's:
 * "I want", "I need", "I have to" ("I gotta": needs as "I need to" does), and with a
 * modal before or after the speaker, "I'd like", "can I get", "I'll take".
 */
export function asksAt(lemma: (k: number) => string, from: number, i: number, to: number): boolean {
  const verb = lemma(i);
  if (GIVING.has(verb)) return asksToBeGiven(lemma, from, i, to);
  if (!REQUESTS.has(verb)) return false;
  for (let k = i - 1; k >= Math.max(from, i - SPEAKER_REACH); k--) {
    if (!SPEAKERS.has(lemma(k))) continue;
    if (!NEED_MODAL.has(verb) || (OBLIGED.has(verb) && i + 1 < to && lemma(i + 1) === 'to')) return true;
    for (let j = Math.max(from, k - 1); j < i; j++) if (MODALS.has(lemma(j))) return true;
    return false;
  }
  return false;
}

/**
 * Whether token `i` is a verb of the listener's wish that the speaker asks about, an offer: "would you
 * like", "you'd like", "do you want", "do you need". "Do you like" asks about a liking: "like" needs "would".
 */
export function offersAt(lemma: (k: number) => string, from: number, i: number): boolean {
  const verb = lemma(i);
  if (!OFFER_VERBS.has(verb)) return false;
  for (let k = i - 1; k >= Math.max(from, i - 2); k--) {
    if (lemma(k) !== 'you') continue;
    const before = k > from ? lemma(k - 1) : '', after = k + 1 < i ? lemma(k + 1) : '';
    if (before === 'would' || after === 'would') return true;
    return verb !== 'like' && OFFER_AUXILIARIES.has(before);
  }
  return false;
}

/** ASKS, OFFERS or 0 for token `i` (of tokens `from` to `to`): a request verb of the speaker's, of an offer, or neither. */
export function requestRoleAt(lemma: (k: number) => string, from: number, i: number, to: number): number {
  return asksAt(lemma, from, i, to) ? ASKS : offersAt(lemma, from, i) ? OFFERS : 0;
}

// "Can I cancel my order?" asks for what "I want to cancel my order" does: a modal before the speaker,
// opening the request, stands for the request verb the other words leave out. (A wh-question, "what can I
// do for you", is told apart by its act.)
const ASKING_MODALS: ReadonlySet<string> = new Set(['can', 'could', 'may']);
const NOT_ACTIONS: ReadonlySet<string> = new Set(['not', 'would', 'will', 'can', 'could', 'should', 'be']);

/**
 * Whether token `i` of `count` tokens is a modal that asks for the speaker's action: "can I cancel",
 * "could we move the meeting", "may I speak to". The speaker right after it, in the same clause (not "if
 * you can, I prefer..."), then an action (not "can I not", "if you can I will"), and no request verb,
 * which asks itself ("can I get", "can I just have"). `clauseBefore(k)`: punctuation separates token k
 * from k - 1.
 */
export function modalAsksAt(lemma: (k: number) => string, clauseBefore: (k: number) => boolean, count: number, i: number): boolean {
  if (!ASKING_MODALS.has(lemma(i)) || i + 2 >= count || !SPEAKERS.has(lemma(i + 1)) || clauseBefore(i + 1)) return false;
  if (NOT_ACTIONS.has(lemma(i + 2))) return false;
  for (let k = i + 2; k < Math.min(count, i + 4); k++) if (REQUESTS.has(lemma(k))) return false;
  return true;
}

/**
 * Whether token `k` (of tokens before `to`) is followed, past auxiliaries, by a verb of wanting
 * (lexicon.WANTS): "I would like", "you want". Who says it is who asks (tiers/gap.ts, otherParty).
 */
export function wantsAfter(lemma: (k: number) => string, k: number, to: number): boolean {
  let j = k + 1;
  while (j < to && AUXILIARIES.has(lemma(j))) j++;
  return j < to && WANTS.has(lemma(j));
}
