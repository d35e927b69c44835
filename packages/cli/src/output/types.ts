import type { InputFileMessage } from '@phrasewatch/core';
import type { TrackerDetected } from '@phrasewatch/matcher';

/** One conversation's result, as every writer receives it. */
export interface MatchRecord {
  conversationId: string;
  source: string;
  messages: InputFileMessage[];
  /** The trackers-detected array, as objects or, when a worker built it, as JSON text. */
  trackers: TrackerDetected[] | string;
}

export interface RecordWriter {
  /** Whether this writer needs `trackers` as objects (else JSON text is enough). */
  readonly needsObjects: boolean;
  write(record: MatchRecord): Promise<void>;
  /** Called once after the last record, also after failures. */
  end(): Promise<void>;
}

export const OUTPUT_FORMATS = ['jsonl', 'json', 'csv', 'table'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const trackersJson = (record: MatchRecord): string => (typeof record.trackers === 'string' ? record.trackers : JSON.stringify(record.trackers));

/** The line `phrasewatch match` has printed since its first version; keep it byte for byte. */
export const recordJson = (record: MatchRecord): string =>
  `{"conversationId":${JSON.stringify(record.conversationId)},"source":${JSON.stringify(record.source)},"trackers":${trackersJson(record)}}`;
