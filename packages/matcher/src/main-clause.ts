// A phrase's main clause before the condition or time clause it ends with: "We have a special promotion
// going on" of "... if you book this before", "send me a calendar invite" of "... when you can". compile.ts
// enters it as a contiguous variant of the phrase, so that a message saying the main clause alone is a
// similar match: the condition narrows what is said; it is not what the tracker listens for.

/** Words that open a condition or a time clause. */
const OPENERS: ReadonlySet<string> = new Set(['if', 'when', 'whenever', 'once', 'unless', 'because']);

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

/**
 * Where the main clause of the phrase tokens from..to ends (exclusive), or -1 where it has none to stand
 * alone: the first opener after at least MIN_TOKENS tokens, MIN_CONTENT of them content, that opens a
 * clause of at least MIN_DROPPED tokens.
 */
export function mainClauseEnd(word: (k: number) => string, isContent: (k: number) => boolean, from: number, to: number): number {
  let content = 0;
  for (let k = from; k + MIN_DROPPED < to; k++) {
    if (k - from >= MIN_TOKENS && OPENERS.has(word(k))) {
      return content >= MIN_CONTENT && !TAKES_CLAUSE.has(word(k - 1)) ? k : -1;
    }
    if (isContent(k)) content++;
  }
  return -1;
}
