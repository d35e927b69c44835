// A human view: the matched messages (tracker, phrase, where, the message), one line per conversation
// with its tracker hits, then totals per tracker.
import { writeOut, type Output } from '../io.js';
import type { Paint } from '../colors.js';
import type { RecordWriter } from './types.js';
import type { TrackerDetected } from '@phrasewatch/matcher';

export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/** Matches listed line by line; past this many, the rest are counted (the JSON formats have them all). */
const MAX_MATCH_ROWS = 100;
const TEXT_WIDTH = 70;

const clip = (text: string, width = TEXT_WIDTH): string => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
};

export function tableWriter(out: Output, paint: Paint): RecordWriter {
  const rows: string[][] = [];
  const matches: string[][] = [];
  let moreMatches = 0;
  const totals = new Map<string, number>();
  return {
    needsObjects: true,
    async write(record) {
      const hits = (record.trackers as TrackerDetected[]).map((t) => {
        const messages = new Set(t.matches.flatMap((m) => m.messageRefs.map((r) => r.id)));
        totals.set(t.name, (totals.get(t.name) ?? 0) + messages.size);
        return `${t.name} ×${messages.size}`;
      });
      rows.push([record.conversationId, record.source, String(record.messages.length), hits.join(', ') || '—']);
      for (const t of record.trackers as TrackerDetected[]) {
        for (const m of t.matches) {
          for (const ref of m.messageRefs) {
            if (matches.length === MAX_MATCH_ROWS) {
              moreMatches++;
              continue;
            }
            matches.push([t.name, clip(m.value, 40), ref.id, ref.offset >= 0 ? `at ${ref.offset}` : 'similar', clip(ref.text)]);
          }
        }
      }
    },
    async end() {
      if (matches.length > 0) {
        const more = moreMatches > 0 ? `… and ${moreMatches} more (--format jsonl, json or csv lists them all)\n` : '';
        await writeOut(out, paint.bold('Matches') + '\n' + formatTable(['tracker', 'phrase', 'message', 'where', 'text'], matches) + more + '\n');
      }
      await writeOut(out, paint.bold('Conversations') + '\n' + formatTable(['conversation', 'source', 'messages', 'trackers (messages matched)'], rows));
      const sorted = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      await writeOut(out, '\n' + paint.bold('Trackers') + '\n' + formatTable(['tracker', 'messages matched'], sorted.map(([name, n]) => [name, String(n)])));
    },
  };
}
