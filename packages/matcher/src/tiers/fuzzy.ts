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
  private readonly byDeletion = new Map<string, number[]>();
  private readonly bySound = new Map<string, number[]>();

  constructor(
    private readonly lemmas: readonly string[],
    lemmaClass: Uint8Array,
    private readonly lemmaStem: Int32Array,
  ) {
    lemmas.forEach((lemma, id) => {
      if (lemmaClass[id] !== CONTENT || !isFuzzyWord(lemma)) return;
      for (const key of deletionsOf(lemma)) push(this.byDeletion, key, id);
      push(this.bySound, phoneticKey(lemma), id);
    });
  }

  /** Phrase words `word` may be a mis-transcription of; `stem` is its stem id (-1 if none), `self` its lemma id. */
  neighbors(word: string, self: number, stem: number): Neighbors {
    if (!isFuzzyWord(word)) return NO_NEIGHBORS;
    const found = new Set<number>();
    for (const key of deletionsOf(word)) for (const id of this.byDeletion.get(key) ?? []) found.add(id);
    for (const id of this.bySound.get(phoneticKey(word)) ?? []) found.add(id);
    const candidates: number[] = [];
    for (const id of found) {
      const other = this.lemmas[id];
      if (id === self || (stem >= 0 && this.lemmaStem[id] === stem)) continue;
      if (Math.abs(other.length - word.length) > DEFAULTS.fuzzyMaxLengthDelta) continue;
      if (isNegatedForm(word, other)) continue;
      candidates.push(id);
    }
    if (candidates.length === 0) return NO_NEIGHBORS;
    const fuse = new Fuse(candidates.map((id) => this.lemmas[id]), {
      includeScore: true,
      ignoreLocation: true,
      threshold: DEFAULTS.fuzzyMaxScore,
    });
    const results = fuse.search(word).filter((r) => (r.score ?? 1) <= DEFAULTS.fuzzyMaxScore);
    if (results.length === 0) return NO_NEIGHBORS;
    return {
      lemmas: Int32Array.from(results, (r) => candidates[r.refIndex]),
      sims: Float32Array.from(results, (r) => Math.min(DEFAULTS.fuzzySimilarityCap, 1 - (r.score ?? 1))),
    };
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}
