// Multi-word ways of saying one thing, in groups of lemma sequences: a phrase that says one of a group is
// also found, contiguously, saying another in its place (compile.ts adds the variants to the trie as
// entries of the same pattern, found as similar matches). Only sequences that mean the same wherever they
// stand, and whose words a message keeps together.
// "How much does it cost" ~ "How much is it?" ~ "What does it cost?" ~ "What does it go for?"
const PRICE_QUESTIONS: ReadonlyArray<readonly string[]> = [
  ['how', 'much', 'do', 'it', 'cost'], ['how', 'much', 'be', 'it'], ['what', 'do', 'it', 'cost'], ['how', 'much', 'will', 'it', 'cost'], ['how', 'much', 'would', 'it', 'cost'],
  ['what', 'would', 'it', 'cost'], ['what', 'will', 'it', 'cost'], ['what', 'be', 'the', 'price'], ['what', 'be', 'the', 'cost'], ['how', 'much', 'for', 'it'],
  ['what', 'do', 'it', 'go', 'for'], ['how', 'much', 'do', 'it', 'run'],
  // Asked of the seller, or of more than one: "how much do you charge", "how much are they".
  ['how', 'much', 'do', 'you', 'charge'], ['what', 'do', 'you', 'charge'], ['how', 'much', 'would', 'it', 'be'], ['how', 'much', 'will', 'it', 'be'],
  ['how', 'much', 'be', 'they'],
];

export const PARAPHRASES: ReadonlyArray<ReadonlyArray<readonly string[]>> = [
  // "Is there anything else I can help you with" ~ "Is there anything else I can do for you?"
  [['help', 'you', 'with'], ['do', 'for', 'you']],
  // "We'll get back to you" ~ "we'll call you back" ~ "we'll return your call"
  [['get', 'back', 'to', 'you'], ['call', 'you', 'back'], ['return', 'your', 'call']],
  [['right', 'now'], ['at', 'the', 'moment'], ['at', 'this', 'time'], ['at', 'present']],
  [['as', 'soon', 'as', 'possible'], ['right', 'away'], ['as', 'soon', 'as', 'we', 'can'], ['as', 'soon', 'as', 'i', 'can'], ['as', 'quickly', 'as', 'possible']],
  PRICE_QUESTIONS,
  // "out of our price range" ~ "outside our price range" ~ "over our budget" (normalize.ts reads "out of" as one word)
  [['outof', 'our', 'price', 'range'], ['outside', 'our', 'price', 'range'], ['beyond', 'our', 'price', 'range'], ['over', 'our', 'price', 'range'], ['above', 'our', 'price', 'range'],
    ['outof', 'our', 'budget'], ['over', 'our', 'budget'], ['beyond', 'our', 'budget']],
  [['office', 'hour'], ['business', 'hour'], ['working', 'hour'], ['opening', 'hour']],
  // "That's too expensive" ~ "it costs too much"
  [['too', 'expensive'], ['cost', 'too', 'much'], ['too', 'much', 'money']],
  [['set', 'up'], ['schedule'], ['arrange']],
  [['look', 'into'], ['check', 'on'], ['investigate']],
  [['reach', 'out', 'to'], ['get', 'in', 'touch', 'with'], ['contact']],
  [['hold', 'on'], ['hang', 'on']],
  [['think', 'about', 'it'], ['think', 'it', 'over']],
  // "Have you ever considered" ~ "have you ever thought about"
  [['consider'], ['think', 'about']],
  // "We are using another vendor" ~ "we're working with another vendor"
  [['use'], ['work', 'with']],
  [['switch', 'from'], ['move', 'away', 'from'], ['move', 'from']],
  // "Let's reconnect" ~ "let's touch base" ~ "let's catch up"
  [['reconnect'], ['touch', 'base'], ['catch', 'up'], ['follow', 'up'], ['talk', 'again'], ['speak', 'again'], ['connect', 'again']],
  // "Do you offer a free trial" ~ "Is there a free trial" ~ "Do you have a free trial"
  [['do', 'you', 'offer'], ['do', 'you', 'have'], ['be', 'there']],
];

/**
 * Groups whose "it" a message may say as the thing it names: "How much is the pro plan?", "what does a
 * large latte cost" (compile.ts NAMES_THING; tiers/contiguous.ts walks a noun phrase in its place). Only
 * where any thing named keeps the meaning: a price question asks a price whatever it asks it of, where
 * "I don't get it" is no "I don't get the discount".
 */
export const THING_NAMED: ReadonlySet<ReadonlyArray<readonly string[]>> = new Set([PRICE_QUESTIONS]);

const FIRST_WORDS: ReadonlySet<string> = new Set(PARAPHRASES.flatMap((group) => group.map((words) => words[0])));

/** A phrase with more places than this that say one of a group gets no variants of them. */
export const MAX_PARAPHRASED = 2;

/**
 * Each place in the lemma sequence from..to (exclusive) that says a member of a group: its start, the
 * member's length and its group. `word(k)` reads lemma k.
 */
export function paraphrasesIn(word: (k: number) => string, from: number, to: number): Array<{ at: number; length: number; group: ReadonlyArray<readonly string[]> }> {
  const found: Array<{ at: number; length: number; group: ReadonlyArray<readonly string[]> }> = [];
  for (let k = from; k < to; k++) {
    // (Most words open no member: one set lookup each.)
    if (!FIRST_WORDS.has(word(k))) continue;
    for (const group of PARAPHRASES) {
      const member = group.find((words) => k + words.length <= to && words.every((w, i) => word(k + i) === w));
      if (member === undefined) continue;
      found.push({ at: k, length: member.length, group });
      k += member.length - 1;
      break;
    }
  }
  return found;
}
