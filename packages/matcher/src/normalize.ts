// wink-nlp tokens -> the token stream every tier reads: contractions expanded, numbers in digits,
// hyphenated and closed compounds split ("pick-up", "pickup": "pick up"), "non" joined to its word,
// punctuation dropped but remembered as boundaries on the next token.
import { ALRIGHT, ALRIGHT_SPELLINGS, CLITICS, CLOSED_COMPOUNDS, CONTENT, CONTRACTIONS, CURRENCIES, JOINED_PREFIX, NUMBER_SCALES, NUMBER_WORDS, classOf } from './lexicon.js';
import type { TokenSource } from './nlp.js';

/** Flag bits on a normalized token. */
export const SENTENCE_BEFORE = 1; // . ? ! ; precede it
export const CLAUSE_BEFORE = 2; // any separating punctuation precedes it
export const QUESTION_AFTER = 4; // a question mark follows it
export const COMPOUND_TAIL = 8; // the second half of a closed compound ("up" of "pickup")

export interface TokenStream {
  count: number;
  lemma: string[];
  /** Only when asked for: the normal forms, one per normalized token. */
  normal: string[] | null;
  /** Index of the wink token each normalized token came from (its first, for merged numbers). */
  src: number[];
  flags: number[];
}

const CH_0 = 48, CH_9 = 57, CH_APOS = 39, CH_QUESTION = 63;
/** An amount after a currency sign: "20", "4.50", "1,200". */
const AMOUNT = /^\d[\d,]*(\.\d+)?$/;
const CLITIC = /^(.+)'(s|re|ll|ve|d|m)$/;
const NAME_NUMBER = /^([a-z]{2,})(\d+)$/;

function isWordStart(code: number): boolean {
  // Letters of any script, digits and the apostrophe of "'s" / "'re".
  return code === CH_APOS || (code >= CH_0 && code <= CH_9) || (code >= 97 && code <= 122) || code > 127 && code < 0x2000;
}

/** Whether `s` is all digits, as normalize writes numbers. */
export function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < CH_0 || c > CH_9) return false;
  }
  return s.length > 0;
}

function punctuationFlags(lemma: string): number {
  switch (lemma.charCodeAt(0)) {
    case 46: case 63: case 33: case 59: return SENTENCE_BEFORE | CLAUSE_BEFORE; // . ? ! ;
    case 44: case 58: case 40: case 41: return CLAUSE_BEFORE; // , : ( )
    default: return 0;
  }
}

/** wink-nlp reads "No." as one token (the abbreviation of "number"); in dialog it is the answer "No" and a full stop. */
const NO_STOP = 'no.';

/** wink-nlp keeps "being" as its own lemma, even as the auxiliary of "is being recorded". */
const BEING = 'being';

/**
 * Verbs that end what follows them: "we stopped using another vendor" says "we're not using another vendor",
 * "the app stopped working" says "the app is not working", "stop sending me emails" says "don't send me
 * emails". Before a verb in -ing they read as "not".
 */
const CEASING: ReadonlySet<string> = new Set(['stop', 'quit', 'cease']);

/**
 * Informal spellings chat and transcripts write for "it's" and "too", read as those where what follows
 * tells: "its right" is "it's right" (not "its price"), "to expensive" is "too expensive" (not "to go").
 */
const ITS = 'its';
const AFTER_ITS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'not', 'too', 'so', 'very', 'really', 'just', 'all', 'ready', 'ok', 'okay', 'fine', 'good',
  'great', 'perfect', 'correct', 'right', 'wrong', 'done', 'here', 'there', 'on', 'going', 'gonna', 'been',
  'no', 'almost', 'already', 'still', 'only', 'actually', 'definitely', 'probably', 'alright', 'nice', 'cool',
  'true', 'free', 'expensive', 'cheap', 'late', 'exactly', 'pretty', 'to',
]);
const TO = 'to';
const AFTER_TOO: ReadonlySet<string> = new Set([
  'expensive', 'pricey', 'costly', 'much', 'many', 'late', 'early', 'long', 'big', 'small', 'high', 'low',
  'hot', 'cold', 'sweet', 'strong', 'bitter', 'busy', 'complicated', 'difficult', 'hard', 'slow',
]);
/** What may follow "too expensive" and the like, besides the end or punctuation. */
const AFTER_DEGREE: ReadonlySet<string> = new Set(['for', 'to', 'and', 'but', 'so', 'now', 'though', 'anyway', 'right', 'today', 'honestly']);

