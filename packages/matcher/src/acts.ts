// Dialogue acts, per clause: a statement, a yes/no question, a wh-question, a request, a proposal or a
// condition.
// A phrase that states something is not found in a question or a request about the same thing, an offer
// ("what can I get you") is not a request ("can I get a latte"), and a conditional ("if the order looks
// right, ...") asserts nothing. Clauses are cut at sentence and clause punctuation, at subordinating
// conjunctions, at "and"/"but" before a new subject, and before an inverted auxiliary ("..., is it
// correct"); each clause's act is read from its opening words after discourse markers ("ok so", "hi").
import { AUXILIARIES, SPEAKERS, SPEAKER_OBJECTS } from './lexicon.js';
import { CLAUSE_BEFORE, QUESTION_AFTER, SENTENCE_BEFORE } from './normalize.js';

/** Act bits. A mask of 0 means "no act known" (a fragment such as "at the coffee bar"): it agrees with any. */
export const STATEMENT = 1;
export const POLAR = 2;
export const WH = 4;
export const REQUEST = 8;
export const CONDITION = 16;
/** "Let's schedule a call", "let me check": the speaker proposes to do something, alone or with the listener. */
export const PROPOSAL = 32;

/** What the act rules read of a token sequence: lemmas, punctuation flags, wink-nlp tags. */
export interface ActTokens {
  readonly count: number;
  lemma(i: number): string;
  flags(i: number): number;
  /** wink-nlp's universal part-of-speech tag. */
  pos(i: number): string;
  /** Whether the token is written in its base form (its normal form is its lemma). */
  base(i: number): boolean;
  /** The token as written, in lower case. */
  normal(i: number): string;
}

const MARKERS: ReadonlySet<string> = new Set([
  'ok', 'okay', 'so', 'sure', 'yes', 'yeah', 'yep', 'yup', 'no', 'nope', 'alright', 'right', 'well', 'hi',
  'hello', 'hey', 'great', 'perfect', 'awesome', 'wonderful', 'excellent', 'cool', 'fine', 'good', 'thanks',
  'oh', 'um', 'uh', 'hmm', 'and', 'but', 'then', 'also', 'actually', 'now', 'just', 'anyway', 'sorry',
]);
/** "ok", "great", "sure", "hi": words that open a turn without adding to what it says. */
export function isDiscourseMarker(word: string): boolean {
  return MARKERS.has(word);
}

const GREETINGS: ReadonlySet<string> = new Set(['hi', 'hello', 'hey']);
const WH_WORDS: ReadonlySet<string> = new Set(['what', 'which', 'who', 'whom', 'whose', 'where', 'when', 'why', 'how']);
/** Words that open a clause which depends on another and asserts on its own terms. */
const SUBORDINATORS: ReadonlySet<string> = new Set([
  'before', 'after', 'until', 'because', 'since', 'although', 'though', 'whereas', 'once', 'unless', 'if',
]);
const CONDITIONALS: ReadonlySet<string> = new Set(['if', 'unless']);
/** Subordinators that are prepositions before a noun phrase: "after lunch", "until Friday". */
const PREPOSITIONS: ReadonlySet<string> = new Set(['before', 'after', 'until', 'since']);
const COORDINATORS: ReadonlySet<string> = new Set(['and', 'but', 'so', 'or']);
const SUBJECTS: ReadonlySet<string> = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it']);
/** Words that may stand for a subject after an auxiliary, whatever wink-nlp tags them. */
const INDEFINITES: ReadonlySet<string> = new Set([
  'there', 'everything', 'anything', 'something', 'nothing', 'everyone', 'anyone', 'someone', 'this', 'that',
]);
const SUBJECT_TAGS: ReadonlySet<string> = new Set(['PRON', 'DET', 'NOUN', 'PROPN', 'NUM']);
const STATEMENT_OPENERS: ReadonlySet<string> = new Set(['PRON', 'DET', 'PROPN', 'NUM']);
/** After these an auxiliary and a pronoun are no question: "what do you have", "that is it". */
const NO_INVERSION_AFTER: ReadonlySet<string> = new Set([
  ...WH_WORDS, 'that', 'if', 'whether', 'there', 'here', ...SUBJECTS, ...AUXILIARIES, 'not', 'to',
]);
/** Base-form verbs that open sentences without asking anything: "thank you", "sounds good", "see, ...". */
const NOT_IMPERATIVE: ReadonlySet<string> = new Set(['thank', 'hope', 'welcome', 'say', 'mean', 'guess', 'see', 'sound', 'seem', 'think', 'know']);
/** What follows an imperative that wink-nlp tagged as a noun ("Review the order"). */
const OBJECTS: ReadonlySet<string> = new Set(['me', 'us', 'him', 'her', 'them', 'it', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'your', 'our', 'my']);
/** "I'd like", "I want", "I'll have a latte": the speaker asks for something. */
const DESIRES: ReadonlySet<string> = new Set(['like', 'love', 'want', 'prefer', 'need', 'take', 'have', 'get']);
const DESIRES_NEEDING_OBJECT: ReadonlySet<string> = new Set(['need', 'take', 'have', 'get']);
const HEDGES: ReadonlySet<string> = new Set(['just', 'really', 'also', 'actually', 'probably', 'still']);

