import porter2 from 'wink-porter2-stemmer';
import { DEFAULTS } from './defaults.js';

/** Porter2 stem of a lemma; digits, short words and over-long ones are their own stem. */
export function stemOf(lemma: string): string {
  if (lemma.length < 3 || lemma.length > DEFAULTS.maxWordLength) return lemma;
  const c = lemma.charCodeAt(0);
  if (c >= 48 && c <= 57) return lemma;
  return joinDerivations(porter2(lemma));
}

// Latinate verb/noun pairs whose Porter2 stems differ ("subscrib"/"subscript"): the noun's stem ending is
// rewritten to the verb's, so that one stem covers both; isDerivedForm still decides which words pair.
// "certif" (certification) / "certifi" (certify) and "complianc", "compliant" / "compli" likewise; a
// noun in -ance/-ence whose stem keeps its "c" ("urgenc", "absenc") takes its adjective's ("urgent").
const STEM_REWRITES: ReadonlyArray<readonly [string, string]> = [
  ['script', 'scrib'], ['sumpt', 'sum'], ['cept', 'ceiv'], ['cis', 'cid'], ['if', 'ifi'], ['ianc', 'i'], ['iant', 'i'],
  ['anc', 'ant'], ['enc', 'ent'],
];

function joinDerivations(stem: string): string {
  for (const [noun, verb] of STEM_REWRITES) if (stem.endsWith(noun)) return stem.slice(0, stem.length - noun.length) + verb;
  return stem;
}

/**
 * Verb and noun endings of the same pairs: "subscribe"/"subscription", "receive"/"reception",
 * "certify"/"certification" (and "certified", which wink-nlp leaves as written where it reads an
 * adjective), "comply"/"compliance"/"compliant"; and an adjective's noun: "compliant"/"compliance",
 * "important"/"importance", "urgent"/"urgency".
 */
const DERIVATIONS: ReadonlyArray<readonly [string, string]> = [
  ['scribe', 'scription'], ['sume', 'sumption'], ['ceive', 'ception'], ['cide', 'cision'],
  ['ify', 'ification'], ['ified', 'ification'], ['y', 'iance'], ['y', 'iant'],
  ['ant', 'ance'], ['ant', 'ancy'], ['ent', 'ence'], ['ent', 'ency'],
];

/**
 * Words in -ant/-ent that name a person or a thing, not a quality, so that their -ance/-ency word is
 * another word: an "agent" is no "agency", a "patient" no "patience", "current" no "currency".
 */
const NOT_ADJECTIVES: ReadonlySet<string> = new Set([
  'agent', 'patient', 'resident', 'student', 'assistant', 'attendant', 'accountant', 'consultant', 'tenant',
  'occupant', 'correspondent', 'president', 'servant', 'applicant', 'participant', 'current', 'present',
  'emergent', 'constituent', 'descendant', 'defendant', 'entrant', 'inhabitant', 'informant', 'regent',
  'respondent', 'superintendent', 'opponent', 'component', 'client', 'parent', 'dependant',
]);

/** Shorter words in -ant/-ent are seldom adjectives of an -ance noun: "chant"/"chance". */
const ADJECTIVE_MIN_LENGTH = 6;

function isAdjectivePair(verb: string, short: string): boolean {
  if (verb !== 'ant' && verb !== 'ent') return true;
  return short.length >= ADJECTIVE_MIN_LENGTH && !NOT_ADJECTIVES.has(short);
}

// Endings that turn a word into a form or derivation of itself. Porter2 also strips others ("university"
// and "universe" share "univers"), which would join unrelated words.
const ENDINGS: readonly string[] = [
  's', 'es', 'd', 'ed', 'ing', 'er', 'ers', 'ion', 'ions', 'ation', 'ations', 'ment', 'ments',
  'able', 'ability', 'ly', 'ness', 'al', 'ance', 'ances', 'ence', 'ences',
  // A noun's verb: "vaccine" / "vaccinated", "valid" / "validate".
  'ate', 'ates', 'ated', 'ating',
];

/** Whether two words with one stem are forms of each other: the shorter (less a final "e") + an ending. */
export function isDerivedForm(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  for (const [verb, noun] of DERIVATIONS) {
    if (short.endsWith(verb) && long.startsWith(short.slice(0, -verb.length)) && (long.endsWith(noun) || long.endsWith(noun + 's')) && isAdjectivePair(verb, short)) {
      if (long.length - (long.endsWith('s') ? 1 : 0) === short.length - verb.length + noun.length) return true;
    }
  }
  // Less a final "e" ("price"/"pricing"), or with a final "y" as "i" ("certify"/"certified").
  const bases = short.endsWith('e') ? [short, short.slice(0, -1)] : short.endsWith('y') ? [short, short.slice(0, -1) + 'i'] : [short];
  for (const base of bases) {
    if (long.startsWith(base) && (long.length === base.length || ENDINGS.includes(long.slice(base.length)))) return true;
    // Doubled final consonant: "cancelled", "running".
    if (long.startsWith(base + base[base.length - 1]) && ENDINGS.includes(long.slice(base.length + 1))) return true;
  }
  return false;
}

/** A misspelling that keeps the stem: the same word with its last letter doubled ("cancell" for "cancel"). */
export function isDoubledEnding(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= DEFAULTS.fuzzyMinLength && long === short + short[short.length - 1];
}