/**
 * "out of" is one word, a content word: "out of stock", "out of our price range" say the opposite of "in
 * stock", "within our price range", so a match may not leave it out.
 */
const OUT = 'out';
const MISPLACED_NOT = "'nt";
const OUT_OF = 'outof';

const ALREADY = 'already';
/** Verbs "already" stands before, where "all ready" does not: "all ready have", not "all ready to go". */
const AFTER_ALREADY: ReadonlySet<string> = new Set([
  'have', 'be', 'do', 'get', 'know', 'pay', 'buy', 'use', 'send', 'sign', 'order', 'make', 'try', 'tell', 'talk', 'speak',
  'see', 'say', 'finish', 'start', 'receive', 'work', 'call', 'place', 'book', 'schedule', 'cancel', 'give', 'take',
  'spend', 'submit', 'decide', 'choose', 'agree', 'hear', 'read', 'install', 'contact', 'email', 'reply', 'answer',
  'apply', 'register', 'subscribe', 'purchase', 'own', 'go', 'ask', 'check', 'renew', 'switch', 'move',
]);

/** Words that need more than a copy: contractions, compounds, number words, "per", "non", "No.", ceasing verbs, "its", "to", "out of". */
const SPECIAL: ReadonlySet<string> = new Set([
  ...CONTRACTIONS.keys(), ...CLOSED_COMPOUNDS.keys(), ...NUMBER_WORDS.keys(), ...NUMBER_SCALES.keys(), ...ALRIGHT_SPELLINGS,
  ...CEASING, 'per', 'all', 'what', JOINED_PREFIX, NO_STOP, BEING, ITS, TO, OUT,
]);

function isPlainWord(lemma: string | undefined): lemma is string {
  if (lemma === undefined || lemma.length === 0) return false;
  for (let i = 0; i < lemma.length; i++) {
    const c = lemma.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c > 127 && c < 0x2000))) return false;
  }
  return true;
}

/** Hyphenated parts read as one word: "non-fat" as "nonfat", a single letter's ("e-mail"), where wink-nlp keeps the word whole. */
function joinsNext(part: string): boolean {
  return part === JOINED_PREFIX || (part.length === 1 && isPlainWord(part));
}

function isNumberWord(lemma: string): boolean {
  return NUMBER_WORDS.has(lemma) || NUMBER_SCALES.has(lemma);
}

export function emptyStream(): TokenStream {
  return { count: 0, lemma: [], normal: null, src: [], flags: [] };
}