/** Which acts of a phrase agree with which acts of a message. */
function agreeing(act: number): number {
  switch (act) {
    // A proposal says what a statement of intent does: "let me check on that" ~ "I'll check on that",
    // "we should schedule a follow up call" ~ "let's schedule a follow up call".
    case STATEMENT: return STATEMENT | PROPOSAL;
    // A yes-no question about something also matches an open question about it ("do you have black
    // tea" ~ "what kinds of black tea do you have"); an open question does not match a closed one: "what
    // can I get you" offers, "can I get an Americano" asks for one.
    case POLAR: return POLAR | REQUEST | WH | PROPOSAL;
    case REQUEST: return POLAR | REQUEST | PROPOSAL;
    case PROPOSAL: return STATEMENT | POLAR | REQUEST | PROPOSAL;
    case WH: return WH;
    case CONDITION: return CONDITION;
    default: return 0;
  }
}

/** Whether a phrase with acts `phrase` may match a message span with acts `message` (masks). */
export function actsAgree(phrase: number, message: number): boolean {
  if (phrase === 0 || message === 0) return true;
  let wanted = 0;
  for (let bit = 1; bit <= PROPOSAL; bit <<= 1) if (phrase & bit) wanted |= agreeing(bit);
  return (wanted & message) !== 0;
}

/** The act of each token's clause (0 for clauses of discourse markers only, and for fragments). */
export function clauseActs(tokens: ActTokens, phrase: boolean, out: Uint8Array = new Uint8Array(tokens.count)): Uint8Array {
  const n = tokens.count;
  let s = 0;
  while (s < n) {
    let e = s + 1;
    while (e < n && !(tokens.flags(e) & SENTENCE_BEFORE)) e++;
    sentenceActs(tokens, s, e, phrase, out);
    s = e;
  }
  return out;
}

/** The acts of the clauses overlapping tokens first..last, as a mask; a span opening on a wh-word asks one. */
export function spanActs(tokens: ActTokens, acts: Uint8Array, first: number, last: number): number {
  let mask = 0;
  for (let i = first; i <= last; i++) mask |= acts[i];
  // (Not after "be": "here's what I've got for you" tells.)
  if (WH_WORDS.has(tokens.lemma(first)) && !(first > 0 && tokens.lemma(first - 1) === 'be' && !(tokens.flags(first) & CLAUSE_BEFORE))) mask |= WH;
  return mask;
}

