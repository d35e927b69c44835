// Jobs across machines: BullMQ on Redis carries job ids from the processes that accept requests to the
// workers that run them. The store stays the truth: a job row commits first and the enqueue follows;
// a reconciler puts back any unfinished job the queue lacks (the BullMQ job id is our job id, so adding
// one twice is harmless). Workers run jobs through the same executor as the in-process queue; its lease
// keeps one owner per job, and BullMQ's stalled-job check hands a dead worker's jobs to a live one.
import { DelayedError, Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Sql } from '../db/sql.js';
import { CoreError } from '../errors.js';
import type { Execute } from './executor.js';
import { unfinishedJobIds } from './repository.js';

const QUEUE_NAME = 'phrasewatch-jobs';

export interface BullOptions {
  /** redis://[user:password@]host[:port][/db] */
  url: string;
  /** Key prefix in Redis: several phrasewatch deployments (or tests) on one Redis. */
  prefix: string;
}

export interface BullQueue {
  enqueue(jobId: string): Promise<void>;
  /** Runs jobs in this process until stopped. */
  startWorker(execute: Execute, options: { concurrency: number; lockMs: number; retryMs: number; onError: (error: Error) => void }): void;
  /** Puts every unfinished job the queue lacks back on it, every `everyMs`. */
  startReconciler(db: Sql, everyMs: number, onError: (error: Error) => void): void;
  /** Stops the worker after its running jobs, then the connections. */
  close(): Promise<void>;
}

export function connectionOf(url: string): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CoreError('option.invalid', `the queue URL must look like redis://host:port, got ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new CoreError('option.invalid', `the queue URL must start with redis:// or rediss://, got ${JSON.stringify(url)}`);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new CoreError('option.invalid', `the queue URL's database must be a number, got ${JSON.stringify(parsed.pathname.slice(1))}`);
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    db,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    // Workers block on Redis: BullMQ requires unlimited retries per request on their connections.
    maxRetriesPerRequest: null,
  };
}

export function createBullQueue(options: BullOptions): BullQueue {
  const connection = connectionOf(options.url);
  const queue = new Queue(QUEUE_NAME, { connection, prefix: options.prefix });
  // A Redis that goes away for a moment is reconnected by ioredis; the error event must not kill us.
  queue.on('error', () => {});
  let worker: Worker | null = null;
  let reconciler: NodeJS.Timeout | null = null;
  let reconciling: Promise<unknown> = Promise.resolve();
  const jobOptions = (jobId: string) => ({ jobId, removeOnComplete: true, removeOnFail: true });
  const reconcile = async (db: Sql): Promise<void> => {
    const ids = await unfinishedJobIds(db, 10_000);
    if (ids.length > 0) await queue.addBulk(ids.map((jobId) => ({ name: 'run', data: { jobId }, opts: jobOptions(jobId) })));
  };

  return {
    async enqueue(jobId) {
      await queue.add('run', { jobId }, jobOptions(jobId));
    },
    startWorker(execute, workerOptions) {
      worker = new Worker(
        QUEUE_NAME,
        async (job, token) => {
          const outcome = await execute((job.data as { jobId: string }).jobId);
          // Waiting for an earlier job of its conversation, or held by a live owner: try again shortly.
          if (outcome === 'waiting' || outcome === 'held') {
            await job.moveToDelayed(Date.now() + workerOptions.retryMs, token);
            throw new DelayedError();
          }
        },
        { connection, prefix: options.prefix, concurrency: workerOptions.concurrency, lockDuration: workerOptions.lockMs, stalledInterval: Math.max(1000, Math.floor(workerOptions.lockMs / 2)), maxStalledCount: 1000 },
      );
      worker.on('error', (error) => workerOptions.onError(error));
    },
    startReconciler(db, everyMs, onError) {
      const tick = (): void => {
        reconciling = reconcile(db).catch((error: Error) => onError(error));
      };
      tick();
      reconciler = setInterval(tick, everyMs);
    },
    async close() {
      if (reconciler) clearInterval(reconciler);
      await reconciling;
      if (worker) await worker.close();
      await queue.close();
    },
  };
}
