// Matches of message texts already matched. A message's matches depend on its text alone (and the index
// and threshold), and conversations repeat their lines: "Yes.", an agent's script read word for word in
// every call. A repeated text is neither read by wink-nlp nor matched again; its rows are copied.
import { DEFAULTS } from './defaults.js';
import { DetectionsBuilder } from './detections.js';
import { IntList } from './int-list.js';

export class MessageMemo {
  private readonly slots = new Map<string, number>();
  /** Rows of slot s: rows[starts[s] .. starts[s + 1]). */
  private readonly starts = new IntList(1024);
  private readonly rows = new DetectionsBuilder();
  private chars = 0;
  /** The threshold (a confidence, as given to match) the kept rows were found with. */
  private threshold = NaN;

  constructor() {
    this.starts.push(0);
  }

  /** Starts matching at `threshold`: rows found at another one are forgotten. */
  use(threshold: number): void {
    if (threshold !== this.threshold) this.clear();
    this.threshold = threshold;
  }

  /** Copies the rows kept for `text` into `out` as matches in message `message`; false when none are kept. */
  replay(text: string, message: number, out: DetectionsBuilder): boolean {
    const slot = this.slots.get(text);
    if (slot === undefined) return false;
    const starts = this.starts.items;
    for (let k = starts[slot]; k < starts[slot + 1]; k++) out.addRow(this.rows, k, message);
    return true;
  }

  /** Keeps the rows `out` gained since it held `mark` rows, as those of `text`. */
  keep(text: string, out: DetectionsBuilder, mark: number): void {
    if (text.length > DEFAULTS.memoMaxTextLength) return;
    const rows = out.size - mark;
    // Bounded: when full it starts over, which costs only the texts it would have recognised.
    if (this.chars + text.length > DEFAULTS.memoChars || this.rows.size + rows > DEFAULTS.memoRows) this.clear();
    for (let k = mark; k < out.size; k++) this.rows.addRow(out, k, 0);
    this.slots.set(text, this.starts.length - 1);
    this.starts.push(this.rows.size);
    this.chars += text.length;
  }

  private clear(): void {
    this.slots.clear();
    this.starts.length = 1;
    this.rows.clear();
    this.chars = 0;
  }
}