function sentenceActs(tokens: ActTokens, s: number, e: number, phrase: boolean, out: Uint8Array): void {
  let start = s;
  let mainAct = -1, mainStart = s, mainEnd = s;
  let previousStart = -1;
  const close = (end: number): void => {
    let { act, subordinate } = clauseAct(tokens, start, end, phrase);
    // A phrase set off by a comma that says nothing of its own ("I'd like to have, an iced latte, with
    // oat milk") goes on with the clause before it.
    if (previousStart >= 0 && (act === 0 || act === STATEMENT) && tokens.flags(start) & CLAUSE_BEFORE && continues(tokens, start, end)) {
      act = out[start - 1];
      subordinate = false;
    }
    out.fill(act, start, end);
    // A "please" set off by a comma ("I'll need a decaf macchiato, please") makes the clause before it a request.
    if (tokens.lemma(end - 1) === 'please' && openingWord(tokens, start, end) === end - 1 && previousStart >= 0) {
      const before = out[start - 1];
      if (before === STATEMENT || before === 0) out.fill(REQUEST, previousStart, start);
    }
    previousStart = start;
    if (!subordinate && act !== CONDITION) {
      mainAct = act;
      mainStart = start;
      mainEnd = end;
    }
    start = end;
  };
  for (let k = s + 1; k < e; k++) {
    if (startsClause(tokens, k, start, e)) close(k);
  }
  close(e);
  // A question mark makes the last main clause a question ("You have oat milk?"), unless it already is one.
  if (tokens.flags(e - 1) & QUESTION_AFTER && mainAct !== -1 && !(mainAct & (WH | POLAR))) {
    out.fill(POLAR, mainStart, mainEnd);
  }
}

function startsClause(tokens: ActTokens, k: number, start: number, e: number): boolean {
  if (tokens.flags(k) & CLAUSE_BEFORE) return true;
  const word = tokens.lemma(k);
  if (SUBORDINATORS.has(word)) return k > start && !CONDITIONALS.has(word) && opensClause(tokens, k, e);
  const next = k + 1 < e ? tokens.lemma(k + 1) : '';
  // A relative "where" before its subject: "go to the coffee bar where it will be ready shortly".
  if (word === 'where') return k > start && (SUBJECTS.has(next) || next === 'there');
  if (COORDINATORS.has(word)) return SUBJECTS.has(next) || (next === 'then' && k + 2 < e && SUBJECTS.has(tokens.lemma(k + 2)));
  // "here's your order is it correct", "... but is there anything else": an auxiliary before a subject
  // pronoun or "there", with more after, asks anew.
  // Not inside a wh-question, whose auxiliary it is: "what kinds of tea do you have".
  if (!AUXILIARIES.has(word) || !(SUBJECTS.has(next) || next === 'there') || k + 2 >= e || NO_INVERSION_AFTER.has(tokens.lemma(k - 1))) return false;
  return !WH_WORDS.has(tokens.lemma(openingWord(tokens, start, k)));
}

/**
 * Whether subordinator k opens a clause: not as a preposition before a noun phrase up to the next clause
 * break ("Can you call me after lunch?" asks; "after lunch" tells nothing of its own), nor with nothing
 * after it.
 */
function opensClause(tokens: ActTokens, k: number, end: number): boolean {
  if (!PREPOSITIONS.has(tokens.lemma(k))) return true;
  let b = k + 1;
  while (b < end && !(tokens.flags(b) & CLAUSE_BEFORE)) b++;
  // A verb right after opens one, as a gerund does: "before sending it to the bar".
  return b > k + 1 && (tokens.pos(k + 1) === 'VERB' || !continues(tokens, k + 1, b));
}

/** No auxiliary and no verb but participles ("iced", "steamed"): a noun or prepositional phrase, not a clause. */
function continues(tokens: ActTokens, start: number, end: number): boolean {
  const first = openingWord(tokens, start, end);
  // A subject starts a clause of its own: "No, I wanted a mocha".
  if (first === end || tokens.lemma(first) === 'please' || SUBJECTS.has(tokens.lemma(first)) || tokens.pos(first) === 'PRON') return false;
  for (let i = first; i < end; i++) {
    const tag = tokens.pos(i);
    if (tag === 'AUX') return false;
    if (tag === 'VERB' && (tokens.base(i) || !PARTICIPLE_END.test(tokens.normal(i)))) return false;
  }
  return true;
}

const PARTICIPLE_END = /(?:ed|en|ing)$/;

/** The first word of the clause from `start` that is no discourse marker (or `end` when all are). */
function openingWord(tokens: ActTokens, start: number, end: number): number {
  let k = start;
  while (k < end && MARKERS.has(tokens.lemma(k))) k++;
  return k;
}

