// A phrase's main clause before the condition, time or reason clause it ends with: "We have a special
// promotion going on" of "... if you book this before", "send me a calendar invite" of "... when you can",
// "I can offer you a discount of 10 20 percent" of "... you being a new customer for us". compile.ts
// makes it a pattern of its own for the same phrases, never exact, so that a message saying the main
// clause alone, in any tier's way, is a similar match: the clause narrows what is said; it is not what
// the tracker listens for.
import { SUBJECT_PRONOUNS } from './lexicon.js';

/** Words that open a condition, a time or a reason clause. */
const OPENERS: ReadonlySet<string> = new Set(['if', 'when', 'whenever', 'once', 'unless', 'because', 'since']);

/**
 * Words after which "if" or "when" opens what is asked or known, not a condition: "let me know if it's
 * correct", "see if this is right", "wondering if you serve burgers"; and "even if", "only if", "as if".
 */
const TAKES_CLAUSE: ReadonlySet<string> = new Set([
  'know', 'see', 'wonder', 'ask', 'check', 'tell', 'confirm', 'verify', 'sure', 'unsure', 'decide', 'find', 'show',
  'care', 'mind', 'matter', 'remember', 'forget', 'understand', 'notice', 'learn', 'determine', 'look', 'say',
  'clarify', 'guess', 'doubt', 'idea', 'curious', 'question', 'even', 'only', 'as', 'what',
]);

/** Fewest tokens a main clause keeps, and fewest content words among them. */
const MIN_TOKENS = 4;
const MIN_CONTENT = 2;
/** Fewest tokens of the clause it drops after its opener ("when you can"). */
const MIN_DROPPED = 2;

export interface ClauseTokens {
  /** Tokens 0 .. count - 1. */
  count: number;
  lemma(k: number): string;
  /** The written form ("being" of lemma "be"). */
  normal(k: number): string;
  isContent(k: number): boolean;
  /** Whether a sentence ends before token k. */
  opensSentence(k: number): boolean;
}

/**
 * Whether a clause opens at token k: an opener, or a subject with "being" ("you being a new customer").
 * Not at a sentence's start: "Once you do, I'll get it started" is a sentence with its own main clause.
 */
function opensAt(tokens: ClauseTokens, k: number): boolean {
  if (tokens.opensSentence(k)) return false;
  if (OPENERS.has(tokens.lemma(k))) return true;
  return SUBJECT_PRONOUNS.has(tokens.lemma(k)) && k + 1 < tokens.count && tokens.normal(k + 1) === 'being';
}

/** Whether lemmas[0 .. count - 1] have a word that may open a clause: most phrases have none, and skip the rest. */
export function mayOpenClause(lemmas: readonly string[], normals: readonly string[], count: number): boolean {
  for (let k = MIN_TOKENS; k < count; k++) if (OPENERS.has(lemmas[k]) || normals[k] === 'being') return true;
  return false;
}

/**
 * Where the main clause of the phrase's tokens ends (exclusive), or -1 where it has none to stand alone:
 * the first opener after at least MIN_TOKENS tokens, MIN_CONTENT of them content, that opens a clause of
 * at least MIN_DROPPED tokens.
 */
export function mainClauseEnd(tokens: ClauseTokens): number {
  let content = 0;
  for (let k = 0; k + MIN_DROPPED < tokens.count; k++) {
    if (k >= MIN_TOKENS && opensAt(tokens, k)) {
      return content >= MIN_CONTENT && !TAKES_CLAUSE.has(tokens.lemma(k - 1)) ? k : -1;
    }
    if (tokens.isContent(k)) content++;
  }
  return -1;
}
