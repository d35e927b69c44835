// `phrasewatch serve`: the Symbl-compatible server on the local store, until SIGINT or SIGTERM.
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { DEFAULTS } from '../defaults.js';
import { UsageError } from '../exit.js';
import type { Io } from '../io.js';
import { buildServer } from '../server/app.js';
import { tokenIssuer } from '../server/auth.js';
import { openCliStore, webhookRules } from '../store.js';
import { untilSignal } from '../signals.js';

type Run = (code: Promise<number>) => Promise<void>;

interface ServeOptions {
  host: string;
  port: string;
  db?: string;
  appId?: string;
  appSecret?: string;
  maxJobs: string;
  queue?: string;
  threads?: string;
  lease?: string;
  webhookAllow?: string;
  webhookRefusePrivate?: boolean;
  authFailures: string;
  authWindow: string;
}

export function positiveInteger(name: string, value: string, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`option --${name} must be an integer of at least ${min}, got "${value}"`);
  return n;
}

export function registerServe(program: Command, io: Io, run: Run): void {
  program
    .command('serve')
    .description('Serve Symbl\'s REST API (trackers, async text, conversations) on the local store')
    .option('--host <host>', 'address to listen on', DEFAULTS.serveHost)
    .option('--port <port>', 'port (0 picks a free one)', DEFAULTS.servePort)
    .option('--db <path>', 'store: an SQLite file, or postgres://… for PostgreSQL')
    .option('--queue <url>', 'BullMQ on Redis (redis://host:port[?prefix=name]): accept and enqueue here, run jobs in `phrasewatch worker`')
    .option('--threads <n>', 'worker threads for jobs\' matching (default: the number of cores)')
    .option('--lease <ms>', 'how long a job stays claimed without renewal before another runner takes it', String(30_000))
    .option('--webhook-allow <hosts>', 'only these hosts and networks (comma-separated names, addresses or CIDRs) receive webhooks')
    .option('--webhook-refuse-private', 'refuse webhooks to loopback and private addresses (link-local and metadata ones are always refused)')
    .option('--auth-failures <n>', 'failed token requests a client may make per window before it gets 429', '10')
    .option('--auth-window <seconds>', 'the window for --auth-failures', '60')
    .option('--app-id <id>', 'the appId clients authenticate with (or PHRASEWATCH_APP_ID)')
    .option('--app-secret <secret>', 'the appSecret (or PHRASEWATCH_APP_SECRET)')
    .option('--max-jobs <n>', 'jobs scheduled or running before async requests get 429', DEFAULTS.serveMaxJobs)
    .addHelpText('after', '\nExample:\n  PHRASEWATCH_APP_ID=me PHRASEWATCH_APP_SECRET=s3cret phrasewatch serve --port 8080\n')
    .action((options: ServeOptions) => run((async () => {
      const appId = options.appId ?? process.env.PHRASEWATCH_APP_ID;
      const appSecret = options.appSecret ?? process.env.PHRASEWATCH_APP_SECRET;
      if (!appId || !appSecret) throw new UsageError('give --app-id and --app-secret (or PHRASEWATCH_APP_ID and PHRASEWATCH_APP_SECRET)');
      const port = positiveInteger('port', options.port, 0);
      const maxJobs = positiveInteger('max-jobs', options.maxJobs);
      const threads = options.threads === undefined ? availableParallelism() : positiveInteger('threads', options.threads);
      const leaseMs = positiveInteger('lease', options.lease ?? '30000', 100);
      const authFailures = { max: positiveInteger('auth-failures', options.authFailures), windowMs: 1000 * positiveInteger('auth-window', options.authWindow) };
      // With a queue, workers run the jobs; without one, this process does, on its own worker threads.
      const store = await openCliStore(options.db, {
        runJobs: options.queue === undefined && !process.env.PHRASEWATCH_QUEUE,
        deliverWebhooks: true,
        queue: options.queue,
        threads,
        leaseMs,
        webhook: webhookRules(options),
        onError: (error) => io.stderr.write(`phrasewatch: ${error.message}\n`),
      });
      const app = buildServer({
        store,
        tokens: tokenIssuer({ secret: await store.signingKey() }),
        appId,
        appSecret,
        maxJobs,
        authFailures,
        log: (line) => io.stderr.write(`${new Date().toISOString()} ${line}\n`),
      });
      try {
        const address = await app.listen({ host: options.host, port });
        io.stderr.write(`phrasewatch: listening on ${address}\n`);
      } catch (error) {
        await store.close();
        throw new UsageError(`cannot listen on ${options.host}:${port}: ${(error as Error).message}`);
      }
      // Until a signal: then stop taking requests, finish the ones in flight and the running job, and close
      // the store. Accepted jobs not yet run stay in the store and resume on the next start.
      const signal = await untilSignal();
      io.stderr.write(`phrasewatch: ${signal}, shutting down\n`);
      await app.close();
      await store.close();
      io.stderr.write('phrasewatch: stopped\n');
      return 0;
    })()));
}