function clauseAct(tokens: ActTokens, a: number, b: number, phrase: boolean): { act: number; subordinate: boolean } {
  let k = a;
  while (k < b && (MARKERS.has(tokens.lemma(k)) || (tokens.lemma(k) === 'there' && k > a && GREETINGS.has(tokens.lemma(k - 1))))) k++;
  if (k === b) return { act: 0, subordinate: false };
  const word = tokens.lemma(k);
  if (CONDITIONALS.has(word)) return { act: CONDITION, subordinate: true };
  if (SUBORDINATORS.has(word)) return { act: opensClause(tokens, k, b) ? STATEMENT : 0, subordinate: true };
  if (word === 'when' && !(k + 1 < b && AUXILIARIES.has(tokens.lemma(k + 1)))) return { act: CONDITION, subordinate: true };
  // (A "where" cut out of its sentence is relative, and tells: see startsClause.)
  if (word === 'where' && k === a && a > 0 && !(tokens.flags(a) & (CLAUSE_BEFORE | SENTENCE_BEFORE))) return { act: STATEMENT, subordinate: true };
  if (WH_WORDS.has(word)) return { act: WH, subordinate: false };
  // An open question put as a request or a statement: "can you tell me about your return policy", "I'd
  // like to know your hours", "I was wondering about the price" ask what "what is your return policy" does.
  const about = asksAbout(tokens, k, b);
  if (about !== 0) return { act: WH | about, subordinate: false };
  if (AUXILIARIES.has(word) && subjectFollows(tokens, k + 1, b)) return { act: POLAR, subordinate: false };
  let please = false, verb = false;
  for (let i = k; i < b; i++) {
    if (tokens.lemma(i) === 'please') please = true;
    const tag = tokens.pos(i);
    if (tag === 'VERB' || tag === 'AUX' || AUXILIARIES.has(tokens.lemma(i))) verb = true;
  }
  if (proposal(tokens, k, b)) return { act: PROPOSAL, subordinate: false };
  if (word === 'please' || word === 'let' || please || desire(tokens, k, b)) return { act: REQUEST, subordinate: false };
  // In a tracker phrase a bare verb phrase names a topic ("terminate the contract"), or, done for the
  // speaker, asks or tells of it ("send me a calendar invite": "I'll send you a calendar invite" is one,
  // and "give us a minute" asks as a request does); in a message it is an instruction ("Review the order
  // and confirm").
  if (imperative(tokens, k, b)) return { act: phrase ? (SPEAKER_OBJECTS.has(tokens.lemma(k + 1)) ? REQUEST | STATEMENT : 0) : REQUEST, subordinate: false };
  // A statement says something of a subject. A clause opening otherwise ("budget is tight", "social
  // distancing", "looks good") names a topic, the way tracker vocabularies are often written: it agrees
  // with any act.
  const subject = STATEMENT_OPENERS.has(tokens.pos(k)) || INDEFINITES.has(word) || word === 'here';
  return { act: verb && subject ? STATEMENT : 0, subordinate: false };
}

/**
 * "Let's", "lets", "let me", "let us" before what the speaker will do. Not where the verb asks ("let me
 * get a cortado", "let me know") or hedges ("let's see if I've got that", "let me think").
 */
function proposal(tokens: ActTokens, k: number, b: number): boolean {
  if (tokens.lemma(k) !== 'let' || k + 1 >= b) return false;
  const next = tokens.lemma(k + 1);
  let verb = k + 2;
  if (!SPEAKER_OBJECTS.has(next)) {
    if (tokens.normal(k) !== 'lets') return false;
    verb = k + 1;
  }
  while (verb < b && HEDGES.has(tokens.lemma(verb))) verb++;
  return verb < b && proposes(tokens.lemma(verb), verb + 1 < b ? tokens.lemma(verb + 1) : '');
}

const NOT_PROPOSED: ReadonlySet<string> = new Set(['know', 'see', 'think', 'guess', 'say', ...DESIRES]);

/** Thinking about something, not a hedge: "let me think about it" is "I'll think about it". */
const THOUGHT_OF: ReadonlySet<string> = new Set(['about', 'over', 'it']);

/**
 * Whether "let me"/"let's" before `verb` (and the word after it) proposes what the speaker will do: not
 * "let me know", "let me think", but "let me think about it".
 */
