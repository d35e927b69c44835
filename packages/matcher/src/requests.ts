// Verbs of asking for something, which one request says with any of them: "can I get a mocha", "I'd like
// a mocha", "could I have a mocha", "I'll take a mocha", "I want a mocha". After "I" or "we" in a phrase
// and in a message, one stands for another; elsewhere ("do you like", "get back to you") they are words
// of their own.

export const REQUEST_VERBS: readonly string[] = ['get', 'have', 'like', 'want', 'take', 'need'];
const REQUESTS: ReadonlySet<string> = new Set(REQUEST_VERBS);
const SPEAKERS: ReadonlySet<string> = new Set(['i', 'we']);
/** Tokens before the verb searched for its speaker: "can I get", "I would like", "I'll just take". */
const SPEAKER_REACH = 3;

export function isRequestVerb(lemma: string): boolean {
  return REQUESTS.has(lemma);
}

// "I like it" tells; "I'd like", "can I get", "I'll have", "I'll take" ask: these four need a modal.
const NEED_MODAL: ReadonlySet<string> = new Set(['get', 'have', 'like', 'take']);
const MODALS: ReadonlySet<string> = new Set(['would', 'will', 'can', 'could', 'may', 'might', 'shall']);

/**
 * Whether token `i` of a sequence (`from` its first token) is a request verb of the speaker's: "I want",
 * "I need", and with a modal before or after the speaker, "I'd like", "can I get", "I'll take".
 */
export function asksAt(lemma: (k: number) => string, from: number, i: number): boolean {
  const verb = lemma(i);
  if (!REQUESTS.has(verb)) return false;
  for (let k = i - 1; k >= Math.max(from, i - SPEAKER_REACH); k--) {
    if (!SPEAKERS.has(lemma(k))) continue;
    if (!NEED_MODAL.has(verb)) return true;
    for (let j = Math.max(from, k - 1); j < i; j++) if (MODALS.has(lemma(j))) return true;
    return false;
  }
  return false;
}
