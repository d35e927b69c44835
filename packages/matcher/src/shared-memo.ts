// The memo of matched message texts (see message-memo.ts) in shared memory, for threads that match with
// one index: each text is matched by one thread, and every thread replays it. Apart, two threads over
// files that repeat each other's lines both matched every line once. Entries are only ever added, in
// space taken with Atomics; when the space is used up, texts are matched as if there were no memo.
import { DEFAULTS } from './defaults.js';
import type { DetectionsBuilder } from './detections.js';
import { ErrorCode, MatcherError } from './errors.js';
import { halfFullSize } from './int-list.js';
import type { CompiledIndex } from './types.js';
import { checkMatchOptions } from './validate.js';

/** The memo's shared buffers, as passed to workers (structured clone shares them, copying nothing). */
export interface SharedMemo {
  /** The confidence threshold the memo's matches were found at: other thresholds do not use it. */
  readonly threshold: number;
  /** Counters, then the slots: SLOT_INTS Int32 each. */
  readonly table: SharedArrayBuffer;
  /** The texts kept, as UTF-16 code units. */
  readonly text: SharedArrayBuffer;
  /** The rows kept: phrase, offset (Int32), score (Float32), tier (Uint8) arrays, one after another. */
  readonly rows: SharedArrayBuffer;
}

export interface SharedMemoOptions {
  threshold?: number;
  /** UTF-16 code units of text held at most. */
  chars?: number;
  /** Rows held at most. */
  rows?: number;
}

// Counters at the head of the table.
const TEXT_USED = 0, ROWS_USED = 1, ENTRIES = 2, INDEX = 3, HEAD_INTS = 4;
// A slot: state, hash, text start, text length, row start, row count.
const SLOT_INTS = 6;
const EMPTY = 0, WRITING = 1, READY = 2;

/** Shared buffers for a memo of `chars` characters and `rows` rows; pages are touched only as they fill. */
export function createSharedMemo(options: SharedMemoOptions = {}): SharedMemo {
  checkMatchOptions({ threshold: options.threshold });
  for (const name of ['chars', 'rows'] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
      throw new MatcherError(ErrorCode.optionInvalid, `option "${name}" must be a positive integer, got ${JSON.stringify(value)}`);
    }
  }
  const chars = options.chars ?? DEFAULTS.memoChars;
  const rows = options.rows ?? DEFAULTS.memoRows;
  // Half full at most, with short texts: one slot per 16 characters, and 1,024 slots at least.
  const slots = Math.max(1024, halfFullSize(chars / 16));
  return {
    threshold: options.threshold ?? DEFAULTS.threshold,
    table: new SharedArrayBuffer((HEAD_INTS + slots * SLOT_INTS) * 4),
    text: new SharedArrayBuffer(chars * 2),
    rows: new SharedArrayBuffer(rows * 13),
  };
}

/** One thread's view of a SharedMemo: the same `replay` and `keep` as MessageMemo. */
export class SharedMemoView {
  readonly threshold: number;
  private readonly head: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly text: Uint16Array;
  private readonly phrase: Int32Array;
  private readonly offset: Int32Array;
  private readonly score: Float32Array;
  private readonly tier: Uint8Array;

  /** Throws when `memo` is already shared by threads matching with another index than `index`. */
  constructor(memo: SharedMemo, index: CompiledIndex) {
    this.threshold = memo.threshold;
    this.head = new Int32Array(memo.table, 0, HEAD_INTS);
    this.slots = new Int32Array(memo.table, HEAD_INTS * 4);
    this.mask = this.slots.length / SLOT_INTS - 1;
    this.text = new Uint16Array(memo.text);
    const rows = memo.rows.byteLength / 13;
    this.phrase = new Int32Array(memo.rows, 0, rows);
    this.offset = new Int32Array(memo.rows, rows * 4, rows);
    this.score = new Float32Array(memo.rows, rows * 8, rows);
    this.tier = new Uint8Array(memo.rows, rows * 12, rows);
    // Rows name phrases by id: one memo serves one index only.
    const print = fingerprint(index);
    const owner = Atomics.compareExchange(this.head, INDEX, 0, print);
    if (owner !== 0 && owner !== print) throw new MatcherError(ErrorCode.optionInvalid, 'this shared memo is in use with another index: give each index its own');
  }