export function proposes(verb: string, next = ''): boolean {
  return !NOT_PROPOSED.has(verb) || (verb === 'think' && THOUGHT_OF.has(next));
}

/** "can you tell me about", "tell us more about", "I'd like to know", "I was wondering about", "I have a question about". */
const KNOW_AFTER: ReadonlySet<string> = new Set(['like', 'love', 'want', 'need']);

/** REQUEST or STATEMENT where the clause from k asks about something without a wh-word (see clauseAct), else 0. */
function asksAbout(tokens: ActTokens, k: number, b: number): number {
  const at = (i: number): string => (i < b ? tokens.lemma(i) : '');
  let i = k;
  // "can you (please) tell me about", "tell me more about", "explain the pricing to me".
  if ((at(i) === 'can' || at(i) === 'could' || at(i) === 'would' || at(i) === 'will') && at(i + 1) === 'you') i += 2;
  if (at(i) === 'please') i++;
  if (at(i) === 'explain') return REQUEST;
  if (at(i) === 'tell') {
    let j = i + 1;
    if (SPEAKER_OBJECTS.has(at(j))) j++;
    if (at(j) === 'more') j++;
    return at(j) === 'about' ? REQUEST : 0;
  }
  if (!SPEAKERS.has(at(k))) return 0;
  i = k + 1;
  if (at(i) === 'would' || at(i) === 'will') i++;
  while (HEDGES.has(at(i))) i++;
  // "I'd like to know", "we need to know".
  if (KNOW_AFTER.has(at(i)) && at(i + 1) === 'to' && (at(i + 2) === 'know' || at(i + 2) === 'ask')) return REQUEST;
  // "I was wondering about", "I wonder if".
  if (at(i) === 'be' && at(i + 1) === 'wonder') return STATEMENT;
  if (at(i) === 'wonder') return STATEMENT;
  // "I have a (quick) question about".
  if (at(i) === 'have' && (at(i + 1) === 'a' || at(i + 1) === 'one') && (at(i + 2) === 'question' || (at(i + 3) === 'question' && at(i + 4) === 'about'))) return STATEMENT;
  return 0;
}

/** What "have"/"get" + an object + this says is done for the listener: "have that right out", "get it ready". */
const COMPLEMENTS: ReadonlySet<string> = new Set(['ready', 'out', 'up', 'do', 'make', 'start', 'over', 'send', 'prepare']);

/** Whether one of COMPLEMENTS follows within the object's few words from token j (before b). */
function hasComplement(tokens: ActTokens, j: number, b: number): boolean {
  for (let i = j + 1; i < Math.min(b, j + 4); i++) if (COMPLEMENTS.has(tokens.lemma(i))) return true;
  return false;
}

function subjectFollows(tokens: ActTokens, j: number, b: number): boolean {
  if (j < b && tokens.lemma(j) === 'not') j++;
  if (j >= b) return false;
  const word = tokens.lemma(j);
  if (word === 'have' && tokens.lemma(j - 1) === 'have') return false;
  // "have" asks only of a pronoun: "have you tried"; "have a nice day" does not ask.
  if (tokens.lemma(j - 1) === 'have') return SUBJECTS.has(word);
  return SUBJECTS.has(word) || INDEFINITES.has(word) || (SUBJECT_TAGS.has(tokens.pos(j)) && !AUXILIARIES.has(word));
}

/** A clause opening on a verb in its base form: "Make it a triple", "Review the order" (tagged a noun). */
function imperative(tokens: ActTokens, k: number, b: number): boolean {
  const word = tokens.lemma(k);
  if (!tokens.base(k) || NOT_IMPERATIVE.has(word) || word.endsWith('ing') || k + 1 >= b) return false;
  const tag = tokens.pos(k);
  if (tag === 'VERB') return tokens.pos(k + 1) !== 'AUX';
  return (tag === 'NOUN' || tag === 'PROPN') && OBJECTS.has(tokens.lemma(k + 1));
}

/**
 * "I'd like", "I want", "we'd like two lattes", "we need to check with legal", also after a hedge or a
 * time ("I think I'd like", "Today I want"): the speaker asks for something. "I wanted a mocha" tells,
 * it does not ask.
 */
