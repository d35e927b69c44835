// Compile-time lists of integers, grown by doubling into typed arrays, and the size of the
// open-addressing tables built beside them.

/** The smallest power of two (16 at least) that holds `entries` with the table at most half full. */
export function halfFullSize(entries: number): number {
  let size = 16;
  while (size < entries * 2) size *= 2;
  return size;
}

/** A growable Int32Array: building the index pushes ~150k items per list, which plain arrays do slowly. */
export class IntList {
  items: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.items = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.items.length) this.grow();
    this.items[this.length++] = value;
  }

  toArray(): Int32Array {
    return this.items.slice(0, this.length);
  }

  private grow(): void {
    const items = new Int32Array(this.items.length * 2);
    items.set(this.items);
    this.items = items;
  }
}
