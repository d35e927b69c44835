// `phrasewatch worker`: runs the store's jobs, and nothing else. With --queue it takes them from BullMQ
// on Redis (as many workers on as many machines as you start); without, it finds them in the store.
// SIGINT or SIGTERM: it takes no new job, finishes the running ones, and exits.
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { untilSignal } from '../signals.js';
import { openCliStore, runnerSettings, withRunnerOptions, type RunnerFlags } from '../store.js';

type Run = (code: Promise<number>) => Promise<void>;

interface WorkerOptions extends RunnerFlags {
  queue?: string;
  untilIdle?: boolean;
}

export function registerWorker(program: Command, io: Io, run: Run): void {
  withRunnerOptions(program.command('worker'))
    .description('Run the store\'s async jobs (from BullMQ with --queue), until SIGINT or SIGTERM')
    .option('--queue <url>', 'take jobs from BullMQ on Redis: redis://host:port[?prefix=name]')
    .option('--until-idle', 'exit once no job is left to run')
    .addHelpText('after', '\nExample:\n  phrasewatch worker --db postgres://127.0.0.1/phrasewatch --queue redis://127.0.0.1:6379 --threads 2\n')
    .action((options: WorkerOptions) => run((async () => {
      const runner = runnerSettings(options);
      const { threads } = runner;
      const store = await openCliStore(options.db, {
        runJobs: true,
        queue: options.queue,
        ...runner,
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
