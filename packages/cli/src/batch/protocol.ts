// The typed messages between `phrasewatch match` (main thread) and its batch workers. Workers read, parse
// and match whole files, so the main thread only hands out paths and writes results.
import type { InputFileMessage, InputFormat } from '@phrasewatch/core';
import type { MatchOptions, SharedMemo, Tracker, TrackerDetected } from '@phrasewatch/matcher';

export interface BatchInit {
  trackers: Tracker[];
  /**
   * The BroadcastChannel on which the main thread posts the compiled trackers (a CompiledIndex as indexToBytes writes it), once
   * and again whenever a worker posts WORKER_READY on it: workers start before the index is ready.
   */
  channel: string;
  matchOptions: MatchOptions;
  /** The memo of matched message texts that every thread of the run shares (at the run's threshold). */
  memo?: SharedMemo;
  inputFormat?: InputFormat;
  /** When the recordings started (ISO): subtitle cues get wall-clock times. */
  startedAt?: string;
  /** Send trackers-detected as objects with the messages (csv, table, --store), else as JSON text. */
  objects: boolean;
}

/** A file to convert: its path, read where it is converted, or its text (standard input). */
export const WORKER_READY = 'ready';

export interface BatchFile {
  source: string;
  text?: string;
}

export interface BatchRecord {
  conversationId: string;
  messages: InputFileMessage[];
  /**
   * The trackers-detected array: as objects (CSV, table, --store); when only JSON is written, as JSON
   * text, or from a worker as that text's UTF-8 bytes, transferred, which the main thread writes out
   * without decoding or copying them into its heap.
   */
  trackers: TrackerDetected[] | string | Uint8Array;
  /** Counted where the matching ran: `messages` may come back empty from a worker. */
  messageCount: number;
  /** Message refs in `trackers`. */
  matchCount: number;
}

/** A file's records, and the lines of a JSON Lines file that could not be read: [line, reason]. */
export type BatchFileResult = { source: string; records: BatchRecord[]; badLines: Array<[number, string]> } | { source: string; error: string };
