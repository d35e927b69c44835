// `phrasewatch sync pull|push|status`: trackers between the local store and a remote Symbl API.
import type { Command } from 'commander';
import { DEFAULTS } from '../defaults.js';
import { EXIT_INPUT, UsageError } from '../exit.js';
import { printJson, type Io } from '../io.js';
import { withStore } from '../store.js';

type Run = (code: Promise<number>) => Promise<void>;

interface SyncFlags {
  baseUrl?: string;
  appId?: string;
  appSecret?: string;
  api: string;
  attempts: string;
  db?: string;
}

export function registerSync(program: Command, io: Io, run: Run): void {
  program
    .command('sync')
    .description('Sync trackers with a remote Symbl API: push local changes, pull remote ones, or show status')
    .argument('<action>', 'push | pull | status')
    .option('--base-url <url>', 'the remote API (or PHRASEWATCH_SYNC_URL; default https://api.symbl.ai)')
    .option('--app-id <id>', 'the remote appId (or PHRASEWATCH_SYNC_APP_ID)')
    .option('--app-secret <secret>', 'the remote appSecret (or PHRASEWATCH_SYNC_APP_SECRET)')
    .option('--api <generation>', 'legacy (/v1/manage/tracker + PUT), newer (/v1/manage/trackers + PATCH) or auto', 'auto')
    .option('--attempts <n>', 'tries per request on 429, 5xx or no answer, with exponential backoff', DEFAULTS.syncAttempts)
    .option('--db <path>', 'store file')
    .addHelpText('after', '\nExample:\n  PHRASEWATCH_SYNC_APP_ID=… PHRASEWATCH_SYNC_APP_SECRET=… phrasewatch sync push\n')
    .action((action: string, flags: SyncFlags) => run((async () => {
      if (!['push', 'pull', 'status'].includes(action)) throw new UsageError(`unknown sync action "${action}"; use push, pull or status`);
      if (!['legacy', 'newer', 'auto'].includes(flags.api)) throw new UsageError(`option --api must be legacy, newer or auto, got "${flags.api}"`);
      const attempts = Number(flags.attempts);
      if (!Number.isInteger(attempts) || attempts < 1) throw new UsageError(`option --attempts must be a positive integer, got "${flags.attempts}"`);
      const appId = flags.appId ?? process.env.PHRASEWATCH_SYNC_APP_ID;
      const appSecret = flags.appSecret ?? process.env.PHRASEWATCH_SYNC_APP_SECRET;
      return withStore(flags.db, async (store) => {
        if (action === 'status' && (!appId || !appSecret)) {
          // Status needs no remote: read it with placeholder credentials that are never sent.
          await printJson(io.stdout, await store.sync({ appId: '-', appSecret: '-' }).status());
          return 0;
        }
        if (!appId || !appSecret) throw new UsageError('give --app-id and --app-secret (or PHRASEWATCH_SYNC_APP_ID and PHRASEWATCH_SYNC_APP_SECRET)');
        const sync = store.sync({ baseUrl: flags.baseUrl ?? process.env.PHRASEWATCH_SYNC_URL, appId, appSecret, api: flags.api as 'auto', attempts });
        const report = action === 'push' ? await sync.push() : action === 'pull' ? await sync.pull() : await sync.status();
        await printJson(io.stdout, report);
        // The remote failed: what could not be sent waits in the outbox for the next push.
        return 'error' in report && report.error ? EXIT_INPUT : 0;
      });
    })()));
}
