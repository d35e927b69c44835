// Detections in compact form: one row per (phrase, message) match, in typed arrays. This is what the
// pool's workers send back (transferred, not copied) and what `group` turns into Symbl's shape.
export interface Detections {
  count: number;
  phrase: Int32Array;
  /** Index of the message in the conversation's messages array. */
  message: Int32Array;
  offset: Int32Array;
  score: Float32Array;
  tier: Uint8Array;
}

const EMPTY: Detections = Object.freeze({
  count: 0,
  phrase: new Int32Array(0),
  message: new Int32Array(0),
  offset: new Int32Array(0),
  score: new Float32Array(0),
  tier: new Uint8Array(0),
});

/**
 * Grows as rows are added; `finish` sorts rows by phrase (then message, the order they came in) into
 * arrays of their own and empties the builder, so that one builder serves every conversation.
 */
export class DetectionsBuilder {
  private count = 0;
  private phrase = new Int32Array(256);
  private message = new Int32Array(256);
  private offset = new Int32Array(256);
  private score = new Float32Array(256);
  private tier = new Uint8Array(256);

  add(phrase: number, message: number, offset: number, score: number, tier: number): void {
    if (this.count === this.phrase.length) this.grow();
    const k = this.count++;
    this.phrase[k] = phrase;
    this.message[k] = message;
    this.offset[k] = offset;
    this.score[k] = score;
    this.tier[k] = tier;
  }

  /** Row k's confidence. */
  scoreAt(k: number): number {
    return this.score[k];
  }

  /** Gives row k another match of its phrase in its message. */
  replace(k: number, offset: number, score: number, tier: number): void {
    this.offset[k] = offset;
    this.score[k] = score;
    this.tier[k] = tier;
  }

  /** Rows added since the last `finish`. */
  get size(): number {
    return this.count;
  }

  /** Appends row `k` of `source` as a match in `message`. */
  addRow(source: DetectionsBuilder, k: number, message: number): void {
    this.add(source.phrase[k], message, source.offset[k], source.score[k], source.tier[k]);
  }

  /** Copies the rows from `mark` on into the given arrays, from index `at`. */
  copyRows(mark: number, phrase: Int32Array, offset: Int32Array, score: Float32Array, tier: Uint8Array, at: number): void {
    phrase.set(this.phrase.subarray(mark, this.count), at);
    offset.set(this.offset.subarray(mark, this.count), at);
    score.set(this.score.subarray(mark, this.count), at);
    tier.set(this.tier.subarray(mark, this.count), at);
  }

  /** Drops every row, keeping the arrays. */
  clear(): void {
    this.count = 0;
  }

  private grow(): void {
    const size = this.phrase.length * 2;
    const grown = <T extends Int32Array | Float32Array | Uint8Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.phrase = grown(this.phrase, Int32Array);
    this.message = grown(this.message, Int32Array);
    this.offset = grown(this.offset, Int32Array);
    this.score = grown(this.score, Float32Array);
    this.tier = grown(this.tier, Uint8Array);
  }

  finish(): Detections {
    const n = this.count;
    this.count = 0;
    if (n === 0) return EMPTY;
    const keys = sortedKeys(this.phrase, n);
    // The five arrays share one buffer: one allocation, not five, for the few dozen rows of most
    // conversations. (Int32 and Float32 first, so every view is aligned.)
    const buffer = new ArrayBuffer(n * 17);
    const out: Detections = {
      count: n,
      phrase: new Int32Array(buffer, 0, n),
      message: new Int32Array(buffer, 4 * n, n),
      offset: new Int32Array(buffer, 8 * n, n),
      score: new Float32Array(buffer, 12 * n, n),
      tier: new Uint8Array(buffer, 16 * n, n),
    };
    for (let r = 0; r < n; r++) {
      const k = keys[r] % 0x1000000;
      out.phrase[r] = this.phrase[k];
      out.message[r] = this.message[k];
      out.offset[r] = this.offset[k];
      out.score[r] = this.score[k];
      out.tier[r] = this.tier[k];
    }
    return out;
  }
}

let keyScratch = new Float64Array(256);
/** Up to this many rows, sorted by insertion. */
const INSERTION_MAX = 32;

/**
 * Sort keys of rows 0 .. n-1, in order: phrase id high, arrival order low (rows arrive in message order),
 * 2^24 rows a conversation. Few rows are sorted by insertion, which costs less than calling the builtin.
 */
function sortedKeys(phrase: Int32Array, n: number): Float64Array {
  if (n > keyScratch.length) keyScratch = new Float64Array(Math.max(n, keyScratch.length * 2));
  const keys = keyScratch;
  for (let k = 0; k < n; k++) keys[k] = phrase[k] * 0x1000000 + k;
  if (n > INSERTION_MAX) {
    keys.subarray(0, n).sort();
    return keys;
  }
  for (let i = 1; i < n; i++) {
    const key = keys[i];
    let j = i - 1;
    for (; j >= 0 && keys[j] > key; j--) keys[j + 1] = keys[j];
    keys[j + 1] = key;
  }
  return keys;
}