function desire(tokens: ActTokens, k: number, b: number): boolean {
  for (let start = k; start < Math.min(b, k + 3); start++) {
    const word = tokens.lemma(start);
    if (SPEAKERS.has(word) && desireAt(tokens, start, b, word === 'we')) return true;
  }
  return false;
}

/** `we`: the subject is "we", whose "have", "take" and "get" tell ("we'll have that ready for you"). */
function desireAt(tokens: ActTokens, k: number, b: number, we: boolean): boolean {
  let j = k + 1, modal = true;
  if (j < b && (tokens.lemma(j) === 'would' || tokens.lemma(j) === 'will')) j++;
  // "I'm going to need", "I'm gonna have".
  else if (j + 2 < b && tokens.lemma(j) === 'be' && tokens.lemma(j + 1) === 'go' && tokens.lemma(j + 2) === 'to') j += 3;
  else modal = false;
  while (j < b && HEDGES.has(tokens.lemma(j))) j++;
  if (j >= b || !DESIRES.has(tokens.lemma(j)) || !tokens.base(j)) return false;
  if (!DESIRES_NEEDING_OBJECT.has(tokens.lemma(j))) return true;
  // Without "will", "would" or "going to", "have" and "take" tell: "I have the drink on the screen", "I
  // have a question"; "I'll have a latte" asks, and so does "I get a latte" (cut from "can I get").
  const after = j + 1 < b ? tokens.lemma(j + 1) : '';
  if (!modal && (tokens.lemma(j) === 'have' || tokens.lemma(j) === 'take') && after !== 'to') return false;
  if (we && tokens.lemma(j) !== 'need' && !(tokens.lemma(j) === 'have' && after === 'to')) return false;
  // "I need you to confirm", "I just need for you to check": asked of the listener.
  if (after === 'you' || (after === 'for' && j + 2 < b && tokens.lemma(j + 2) === 'you')) return true;
  // "I need to cancel my order" asks as "I want to cancel my order" does, and so does "I have to cancel
  // my order" ("I gotta"); "I'll get to the coffee bar" does not.
  if (after === 'to' && (tokens.lemma(j) === 'need' || tokens.lemma(j) === 'have')) return true;
  // "I'll have that right out", "we'll get your drinks ready": the speaker does something, asks nothing.
  if (tokens.lemma(j) !== 'need' && tokens.lemma(j) !== 'want' && hasComplement(tokens, j + 1, b)) return false;
  const tag = j + 1 < b ? tokens.pos(j + 1) : '';
  // "I need it to be decaf" asks; "I'll have it ready" does not.
  if (tag === 'PRON' && (tokens.lemma(j) === 'need' || tokens.lemma(j) === 'want')) return true;
  return tag === 'DET' || tag === 'NUM' || tag === 'NOUN' || tag === 'PROPN';
}

export type DialogueAct = 'statement' | 'yes-no question' | 'wh-question' | 'request' | 'proposal' | 'condition';

const ACT_NAMES: Readonly<Record<number, DialogueAct>> = {
  [STATEMENT]: 'statement', [POLAR]: 'yes-no question', [WH]: 'wh-question', [REQUEST]: 'request', [PROPOSAL]: 'proposal', [CONDITION]: 'condition',
};

/** A clause's acts by name: the one that asks first ("can you tell me about the price" is a wh-question). */
function nameOf(acts: number): DialogueAct {
  for (const bit of [WH, POLAR, REQUEST, PROPOSAL, STATEMENT, CONDITION]) if (acts & bit) return ACT_NAMES[bit];
  return ACT_NAMES[STATEMENT];
}

/** The act of each clause of a message with a known act, in order (clauses of markers or fragments left out). */
export function namedActs(tokens: ActTokens): DialogueAct[] {
  const acts = clauseActs(tokens, false);
  const out: DialogueAct[] = [];
  for (let i = 0; i < acts.length; i++) {
    const startsClause = i === 0 || acts[i] !== acts[i - 1] || tokens.flags(i) & CLAUSE_BEFORE;
    if (acts[i] !== 0 && startsClause) out.push(nameOf(acts[i]));
  }
  return out;
}
