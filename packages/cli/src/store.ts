// Opening the store for a command: --db (a file or a postgres:// URL), PHRASEWATCH_DB or the user's data
// directory; --queue (or PHRASEWATCH_QUEUE) for BullMQ on Redis. Only commands meant to run jobs (serve,
// worker, process --wait) run them; the others open the store without touching its jobs.
import { openStore, type Store, type StoreOptions } from '@phrasewatch/core';
import { resolveStoreLocation } from './db-path.js';
import { UsageError } from './exit.js';

export interface StoreUse {
  runJobs?: boolean;
  deliverWebhooks?: boolean;
  /** redis://host:port[/db][?prefix=name] */
  queue?: string;
  threads?: number;
  leaseMs?: number;
  webhook?: { allow?: string[]; refusePrivate?: boolean };
  onError?: (error: Error) => void;
}

/** --webhook-allow and --webhook-refuse-private, for the commands that deliver webhooks. */
export function webhookRules(options: { webhookAllow?: string; webhookRefusePrivate?: boolean }): StoreUse['webhook'] {
  const allow = options.webhookAllow?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return { ...(allow && allow.length > 0 ? { allow } : {}), ...(options.webhookRefusePrivate ? { refusePrivate: true } : {}) };
}

export function queueOption(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): StoreOptions['queue'] {
  const value = flag ?? env.PHRASEWATCH_QUEUE;
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--queue must be a redis:// URL, got "${value}"`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new UsageError(`--queue must be a redis:// URL, got "${value}"`);
  const prefix = url.searchParams.get('prefix') ?? undefined;
  url.search = '';
  return { url: url.toString(), ...(prefix ? { prefix } : {}) };
}

export async function openCliStore(dbFlag: string | undefined, use: StoreUse = {}): Promise<Store> {
  const queue = queueOption(use.queue);
  return openStore({
    ...resolveStoreLocation(dbFlag),
    runJobs: use.runJobs ?? false,
    ...(use.deliverWebhooks !== undefined ? { deliverWebhooks: use.deliverWebhooks } : {}),
    ...(queue ? { queue } : {}),
    ...(use.threads !== undefined ? { threads: use.threads } : {}),
    ...(use.leaseMs !== undefined ? { leaseMs: use.leaseMs } : {}),
    ...(use.webhook ? { webhook: use.webhook } : {}),
    ...(use.onError ? { onError: use.onError } : {}),
  });
}

export async function withStore<T>(dbFlag: string | undefined, work: (store: Store) => Promise<T>, use: StoreUse = {}): Promise<T> {
  const store = await openCliStore(dbFlag, use);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
