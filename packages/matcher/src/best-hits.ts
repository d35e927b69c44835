// The best match of each pattern in the message being matched, in typed arrays indexed by pattern id and
// stamped with the message's serial: no object or map entry per hit. (A Map of hit objects, cleared for
// every message, cost a sixth of a whole match against 25,000 phrases.)

export class BestHits {
  /** Patterns hit in this message, in the order first hit. */
  readonly patterns: Int32Array;
  count = 0;
  readonly tier: Uint8Array;
  readonly score: Float64Array;
  /** Message token a contiguous match starts at; -1 for a similar one. */
  readonly start: Int32Array;
  /** Phrase token a contiguous comparison starts at (1 when a leading pronoun was dropped). */
  readonly patternFrom: Uint8Array;
  private readonly stamp: Uint32Array;
  private serial = 0;

  constructor(patternCount: number) {
    this.patterns = new Int32Array(patternCount);
    this.tier = new Uint8Array(patternCount);
    this.score = new Float64Array(patternCount);
    this.start = new Int32Array(patternCount);
    this.patternFrom = new Uint8Array(patternCount);
    this.stamp = new Uint32Array(patternCount);
  }

  /** Starts a message. Serials are 32-bit and never 0; after a wrap, pass `restart` to clear the stamps. */
  reset(serial: number, restart: boolean): void {
    if (restart) this.stamp.fill(0);
    this.serial = serial;
    this.count = 0;
  }

  /** Keeps the hit if it is the pattern's first in this message or scores above the one kept. */
  offer(pattern: number, tier: number, score: number, start: number, patternFrom: number): void {
    if (this.stamp[pattern] !== this.serial) {
      this.stamp[pattern] = this.serial;
      this.patterns[this.count++] = pattern;
    } else if (score <= this.score[pattern]) {
      return;
    }
    this.tier[pattern] = tier;
    this.score[pattern] = score;
    this.start[pattern] = start;
    this.patternFrom[pattern] = patternFrom;
  }
}