/** Normalizes into `out` (emptied first), so that the hot path reuses one stream. */
export function normalize(source: TokenSource, withNormals: boolean, out: TokenStream = emptyStream()): TokenStream {
  const lemmas = source.lemmas;
  const normals = withNormals ? source.normals() : null;
  out.count = 0;
  out.lemma.length = 0;
  out.src.length = 0;
  out.flags.length = 0;
  out.normal = withNormals ? [] : null;
  let pending = 0;
  const emit = (lemma: string, normal: string, src: number, flags = 0): void => {
    out.lemma.push(lemma);
    out.normal?.push(normal);
    out.src.push(src);
    out.flags.push(pending | flags);
    pending = 0;
    out.count++;
  };

  const n = lemmas.length;
  for (let i = 0; i < n; i++) {
    const lemma = lemmas[i];
    const code = lemma.charCodeAt(0);
    if (!isWordStart(code)) {
      const currency = CURRENCIES.get(lemma);
      if (currency !== undefined && i + 1 < n && AMOUNT.test(lemmas[i + 1])) {
        // Both from the sign, so that a match of "20 dollars" starts where "$20" does.
        emit(lemmas[i + 1], normals ? normals[i + 1] : lemmas[i + 1], i);
        emit(currency, currency, i);
        i++;
        continue;
      }
      if (lemma === '%') emit('percent', 'percent', i);
      else pending |= punctuationFlags(lemma);
      if (code === CH_QUESTION && out.count > 0) out.flags[out.count - 1] |= QUESTION_AFTER;
      continue;
    }
    if (lemma === "'") continue;
    // Most tokens are plain words: one set lookup and two scans tell them apart.
    // An acronym spelled out letter by letter, as speech-to-text writes it: "G D P R" is "GDPR".
    if (lemma.length === 1 && code >= 97 && code <= 122) {
      const end = spelledEnd(lemmas, i);
      if (end > i) {
        let word = '', written = '';
        for (let k = i; k < end; k++) {
          word += lemmas[k];
          written += normals ? normals[k] : lemmas[k];
        }
        emit(word, written, i);
        i = end - 1;
        continue;
      }
    }
    const lastCode = lemma.charCodeAt(lemma.length - 1);
    if (!SPECIAL.has(lemma) && !(code >= CH_0 && code <= CH_9) && !(lastCode >= CH_0 && lastCode <= CH_9) && lemma.indexOf("'") < 0 && lemma.indexOf('-') < 0) {
      emit(lemma, normals ? normals[i] : lemma, i);
      continue;
    }

    // A name and its number written as one, as "SOC 2" and "COVID-19" are written apart: "SOC2", "covid19".
    const named = NAME_NUMBER.exec(lemma);
    if (named !== null) {
      const written = normals ? normals[i] : lemma;
      emit(named[1], written.slice(0, named[1].length), i);
      emit(named[2], named[2], i);
      continue;
    }

    if (lemma === BEING) {
      emit('be', normals ? normals[i] : lemma, i);
      continue;
    }

    if (lemma === OUT && lemmas[i + 1] === 'of') {
      emit(OUT_OF, normals ? `${normals[i]} ${normals[i + 1]}` : OUT_OF, i);
      i++;
      continue;
    }
    if (lemma === ITS && AFTER_ITS.has(lemmas[i + 1])) {
      emit('it', 'it', i);
      emit('be', 'is', i);
      continue;
    }
    if (lemma === TO && AFTER_TOO.has(lemmas[i + 1]) && (i + 2 >= n || !isPlainWord(lemmas[i + 2]) || AFTER_DEGREE.has(lemmas[i + 2]))) {
      emit('too', 'too', i);
      continue;
    }

    if (CEASING.has(lemma) && ceasesBefore(source, i)) {
      emit('not', normals ? normals[i] : lemma, i);
      continue;
    }

    if (lemma === NO_STOP) {
      emit('no', 'no', i);
      pending |= SENTENCE_BEFORE | CLAUSE_BEFORE;
      continue;
    }

    // A misplaced apostrophe is the same contraction: "does'nt", "ca'nt" (typed and transcribed so).
    const expansion = CONTRACTIONS.get(lemma) ?? (lemma.endsWith(MISPLACED_NOT) ? CONTRACTIONS.get(lemma.replace("'", '')) : undefined);
    if (expansion !== undefined) {
      for (const [l, nf] of expansion) emit(l, nf, i);
      continue;
    }

    const compound = CLOSED_COMPOUNDS.get(lemma);
    if (compound !== undefined) {
      // The written halves ("pick" + "ups"), unless the spelling differs.
      const normal = normals ? normals[i] : lemma;
      const split = normal.startsWith(compound[0]) ? compound[0].length : -1;
      emit(compound[0], split < 0 ? compound[0] : normal.slice(0, split), i);
      emit(compound[1], split < 0 ? compound[1] : normal.slice(split), i, COMPOUND_TAIL);
      continue;
    }

    if (ALRIGHT_SPELLINGS.has(lemma)) {
      emit(ALRIGHT, ALRIGHT, i);
      continue;
    }
    // "What time do you close" asks what "When do you close" does.
    if (lemma === 'what' && lemmas[i + 1] === 'time') {
      emit('when', normals ? normals[i] : lemma, i);
      i++;
      continue;
    }
    if (lemma === 'all' && lemmas[i + 1] === 'right') {
      emit(ALRIGHT, ALRIGHT, i);
      i++;
      continue;
    }
    // Speech-to-text writes "already" apart before its verb: "we all ready have a solution" (but "we're all
    // ready to order", "all ready for pickup").
    if (lemma === 'all' && lemmas[i + 1] === 'ready' && AFTER_ALREADY.has(lemmas[i + 2])) {
      emit(ALREADY, normals ? normals[i] + normals[i + 1] : ALREADY, i);
      i++;
      continue;
    }

    // "non fat" and "non - fat" (wink-nlp splits some hyphens off) are "nonfat".
    if (lemma === JOINED_PREFIX) {
      const next = lemmas[i + 1] === '-' ? i + 2 : i + 1;
      if (isPlainWord(lemmas[next])) {
        const joined = lemma + lemmas[next];
        emit(joined, normals ? normals[i] + normals[next] : joined, i);
        i = next;
        continue;
      }
    }

    // wink-nlp learns words as it reads: once it has seen "Latte's." it keeps "Latte's" whole, where before
    // it split "Latte" + "'s". Splitting here keeps results independent of what was read before.
    const clitic = CLITIC.exec(lemma);
    if (clitic !== null) {
      const [l, nf] = CLITICS.get(clitic[2])!;
      const base = normals ? normals[i].slice(0, normals[i].length - clitic[2].length - 1) : clitic[1];
      emit(clitic[1], base, i);
      emit(l, nf, i);
      continue;
    }

    if (isNumberWord(lemma) || (isDigits(lemma) && i + 1 < n && NUMBER_SCALES.has(lemmas[i + 1]))) {
      i = readNumber(lemmas, i, (value, start) => emit(value, value, start)) - 1;
      continue;
    }

    if (lemma === 'per' && lemmas[i + 1] === 'cent') {
      emit('percent', 'percent', i);
      i++;
      continue;
    }

    if (lemma.length > 1 && lemma.includes('-')) {
      const parts = lemma.split('-');
      let normalParts = normals ? normals[i].split('-') : parts;
      if (normalParts.length !== parts.length) normalParts = parts;
      for (let k = 0; k < parts.length; k++) {
        if (!parts[k]) continue;
        if (k + 1 < parts.length && joinsNext(parts[k]) && isPlainWord(parts[k + 1])) {
          emit(parts[k] + parts[k + 1], normalParts[k] + normalParts[k + 1], i);
          k++;
        } else {
          emit(parts[k], normalParts[k], i);
        }
      }
      continue;
    }

    emit(lemma, normals ? normals[i] : lemma, i);
  }
  return out;
}

