import type { BatchRecord } from '../batch/protocol.js';

/** One conversation's result and the file it came from, as every writer receives it. */
export interface MatchRecord extends BatchRecord {
  source: string;
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
