// A trie over stem ids, packed into typed arrays: the root's children in a direct array (most walks end
// there), deeper edges in one open-addressing hash table. Lookups cost the same for 10 or 25,000 phrases.
import type { TrieData } from './types.js';

const EMPTY = -1;

function slot(node: number, stem: number, mask: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(stem + 1, 0x85ebca6b)) & mask;
}

/** Child of `node` along `stem`, or -1. Node 0 is the root. */
export function childOf(trie: TrieData, node: number, stem: number): number {
  if (node === 0) return stem >= 0 && stem < trie.root.length ? trie.root[stem] : EMPTY;
  const { edgeNode, edgeStem, edgeChild } = trie;
  const mask = edgeNode.length - 1;
  for (let s = slot(node, stem, mask); ; s = (s + 1) & mask) {
    const n = edgeNode[s];
    if (n === EMPTY) return EMPTY;
    if (n === node && edgeStem[s] === stem) return edgeChild[s];
  }
}

export class TrieBuilder {
  /** Edges of every node in one map, keyed by node * stemCount + stem: one map, not one per node. */
  private readonly edges = new Map<number, number>();
  private nodes = 1;
  /** Outputs as parallel lists: node, pattern, flags. */
  private readonly outNode: number[] = [];
  private readonly outPatterns: number[] = [];
  private readonly outFlagList: number[] = [];

  /** Stem ids are 0 .. stemCount - 1. */
  constructor(private readonly stemCount: number) {}

  insert(stems: ArrayLike<number>, pattern: number, flags: number): void {
    let node = 0;
    for (let i = 0; i < stems.length; i++) {
      const key = node * this.stemCount + stems[i];
      let next = this.edges.get(key);
      if (next === undefined) {
        next = this.nodes++;
        this.edges.set(key, next);
      }
      node = next;
    }
    this.outNode.push(node);
    this.outPatterns.push(pattern);
    this.outFlagList.push(flags);
  }

  pack(): TrieData {
    const stride = this.stemCount;
    const root = new Int32Array(stride).fill(EMPTY);
    let edges = 0;
    for (const [key, child] of this.edges) {
      if (key < stride) root[key] = child;
      else edges++;
    }
    let size = 16;
    while (size < edges * 2) size *= 2;
    const mask = size - 1;
    const edgeNode = new Int32Array(size).fill(EMPTY);
    const edgeStem = new Int32Array(size);
    const edgeChild = new Int32Array(size);
    for (const [key, child] of this.edges) {
      if (key < stride) continue;
      const n = Math.floor(key / stride), stem = key - n * stride;
      let s = slot(n, stem, mask);
      while (edgeNode[s] !== EMPTY) s = (s + 1) & mask;
      edgeNode[s] = n;
      edgeStem[s] = stem;
      edgeChild[s] = child;
    }
    // Outputs grouped by node, in insertion order within a node (a counting sort).
    const outStart = new Int32Array(this.nodes + 1);
    for (const node of this.outNode) outStart[node + 1]++;
    for (let n = 0; n < this.nodes; n++) outStart[n + 1] += outStart[n];
    const fill = outStart.slice(0, this.nodes);
    const outPattern = new Int32Array(this.outNode.length);
    const outFlags = new Uint8Array(this.outNode.length);
    this.outNode.forEach((node, k) => {
      const at = fill[node]++;
      outPattern[at] = this.outPatterns[k];
      outFlags[at] = this.outFlagList[k];
    });
    return { root, edgeNode, edgeStem, edgeChild, outStart, outPattern, outFlags };
  }
}
