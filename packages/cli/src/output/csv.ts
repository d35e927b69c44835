// One row per message reference (RFC 4180 quoting).
import { writeOut, type Output } from '../io.js';
import type { RecordWriter } from './types.js';
import type { TrackerDetected } from '@phrasewatch/matcher';

// timeOffset: seconds from the start of the recording, for subtitle cues.
export const CSV_COLUMNS = ['conversationId', 'source', 'tracker', 'phrase', 'messageId', 'offset', 'speaker', 'startTime', 'timeOffset', 'text'] as const;

export function csvField(value: string | number | undefined): string {
  const s = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvWriter(out: Output): RecordWriter {
  let header = false;
  return {
    needsObjects: true,
    async write(record) {
      const rows: string[] = [];
      if (!header) {
        rows.push(CSV_COLUMNS.join(','));
        header = true;
      }
      const byId = new Map(record.messages.map((m) => [m.id, m]));
      for (const tracker of record.trackers as TrackerDetected[]) {
        for (const match of tracker.matches) {
          for (const ref of match.messageRefs) {
            const message = byId.get(ref.id);
            rows.push([record.conversationId, record.source, tracker.name, match.value, ref.id, ref.offset, message?.from.name ?? message?.from.userId, message?.startTime, message?.timeOffset, ref.text].map(csvField).join(','));
          }
        }
      }
      if (rows.length > 0) await writeOut(out, rows.join('\r\n') + '\r\n');
    },
    end: async () => {
      if (!header) await writeOut(out, CSV_COLUMNS.join(',') + '\r\n');
    },
  };
}
