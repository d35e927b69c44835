// `phrasewatch stats`: hit counts from the store, as a table, JSON or CSV.
import type { Command } from 'commander';
import { UsageError } from '../exit.js';
import { printJson, writeOut, type Io } from '../io.js';
import { csvField, formatTable } from '../output/index.js';
import { withStore } from '../store.js';

type Run = (code: Promise<number>) => Promise<void>;

export function registerStats(program: Command, io: Io, run: Run): void {
  program
    .command('stats')
    .description('Tracker hit counts (one hit = one message matched by one tracker) from the store')
    .option('--from <date>', 'first day, ISO date')
    .option('--to <date>', 'last day, ISO date')
    .option('--tracker <id...>', 'only these trackers')
    .option('--speaker <name>', 'only this speaker')
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--db <path>', 'store file')
    .addHelpText('after', '\nExample:\n  phrasewatch stats --from 2024-03-01 --format csv > hits.csv\n')
    .action((options: { from?: string; to?: string; tracker?: string[]; speaker?: string; format: string; db?: string }) => run((async () => {
      if (!['table', 'json', 'csv'].includes(options.format)) throw new UsageError(`option --format must be table, json or csv, got "${options.format}"`);
      return withStore(options.db, async (store) => {
        const stats = await store.trackerStats({
          ...(options.from ? { from: options.from } : {}),
          ...(options.to ? { to: options.to } : {}),
          ...(options.tracker ? { trackerIds: options.tracker } : {}),
          ...(options.speaker ? { speaker: options.speaker } : {}),
        });
        if (options.format === 'json') await printJson(io.stdout, stats);
        else if (options.format === 'csv') {
          const rows = [
            ...stats.trackers.map((r) => ['tracker', r.trackerId, '', r.trackerId, r.name, r.hits]),
            ...stats.conversations.map((r) => ['conversation', r.conversationId, '', r.trackerId, r.name, r.hits]),
            ...stats.speakers.map((r) => ['speaker', r.speaker ?? '', '', r.trackerId, r.name, r.hits]),
            ...stats.days.map((r) => ['day', r.day, '', r.trackerId, r.name, r.hits]),
          ].map((r) => [r[0], r[1], r[3], r[4], r[5]]);
          await writeOut(io.stdout, ['by,key,trackerId,tracker,hits', ...rows.map((r) => r.map((v) => csvField(v as string | number)).join(','))].join('\r\n') + '\r\n');
        } else {
          await writeOut(io.stdout, formatTable(['tracker', 'id', 'hits'], stats.trackers.map((r) => [r.name, r.trackerId, String(r.hits)])));
          await writeOut(io.stdout, '\n' + formatTable(['day', 'tracker', 'hits'], stats.days.map((r) => [r.day, r.name, String(r.hits)])));
          await writeOut(io.stdout, '\n' + formatTable(['speaker', 'tracker', 'hits'], stats.speakers.map((r) => [r.speaker ?? '(unknown)', r.name, String(r.hits)])));
        }
        return 0;
      });
    })()));
}
