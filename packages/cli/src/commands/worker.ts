// `phrasewatch worker`: runs the store's jobs, and nothing else. With --queue it takes them from BullMQ
// on Redis (as many workers on as many machines as you start); without, it finds them in the store.
// SIGINT or SIGTERM: it takes no new job, finishes the running ones, and exits.
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { untilSignal } from '../signals.js';
import { openCliStore, webhookRules } from '../store.js';
import { positiveInteger } from './serve.js';

type Run = (code: Promise<number>) => Promise<void>;

interface WorkerOptions {
  db?: string;
  queue?: string;
  threads?: string;
  lease: string;
  webhookAllow?: string;
  webhookRefusePrivate?: boolean;
  untilIdle?: boolean;
}

export function registerWorker(program: Command, io: Io, run: Run): void {
  program
    .command('worker')
    .description('Run the store\'s async jobs (from BullMQ with --queue), until SIGINT or SIGTERM')
    .option('--db <path>', 'store: an SQLite file, or postgres://… for PostgreSQL')
    .option('--queue <url>', 'take jobs from BullMQ on Redis: redis://host:port[?prefix=name]')
    .option('--threads <n>', 'worker threads for matching (default: the number of cores)')
    .option('--lease <ms>', 'how long a job stays claimed without renewal before another runner takes it', String(30_000))
    .option('--webhook-allow <hosts>', 'only these hosts and networks (comma-separated names, addresses or CIDRs) receive webhooks')
    .option('--webhook-refuse-private', 'refuse webhooks to loopback and private addresses (link-local and metadata ones are always refused)')
    .option('--until-idle', 'exit once no job is left to run')
    .addHelpText('after', '\nExample:\n  phrasewatch worker --db postgres://127.0.0.1/phrasewatch --queue redis://127.0.0.1:6379 --threads 2\n')
    .action((options: WorkerOptions) => run((async () => {
      const threads = options.threads === undefined ? availableParallelism() : positiveInteger('threads', options.threads);
      const store = await openCliStore(options.db, {
        runJobs: true,
        queue: options.queue,
        threads,
        leaseMs: positiveInteger('lease', options.lease, 100),
        webhook: webhookRules(options),
        onError: (error) => io.stderr.write(`phrasewatch: ${error.message}\n`),
      });
      io.stderr.write(`phrasewatch: worker running jobs on ${threads} thread${threads === 1 ? '' : 's'}\n`);
      if (options.untilIdle) {
        await store.idle();
      } else {
        const signal = await untilSignal();
        io.stderr.write(`phrasewatch: ${signal}, finishing running jobs\n`);
      }
      await store.close();
      io.stderr.write('phrasewatch: stopped\n');
      return 0;
    })()));
}
