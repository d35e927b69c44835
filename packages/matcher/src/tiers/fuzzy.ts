// Fuzzy tier's word level: which phrase words a message word may be a mis-transcription of.
// An index over the phrase vocabulary picks candidates (same sound key, or one deletion apart on each
// side); fuse.js scores only those, so no message word is ever compared with the whole vocabulary.
import Fuse from 'fuse.js';
import { DEFAULTS } from '../defaults.js';
import { CONTENT, NEGATING_PREFIXES } from '../lexicon.js';
import { phoneticKey } from '../phonetic.js';

export interface Neighbors {
  /** Lemma ids of the phrase words this word may stand for. */
  readonly lemmas: Int32Array;
  /** Similarity to each, in (0, 1). */
  readonly sims: Float32Array;
  /**
   * Where the kinds begin, if any: lemmas[kindsFrom ..] are general nouns this word names a kind of
   * (synonyms.ts, genericsOf), which it stands for only as a noun for a noun, and as weaker evidence.
   */
  readonly kindsFrom?: number;
  /**
   * Where the antonyms begin, if any, after the kinds: lemmas[antonymsFrom ..] mean what this word does
   * with a negation (synonyms.ts, antonymsOf).
   */
  readonly antonymsFrom?: number;
}

export const NO_NEIGHBORS: Neighbors = Object.freeze({ lemmas: new Int32Array(0), sims: new Float32Array(0) });

function isFuzzyWord(word: string): boolean {
  if (word.length < DEFAULTS.fuzzyMinLength || word.length > DEFAULTS.fuzzyMaxLength) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

function deletionsOf(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** "comfortable" is not a misheard "uncomfortable": a negating prefix makes an opposite, not a typo. */
function isNegatedForm(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return NEGATING_PREFIXES.some((prefix) => long.length === short.length + prefix.length && long.startsWith(prefix) && long.endsWith(short));
}

export class FuzzyIndex {
  /** The words looked up: each phrase lemma, and the phrases' written forms of it ("encrypted"). */
  private readonly keys: string[] = [];
  /** The lemma id each key stands for. */
  private readonly keyLemma: number[] = [];
  private readonly byDeletion = new Map<string, number[]>();
  private readonly bySound = new Map<string, number[]>();

  /**
   * `forms`: written forms of phrase words with their lemma ids, so that a misspelled inflection ("encripted",
   * which wink-nlp leaves as it is) is compared with "encrypted", not with the lemma "encrypt".
   */
  constructor(
    lemmas: readonly string[],
    lemmaClass: Uint8Array,
    private readonly lemmaStem: Int32Array,
    forms: ReadonlyArray<readonly [string, number]> = [],
  ) {
    const add = (word: string, id: number): void => {
      if (lemmaClass[id] !== CONTENT || !isFuzzyWord(word)) return;
      const key = this.keys.length;
      this.keys.push(word);
      this.keyLemma.push(id);
      for (const deleted of deletionsOf(word)) push(this.byDeletion, deleted, key);
      push(this.bySound, phoneticKey(word), key);
    };
    lemmas.forEach((lemma, id) => add(lemma, id));
    // (Only of words long enough to be fuzzy themselves: "teas" would let "team" stand for "tea".)
    for (const [form, id] of forms) if (form !== lemmas[id] && isFuzzyWord(lemmas[id])) add(form, id);
  }

  /** Phrase words `word` may be a mis-transcription of; `stem` is its stem id (-1 if none), `self` its lemma id. */
  neighbors(word: string, self: number, stem: number): Neighbors {
    if (!isFuzzyWord(word)) return NO_NEIGHBORS;
    const found = new Set<number>();
    for (const deleted of deletionsOf(word)) for (const key of this.byDeletion.get(deleted) ?? []) found.add(key);
    for (const key of this.bySound.get(phoneticKey(word)) ?? []) found.add(key);
    const candidates: number[] = [];
    for (const key of found) {
      const other = this.keys[key], id = this.keyLemma[key];
      if (id === self || (stem >= 0 && this.lemmaStem[id] === stem)) continue;
      if (Math.abs(other.length - word.length) > DEFAULTS.fuzzyMaxLengthDelta) continue;
      if (isNegatedForm(word, other)) continue;
      candidates.push(key);
    }
    if (candidates.length === 0) return NO_NEIGHBORS;
    const fuse = new Fuse(candidates.map((key) => this.keys[key]), {
      includeScore: true,
      ignoreLocation: true,
      threshold: DEFAULTS.fuzzyMaxScore,
    });
    // One similarity per lemma: the best of its forms'.
    const best = new Map<number, number>();
    for (const r of fuse.search(word)) {
      if ((r.score ?? 1) > DEFAULTS.fuzzyMaxScore) continue;
      const id = this.keyLemma[candidates[r.refIndex]], sim = Math.min(DEFAULTS.fuzzySimilarityCap, 1 - (r.score ?? 1));
      if (sim > (best.get(id) ?? 0)) best.set(id, sim);
    }
    if (best.size === 0) return NO_NEIGHBORS;
    return { lemmas: Int32Array.from(best.keys()), sims: Float32Array.from(best.values()) };
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}
