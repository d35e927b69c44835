// `phrasewatch process`, `job` and `conversation`: Symbl's Async Text and Conversation APIs over the store.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { readConversations, type InputFormat, type Job, type Store } from '@phrasewatch/core';
import type { Command } from 'commander';
import { checkStartedAt } from '../options.js';
import { UsageError, describeError } from '../exit.js';
import { printJson, writeOut, type Io } from '../io.js';
import { csvField, formatTable } from '../output/index.js';
import { withStore } from '../store.js';
import { readTrackerFile } from './match.js';

type Run = (code: Promise<number>) => Promise<void>;

/** The job once it has completed or failed, whoever ran it. */
async function finished(store: Store, jobId: string): Promise<Job> {
  for (;;) {
    const job = await store.getJob(jobId);
    if (job.status === 'completed' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function registerProcess(program: Command, io: Io, run: Run): void {
  program
    .command('process')
    .description('Submit a transcript as an async text job; prints {conversationId, jobId}, or the trackers detected with --wait')
    .argument('<file>', 'a transcript in any format phrasewatch match reads')
    .option('--trackers <file>', 'trackers for this conversation only')
    .option('--enable-all-trackers', 'apply every tracker in the store')
    .option('--input-format <format>', 'the file\'s format, when its name and content do not tell')
    .option('--started-at <time>', 'when the recording started (ISO), for subtitle cue times; default: now')
    .option('--wait', 'run the job here (or, with --queue, wait for a worker to) and print the trackers detected')
    .option('--db <path>', 'store: an SQLite file, or postgres://… for PostgreSQL')
    .option('--queue <url>', 'enqueue on BullMQ (redis://…) for `phrasewatch worker`')
    .addHelpText('after', '\nExample:\n  phrasewatch process call.vtt --enable-all-trackers --wait\n')
    .action((file: string, options: { trackers?: string; enableAllTrackers?: boolean; inputFormat?: InputFormat; startedAt?: string; wait?: boolean; db?: string; queue?: string }) =>
      run(
        (async () => {
          let text: string;
          try {
            text = await readFile(file, 'utf8');
          } catch (error) {
            throw new UsageError(`${file}: ${describeError(error)}`);
          }
          // Like Symbl with a recording: cue times count from when it started, by default from now.
          const startedAt = checkStartedAt(options.startedAt) ?? new Date().toISOString();
          const conversations = readConversations(text, { name: file, baseName: basename(file, extname(file)), format: options.inputFormat, startedAt });
          const trackers = options.trackers ? (await readTrackerFile(options.trackers)).trackers : [];
          const queued = options.queue !== undefined || Boolean(process.env.PHRASEWATCH_QUEUE);
          return withStore(options.db, async (store) => {
            for (const conversation of conversations) {
              const submitted = await store.processText({
                name: conversation.conversationId,
                messages: conversation.messages.map((m) => ({
                  payload: { content: m.text },
                  from: m.from,
                  ...(m.startTime ? { duration: { startTime: m.startTime, endTime: m.endTime ?? m.startTime } } : {}),
                })),
                trackers: [...trackers, ...(conversation.trackers ?? [])],
                enableAllTrackers: options.enableAllTrackers === true,
              });
              if (!options.wait) {
                await writeOut(io.stdout, JSON.stringify(submitted) + '\n');
                continue;
              }
              const job = await finished(store, submitted.jobId);
              if (job.status !== 'completed') throw new Error(`job ${job.id} ${job.status}${job.reason ? `: ${job.reason}` : ''}`);
              await printJson(io.stdout, await store.getTrackersDetected(submitted.conversationId));
            }
            if (!options.wait && !queued) io.stderr.write('phrasewatch: scheduled; `phrasewatch worker` or `phrasewatch serve` on this store runs it (or use --wait)\n');
            return 0;
          }, { runJobs: options.wait === true && !queued, queue: options.queue });
        })(),
      ),
    );

  program
    .command('job')
    .description('Show a job\'s status')
    .argument('<id>')
    .option('--db <path>', 'store file')
    .addHelpText('after', '\nExample:\n  phrasewatch job 9f0c2d7e-1b9a-4c5e-8f3e-2a1d4b6c8e0f\n')
    .action((id: string, options: { db?: string }) => run(withStore(options.db, async (store) => {
      await printJson(io.stdout, await store.getJob(id));
      return 0;
    })));

  const views = {
    get: 'getConversation',
    messages: 'getMessages',
    members: 'getMembers',
    'trackers-detected': 'getTrackersDetected',
    questions: 'getQuestions',
    'action-items': 'getActionItems',
    'follow-ups': 'getFollowUps',
    topics: 'getTopics',
  } as const;
  program
    .command('conversation')
    .description(`Show a stored conversation (${Object.keys(views).join(', ')}), or list them all`)
    .argument('<view>', `list | ${Object.keys(views).join(' | ')}`)
    .argument('[id]', 'conversation id, or the name of one conversation')
    .option('--format <format>', 'for list: table, json or csv', 'table')
    .option('--db <path>', 'store: an SQLite file, or postgres://… for PostgreSQL')
    .addHelpText('after', '\nExample:\n  phrasewatch conversation trackers-detected 4476908732794497   (or: phrasewatch conversation list)\n')
    .action((view: string, id: string | undefined, options: { db?: string; format: string }) => run((async () => {
      if (view === 'list') {
        if (!['table', 'json', 'csv'].includes(options.format)) throw new UsageError(`--format must be table, json or csv, got "${options.format}"`);
        return withStore(options.db, async (store) => {
          const { conversations } = await store.listConversations();
          const rows = conversations.map((c) => [c.id, c.name, c.createdOn, String(c.messageCount), String(c.hits)]);
          const header = ['id', 'name', 'when', 'messages', 'hits'];
          if (options.format === 'json') await printJson(io.stdout, { conversations });
          else if (options.format === 'csv') await writeOut(io.stdout, [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n');
          else await writeOut(io.stdout, conversations.length === 0 ? 'no conversations in the store\n' : formatTable(header, rows));
          return 0;
        });
      }
      const method = views[view as keyof typeof views];
      if (!method) throw new UsageError(`unknown view "${view}"; use list or one of ${Object.keys(views).join(', ')}`);
      if (id === undefined) throw new UsageError(`conversation ${view} needs a conversation id (see "phrasewatch conversation list")`);
      return withStore(options.db, async (store) => {
        await printJson(io.stdout, await store[method](await store.resolveConversationId(id)));
        return 0;
      });
    })()));
}
