import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile.js';
import { indexFromBytes, indexToBytes } from '../src/index-bytes.js';
import { match } from '../src/match.js';

const TRACKERS = [
  { name: 'Promotion "Mention" \u{1F4B8}', vocabulary: ['We have a sale right now on', 'a special promotion'] },
  { name: 'Price Objection', vocabulary: ["I can't afford this", 'too expensive'], excludeVocabulary: ['not too expensive'] },
];
const MESSAGES = [
  { id: 'm1', text: "We're running a sale right now on shoes" },
  { id: 'm2', text: "Honestly it's too expensive and I can not afford this" },
  { id: 'm3', text: 'Is there a special promotion?' },
];

describe('indexToBytes and indexFromBytes', () => {
  it('read back an index that matches as the compiled one does, every typed array equal', () => {
    const index = compile(TRACKERS);
    const read = indexFromBytes(indexToBytes(index));
    expect(read).toEqual(index);
    for (const [key, value] of Object.entries(index)) if (ArrayBuffer.isView(value)) expect((read as never)[key]).toBeInstanceOf(value.constructor);
    for (const threshold of [0.5, 0.8]) expect(match(read, MESSAGES, { details: true, threshold })).toEqual(match(index, MESSAGES, { details: true, threshold }));
  });

  it('make views on the bytes they are given instead of copying them', () => {
    const bytes = indexToBytes(compile(TRACKERS));
    const read = indexFromBytes(bytes);
    expect(read.patternStart.buffer).toBe(bytes.buffer);
    expect(read.trie.edgeStem.buffer).toBe(bytes.buffer);
  });

  it('read bytes that sit at an odd offset in a larger buffer, by copying them', () => {
    const bytes = indexToBytes(compile(TRACKERS));
    const larger = new Uint8Array(bytes.length + 3);
    larger.set(bytes, 3);
    const read = indexFromBytes(larger.subarray(3));
    expect(match(read, MESSAGES)).toEqual(match(compile(TRACKERS), MESSAGES));
  });

  it('reject what is not an index, a truncated one and another version with index.invalid', () => {
    const bytes = indexToBytes(compile(TRACKERS));
    const other = bytes.slice();
    other[4] = 9;
    for (const [input, why] of [
      [new TextEncoder().encode('not an index'), /wrong magic number/],
      [bytes.subarray(0, 8), /too short/],
      [bytes.slice(0, 40), /truncated header/],
      [bytes.slice(0, bytes.length - 64), /not a phrasewatch index/],
      [other, /version 9, this matcher reads 1/],
    ] as const) {
      expect(() => indexFromBytes(input)).toThrow(expect.objectContaining({ code: 'index.invalid', message: expect.stringMatching(why) }));
    }
  });

  it('refuses to write what is not a compiled index', () => {
    expect(() => indexToBytes({} as never)).toThrow(/index must be the result of compile/);
  });
});
