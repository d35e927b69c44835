// A trie over stem ids, packed into typed arrays: the root's children in a direct array (most walks end
// there), deeper edges in one open-addressing hash table. Lookups cost the same for 10 or 25,000 phrases.
import { IntList, halfFullSize } from './int-list.js';
import type { TrieData } from './types.js';

const EMPTY = -1;

function slot(node: number, stem: number, mask: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(stem + 1, 0x85ebca6b)) & mask;
}

/**
 * Child of `node` along `stem`, or -1. Node 0 is the root. `childBits` is childStemBits(trie): most
 * walks end at a node with no child along the next stem, and it tells so without probing the edge table.
 */
export function childOf(trie: TrieData, node: number, stem: number, childBits: Int32Array): number {
  if (node === 0) return stem >= 0 && stem < trie.root.length ? trie.root[stem] : EMPTY;
  if (!(childBits[node] & (1 << (stem & 31)))) return EMPTY;
  const { edgeNode, edgeStem, edgeChild } = trie;
  const mask = edgeNode.length - 1;
  for (let s = slot(node, stem, mask); ; s = (s + 1) & mask) {
    const n = edgeNode[s];
    if (n === EMPTY) return EMPTY;
    if (n === node && edgeStem[s] === stem) return edgeChild[s];
  }
}

/** For each node, a 32-bit set of its children's stems (bit stem & 31), for childOf. */
export function childStemBits(trie: TrieData): Int32Array {
  const bits = new Int32Array(trie.outStart.length - 1);
  for (let s = 0; s < trie.edgeNode.length; s++) {
    if (trie.edgeNode[s] !== EMPTY) bits[trie.edgeNode[s]] |= 1 << (trie.edgeStem[s] & 31);
  }
  return bits;
}

export class TrieBuilder {
  private readonly root: Int32Array;
  /** Deeper edges, already in the packed layout: an open-addressing table kept at most half full. */
  private edgeNode: Int32Array;
  private edgeStem: Int32Array;
  private edgeChild: Int32Array;
  private edges = 0;
  private nodes = 1;
  /** Outputs as parallel lists: node, pattern, flags. */
  private readonly outNode = new IntList();
  private readonly outPatterns = new IntList();
  private readonly outFlagList = new IntList();

  /** Stem ids are 0 .. stemCount - 1; `edges` sizes the table for that many (it grows past them). */
  constructor({ stemCount, edges = 512 }: { stemCount: number; edges?: number }) {
    this.root = new Int32Array(stemCount).fill(EMPTY);
    const size = halfFullSize(edges);
    this.edgeNode = new Int32Array(size).fill(EMPTY);
    this.edgeStem = new Int32Array(size);
    this.edgeChild = new Int32Array(size);
  }

  insert(stems: ArrayLike<number>, pattern: number, flags: number): void {
    let node = 0;
    for (let i = 0; i < stems.length; i++) node = this.childOrNew(node, stems[i]);
    this.outNode.push(node);
    this.outPatterns.push(pattern);
    this.outFlagList.push(flags);
  }

  private childOrNew(node: number, stem: number): number {
    if (node === 0) {
      if (this.root[stem] === EMPTY) this.root[stem] = this.nodes++;
      return this.root[stem];
    }
    if ((this.edges + 1) * 2 > this.edgeNode.length) this.rehash(this.edgeNode.length * 2);
    const mask = this.edgeNode.length - 1;
    let s = slot(node, stem, mask);
    for (; this.edgeNode[s] !== EMPTY; s = (s + 1) & mask) {
      if (this.edgeNode[s] === node && this.edgeStem[s] === stem) return this.edgeChild[s];
    }
    this.edgeNode[s] = node;
    this.edgeStem[s] = stem;
    this.edges++;
    return (this.edgeChild[s] = this.nodes++);
  }

  private rehash(size: number): void {
    const { edgeNode, edgeStem, edgeChild } = this;
    const mask = size - 1;
    this.edgeNode = new Int32Array(size).fill(EMPTY);
    this.edgeStem = new Int32Array(size);
    this.edgeChild = new Int32Array(size);
    for (let k = 0; k < edgeNode.length; k++) {
      if (edgeNode[k] === EMPTY) continue;
      let s = slot(edgeNode[k], edgeStem[k], mask);
      while (this.edgeNode[s] !== EMPTY) s = (s + 1) & mask;
      this.edgeNode[s] = edgeNode[k];
      this.edgeStem[s] = edgeStem[k];
      this.edgeChild[s] = edgeChild[k];
    }
  }

  pack(): TrieData {
    // The table was sized for an estimate; the index keeps one at most half full, and no larger.
    const size = halfFullSize(this.edges);
    if (size < this.edgeNode.length) this.rehash(size);
    // Outputs grouped by node, in insertion order within a node (a counting sort).
    const outs = this.outNode.length, outNode = this.outNode.items;
    const outStart = new Int32Array(this.nodes + 1);
    for (let k = 0; k < outs; k++) outStart[outNode[k] + 1]++;
    for (let n = 0; n < this.nodes; n++) outStart[n + 1] += outStart[n];
    const fill = outStart.slice(0, this.nodes);
    const outPattern = new Int32Array(outs);
    const outFlags = new Uint8Array(outs);
    for (let k = 0; k < outs; k++) {
      const at = fill[outNode[k]]++;
      outPattern[at] = this.outPatterns.items[k];
      outFlags[at] = this.outFlagList.items[k];
    }
    const { root, edgeNode, edgeStem, edgeChild } = this;
    return { root, edgeNode, edgeStem, edgeChild, outStart, outPattern, outFlags };
  }
}