  replay(text: string, message: number, out: DetectionsBuilder): boolean {
    const slot = this.find(text, hashOf(text));
    if (slot < 0) return false;
    const { slots, phrase, offset, score, tier } = this;
    const from = slots[slot + 4], to = from + slots[slot + 5];
    for (let k = from; k < to; k++) out.add(phrase[k], message, offset[k], score[k], tier[k]);
    return true;
  }

  keep(text: string, out: DetectionsBuilder, mark: number): void {
    const length = text.length, count = out.size - mark;
    if (length > DEFAULTS.memoMaxTextLength || Atomics.load(this.head, ENTRIES) > this.mask >> 1) return;
    // Once full, no more space is taken (so the counters cannot run past the 32-bit range).
    if (Atomics.load(this.head, TEXT_USED) + length > this.text.length || Atomics.load(this.head, ROWS_USED) + count > this.phrase.length) return;
    const hash = hashOf(text);
    // Space is taken before the slot, so that a slot is published with its data in place.
    const textStart = Atomics.add(this.head, TEXT_USED, length);
    if (textStart + length > this.text.length) return;
    const rowStart = Atomics.add(this.head, ROWS_USED, count);
    if (rowStart + count > this.phrase.length) return;
    for (let i = 0; i < length; i++) this.text[textStart + i] = text.charCodeAt(i);
    out.copyRows(mark, this.phrase, this.offset, this.score, this.tier, rowStart);
    const { slots, mask } = this;
    for (let probe = 0, at = hash & mask; probe <= mask; probe++, at = (at + 1) & mask) {
      const slot = at * SLOT_INTS;
      const state = Atomics.compareExchange(slots, slot, EMPTY, WRITING);
      if (state === EMPTY) {
        slots[slot + 1] = hash;
        slots[slot + 2] = textStart;
        slots[slot + 3] = length;
        slots[slot + 4] = rowStart;
        slots[slot + 5] = count;
        Atomics.add(this.head, ENTRIES, 1);
        Atomics.store(slots, slot, READY);
        return;
      }
      // Another thread kept the same text first: its entry serves.
      if (state === READY && this.same(slot, hash, text)) return;
    }
  }

  /** The slot (its first Int32) holding `text`, or -1. A slot being written counts as another text. */
  private find(text: string, hash: number): number {
    const { slots, mask } = this;
    for (let probe = 0, at = hash & mask; probe <= mask; probe++, at = (at + 1) & mask) {
      const slot = at * SLOT_INTS;
      const state = Atomics.load(slots, slot);
      if (state === EMPTY) return -1;
      if (state === READY && this.same(slot, hash, text)) return slot;
    }
    return -1;
  }

  private same(slot: number, hash: number, text: string): boolean {
    const { slots } = this;
    if (slots[slot + 1] !== hash || slots[slot + 3] !== text.length) return false;
    const start = slots[slot + 2];
    for (let i = 0; i < text.length; i++) if (this.text[start + i] !== text.charCodeAt(i)) return false;
    return true;
  }
}

/** FNV-1a over UTF-16 code units. */
function hashOf(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/** A hash of the index's trackers and phrases, never 0 (the unclaimed memo's mark). */
function fingerprint(index: CompiledIndex): number {
  let hash = 0x811c9dc5;
  for (const id of index.trackerIds) hash = hashOf(id, hash);
  for (const value of index.phraseValue) hash = hashOf(value, hash);
  for (let k = 0; k < index.phraseTracker.length; k++) hash = Math.imul(hash ^ index.phraseTracker[k], 0x01000193);
  return hash | 1;
}
