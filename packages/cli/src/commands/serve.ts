// `phrasewatch serve`: the Symbl-compatible server on the local store, until SIGINT or SIGTERM.
import type { Command } from 'commander';
import { DEFAULTS } from '../defaults.js';
import { UsageError } from '../exit.js';
import type { Io } from '../io.js';
import { openCliStore, runnerSettings, withRunnerOptions, type RunnerFlags } from '../store.js';
import { untilSignal } from '../signals.js';
import { positiveInteger } from '../options.js';

type Run = (code: Promise<number>) => Promise<void>;

interface ServeOptions extends RunnerFlags {
  host: string;
  port: string;
  appId?: string;
  appSecret?: string;
  maxJobs: string;
  queue?: string;
  authFailures: string;
  authWindow: string;
}


export function registerServe(program: Command, io: Io, run: Run): void {
  withRunnerOptions(program.command('serve'))
    .description('Serve Symbl\'s REST API (trackers, async text, conversations) on the local store')
    .option('--host <host>', 'address to listen on', DEFAULTS.serveHost)
    .option('--port <port>', 'port (0 picks a free one)', DEFAULTS.servePort)
    .option('--queue <url>', 'BullMQ on Redis (redis://host:port[?prefix=name]): accept and enqueue here, run jobs in `phrasewatch worker`')
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
      const runner = runnerSettings(options);
      const authFailures = { max: positiveInteger('auth-failures', options.authFailures), windowMs: 1000 * positiveInteger('auth-window', options.authWindow) };
      // With a queue, workers run the jobs; without one, this process does, on its own worker threads.
      const store = await openCliStore(options.db, {
        runJobs: options.queue === undefined && !process.env.PHRASEWATCH_QUEUE,
        deliverWebhooks: true,
        queue: options.queue,
        ...runner,
        onError: (error) => io.stderr.write(`phrasewatch: ${error.message}\n`),
      });
      // The HTTP server (Fastify) loads only for this command.
      const [{ buildServer }, { tokenIssuer }] = await Promise.all([import('../server/app.js'), import('../server/auth.js')]);
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
