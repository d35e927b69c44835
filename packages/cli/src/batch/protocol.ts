// The typed messages between `phrasewatch match` (main thread) and its batch workers. Workers parse and
// match whole files, so the main thread only reads bytes and writes results.
import type { InputFileMessage, InputFormat } from '@phrasewatch/core';
import type { MatchOptions, Tracker, TrackerDetected } from '@phrasewatch/matcher';

export interface BatchInit {
  trackers: Tracker[];
  matchOptions: MatchOptions;
  inputFormat?: InputFormat;
  /** Send trackers-detected as objects with the messages (csv, table, --store), else as JSON text. */
  objects: boolean;
}

export interface BatchFile {
  source: string;
  text: string;
}

export interface BatchRecord {
  conversationId: string;
  messages: InputFileMessage[];
  /** The trackers-detected array, as objects or, when only JSON is written, as JSON text. */
  trackers: TrackerDetected[] | string;
}

export type BatchFileResult = { source: string; records: BatchRecord[] } | { source: string; error: string };
