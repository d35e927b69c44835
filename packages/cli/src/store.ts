// Opening the store for a command: --db (a file or a postgres:// URL), PHRASEWATCH_DB or the user's data
// directory; --queue (or PHRASEWATCH_QUEUE) for BullMQ on Redis. Only commands meant to run jobs (serve,
// worker, process --wait) run them; the others open the store without touching its jobs.
import { availableParallelism } from 'node:os';
import { DEFAULTS as CORE_DEFAULTS, openStore, type Store, type StoreOptions } from '@phrasewatch/core';
import type { Command } from 'commander';
import { positiveInteger } from './options.js';
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

/** The options of the commands that run jobs and deliver webhooks (serve, worker), as commander gives them. */
export interface RunnerFlags {
  db?: string;
  threads?: string;
  lease: string;
  webhookAllow?: string;
  webhookRefusePrivate?: boolean;
}

/** Adds --db, --threads, --lease, --webhook-allow and --webhook-refuse-private to a command. */
export function withRunnerOptions(command: Command): Command {
  return command
    .option('--db <path>', 'store: an SQLite file, or postgres://… for PostgreSQL')
    .option('--threads <n>', 'job threads, each running whole jobs, matching included (default: the number of cores)')
    .option('--lease <ms>', 'how long a job stays claimed without renewal before another runner takes it', String(CORE_DEFAULTS.leaseMs))
    .option('--webhook-allow <hosts>', 'only these hosts and networks (comma-separated names, addresses or CIDRs) receive webhooks')
    .option('--webhook-refuse-private', 'refuse webhooks to loopback and private addresses (link-local and metadata ones are always refused)');
}

/** Threads, lease and webhook rules from those options, each checked with a message naming it. */
export function runnerSettings(flags: RunnerFlags): Required<Pick<StoreUse, 'threads' | 'leaseMs' | 'webhook'>> {
  const allow = flags.webhookAllow?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return {
    threads: flags.threads === undefined ? availableParallelism() : positiveInteger('threads', flags.threads),
    leaseMs: positiveInteger('lease', flags.lease, 100),
    webhook: { ...(allow && allow.length > 0 ? { allow } : {}), ...(flags.webhookRefusePrivate ? { refusePrivate: true } : {}) },
  };
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