/**
 * The end (exclusive) of a run of single letters from i that spells a word: three letters or more, or two
 * of which neither is "a" nor "i" (words of their own); else i.
 */
function spelledEnd(lemmas: string[], i: number): number {
  let end = i;
  while (end < lemmas.length && lemmas[end].length === 1 && lemmas[end] >= 'a' && lemmas[end] <= 'z') end++;
  const length = end - i;
  // (Not into a word of its own: "the U S" is no "us".)
  if (length >= 2 && classOf(lemmas.slice(i, end).join('')) !== CONTENT) return i;
  if (length >= 3) return end;
  if (length === 2 && !SINGLE_LETTER_WORDS.has(lemmas[i]) && !SINGLE_LETTER_WORDS.has(lemmas[i + 1])) return end;
  return i;
}
const SINGLE_LETTER_WORDS: ReadonlySet<string> = new Set(['a', 'i']);

/** Words in -ing that are no verb's. */
const NOT_PARTICIPLES: ReadonlySet<string> = new Set(['morning', 'evening', 'spring', 'string', 'ceiling', 'during']);

/**
 * Whether wink token i + 1 is a verb in -ing ("using", not "stop sign" nor "quit it"). Written forms, not
 * tags: wink-nlp reads "working" of "stopped working yesterday" as an adjective.
 */
function ceasesBefore(source: TokenSource, i: number): boolean {
  const next = source.lemmas[i + 1];
  if (next === undefined || !isPlainWord(next)) return false;
  const written = source.normals()[i + 1];
  return written.length > 4 && written.endsWith('ing') && !written.endsWith('thing') && !NOT_PARTICIPLES.has(written);
}

/**
 * Reads a run of number words ("five hundred and twenty-one", "3 thousand") from `start`, hands the value
 * in digits to `emit`, and returns the index after the run.
 */
function readNumber(lemmas: string[], start: number, emit: (value: string, start: number) => void): number {
  let total = 0;
  let current = 0;
  let seen = false;
  let afterScale = false;
  let i = start;
  for (; i < lemmas.length; i++) {
    const lemma = lemmas[i];
    const unit = NUMBER_WORDS.get(lemma);
    const scale = NUMBER_SCALES.get(lemma);
    if (i === start && isDigits(lemma)) {
      current = Number(lemma);
    } else if (unit !== undefined) {
      // "twenty five" adds; "five five" is two numbers.
      if (seen && current % 10 !== 0 && unit < 10) break;
      if (seen && unit >= 10 && current % 100 !== 0) break;
      current += unit;
    } else if (scale !== undefined) {
      current = (current || 1) * scale;
      if (scale >= 1000) {
        total += current;
        current = 0;
      }
    } else if ((lemma === '-' || (lemma === 'and' && afterScale)) && seen && NUMBER_WORDS.has(lemmas[i + 1])) {
      continue;
    } else {
      break;
    }
    seen = true;
    afterScale = scale !== undefined;
  }
  emit(String(total + current), start);
  return i;
}
