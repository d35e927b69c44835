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

export const trackersJson = (record: MatchRecord): string => {
  const { trackers } = record;
  if (typeof trackers === 'string') return trackers;
  return trackers instanceof Uint8Array ? Buffer.from(trackers.buffer, trackers.byteOffset, trackers.byteLength).toString('utf8') : JSON.stringify(trackers);
};

const recordHead = (record: MatchRecord): string =>
  `{"conversationId":${JSON.stringify(record.conversationId)},"source":${JSON.stringify(record.source)},"trackers":`;

/** The line `phrasewatch match` has printed since its first version; keep it byte for byte. */
export const recordJson = (record: MatchRecord): string => `${recordHead(record)}${trackersJson(record)}}`;

/**
 * `before + recordJson(record) + after` as one chunk to write: bytes when the trackers came as bytes
 * from a worker (they are copied once, never decoded), else text.
 */
export function recordChunk(record: MatchRecord, before: string, after: string): string | Uint8Array {
  const { trackers } = record;
  if (!(trackers instanceof Uint8Array)) return before + recordJson(record) + after;
  return Buffer.concat([Buffer.from(before + recordHead(record)), trackers, Buffer.from(`}${after}`)]);
}
