// Phrases that normalize alike (same lemmas, same normal forms, both excluded or not) share one pattern.
// Patterns are kept flat, as the index keeps them, and found by a hash of their token ids in an
// open-addressing table at most half full.
import { IntList, halfFullSize } from './int-list.js';

export class PatternSet {
  /** Where each pattern's tokens start in `lemma` and `normal`, and where the last one ends. */
  readonly start = new IntList();
  readonly lemma = new IntList();
  readonly normal = new IntList();
  readonly excluded = new IntList();
  private table: Int32Array;

  /** `expected`: how many patterns to size the table for (it grows past them). */
  constructor(expected: number) {
    this.start.push(0);
    this.table = new Int32Array(halfFullSize(expected)).fill(-1);
  }

  get count(): number {
    return this.excluded.length;
  }

  /** The pattern of these tokens: an earlier one with the same tokens, else a new one (id `count - 1`). */
  idOf(lemmaIds: Int32Array, normalIds: Int32Array, length: number, excluded: number): number {
    const mask = this.table.length - 1;
    let slot = hashOf(lemmaIds, normalIds, length, excluded) & mask;
    for (; this.table[slot] >= 0; slot = (slot + 1) & mask) {
      if (this.holds(this.table[slot], lemmaIds, normalIds, length, excluded)) return this.table[slot];
    }
    const q = this.count;
    this.table[slot] = q;
    for (let i = 0; i < length; i++) {
      this.lemma.push(lemmaIds[i]);
      this.normal.push(normalIds[i]);
    }
    this.start.push(this.lemma.length);
    this.excluded.push(excluded);
    if (this.count * 2 > this.table.length) this.grow();
    return q;
  }

  private holds(q: number, lemmaIds: Int32Array, normalIds: Int32Array, length: number, excluded: number): boolean {
    const from = this.start.items[q];
    if (this.excluded.items[q] !== excluded || this.start.items[q + 1] - from !== length) return false;
    for (let i = 0; i < length; i++) {
      if (this.lemma.items[from + i] !== lemmaIds[i] || this.normal.items[from + i] !== normalIds[i]) return false;
    }
    return true;
  }

  private grow(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = this.table.length - 1;
    for (let q = 0; q < this.count; q++) {
      const from = this.start.items[q];
      let slot = hashOf(this.lemma.items.subarray(from), this.normal.items.subarray(from), this.start.items[q + 1] - from, this.excluded.items[q]) & mask;
      while (this.table[slot] >= 0) slot = (slot + 1) & mask;
      this.table[slot] = q;
    }
  }
}

function hashOf(lemmaIds: Int32Array, normalIds: Int32Array, length: number, excluded: number): number {
  let hash = excluded;
  for (let i = 0; i < length; i++) hash = Math.imul(hash ^ lemmaIds[i], 0x9e3779b1) ^ Math.imul(normalIds[i] + 1, 0x85ebca6b);
  return hash;
}
