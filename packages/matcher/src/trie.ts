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

interface Entry {
  pattern: number;
  flags: number;
}

export class TrieBuilder {
  private readonly children: Array<Map<number, number>> = [new Map()];
  private readonly outputs: Entry[][] = [[]];

  insert(stems: ArrayLike<number>, pattern: number, flags: number): void {
    let node = 0;
    for (let i = 0; i < stems.length; i++) {
      const edges = this.children[node];
      let next = edges.get(stems[i]);
      if (next === undefined) {
        next = this.children.length;
        edges.set(stems[i], next);
        this.children.push(new Map());
        this.outputs.push([]);
      }
      node = next;
    }
    this.outputs[node].push({ pattern, flags });
  }

  pack(stemCount: number): TrieData {
    const root = new Int32Array(stemCount).fill(EMPTY);
    for (const [stem, child] of this.children[0]) root[stem] = child;
    let edges = 0;
    for (let n = 1; n < this.children.length; n++) edges += this.children[n].size;
    let size = 16;
    while (size < edges * 2) size *= 2;
    const mask = size - 1;
    const edgeNode = new Int32Array(size).fill(EMPTY);
    const edgeStem = new Int32Array(size);
    const edgeChild = new Int32Array(size);
    for (let n = 1; n < this.children.length; n++) {
      for (const [stem, child] of this.children[n]) {
        let s = slot(n, stem, mask);
        while (edgeNode[s] !== EMPTY) s = (s + 1) & mask;
        edgeNode[s] = n;
        edgeStem[s] = stem;
        edgeChild[s] = child;
      }
    }
    const outStart = new Int32Array(this.outputs.length + 1);
    let total = 0;
    for (let n = 0; n < this.outputs.length; n++) {
      outStart[n] = total;
      total += this.outputs[n].length;
    }
    outStart[this.outputs.length] = total;
    const outPattern = new Int32Array(total);
    const outFlags = new Uint8Array(total);
    for (let n = 0, k = 0; n < this.outputs.length; n++) {
      for (const { pattern, flags } of this.outputs[n]) {
        outPattern[k] = pattern;
        outFlags[k++] = flags;
      }
    }
    return { root, edgeNode, edgeStem, edgeChild, outStart, outPattern, outFlags };
  }
}
