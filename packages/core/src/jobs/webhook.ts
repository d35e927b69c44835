// Webhook delivery: POST {jobId, status} for each stored notification, in order per job, retried with
// exponential backoff, never blocking the work. Delivery is at least once: a notification stays in the
// store until a receiver answered 2xx or every attempt failed (reported through `onError`, not
// swallowed). Redirects are never followed. Stopping is bounded: deliveries still running when the time
// is up are cut off and stay pending, for the next process.
import { CoreError } from '../errors.js';
import type { Sql } from '../db/sql.js';
import { claimWebhook, dueWebhooks, pendingWebhooks, releaseWebhook, settleWebhook, type WebhookRow } from './webhook-repository.js';

export interface WebhookOptions {
  attempts: number;
  retryDelayMs: number;
  timeoutMs: number;
  /** How often to look for notifications written by other processes. */
  pollMs: number;
  onError: (error: Error) => void;
}

export interface Deliverer {
  /** Look now: a notification was just written. */
  wake(): void;
  /** Resolves when no notification is pending (delivered or given up). */
  drain(): Promise<void>;
  /** Stops within `deadlineMs`, cutting off deliveries still running. */
  stop(deadlineMs: number): Promise<void>;
}

const BATCH = 32;

export function createDeliverer(db: Sql, owner: string, options: WebhookOptions): Deliverer {
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  const running = new Set<Promise<void>>();
  const cutOff = new AbortController();

  const post = async (row: WebhookRow): Promise<string | null> => {
    try {
      const response = await fetch(row.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jobId: row.jobId, status: row.status }),
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs), cutOff.signal]),
      });
      await response.body?.cancel();
      if (response.ok) return null;
      if (response.status >= 300 && response.status < 400) return `HTTP ${response.status}: redirects are not followed`;
      return `HTTP ${response.status}`;
    } catch (error) {
      return (error as Error).message;
    }
  };

  const deliver = async (row: WebhookRow): Promise<void> => {
    const failure = await post(row);
    if (cutOff.signal.aborted && failure !== null) {
      await releaseWebhook(db, row.seq, owner);
      return;
    }
    const attempts = row.attempts + 1;
    if (failure === null) {
      await settleWebhook(db, row.seq, owner, { state: 'delivered', attempts, nextAt: Date.now(), error: null });
    } else if (attempts >= options.attempts) {
      await settleWebhook(db, row.seq, owner, { state: 'given_up', attempts, nextAt: Date.now(), error: failure });
      options.onError(new CoreError('webhook.failed', `webhook ${row.url} for job ${row.jobId} (${row.status}) failed ${attempts} times; last: ${failure}`, 502));
    } else {
      await settleWebhook(db, row.seq, owner, { state: 'pending', attempts, nextAt: Date.now() + options.retryDelayMs * 2 ** (attempts - 1), error: failure });
    }
    wake();
  };

  const wake = (): void => {
    wakeUp?.();
  };

  const loop = async (): Promise<void> => {
    while (!stopped) {
      let wait = options.pollMs;
      try {
        const now = Date.now();
        for (const row of await dueWebhooks(db, now, BATCH)) {
          if (stopped) break;
          if (!(await claimWebhook(db, row.seq, owner, now, now + options.timeoutMs * 2))) continue;
          const task = deliver(row)
            .catch((error: Error) => options.onError(error))
            .finally(() => running.delete(task));
          running.add(task);
        }
        const { nextAt } = await pendingWebhooks(db);
        if (nextAt !== null) wait = Math.max(1, Math.min(wait, nextAt - Date.now()));
      } catch (error) {
        // The store is busy or gone for a moment: try again at the next turn.
        if (!stopped) options.onError(error as Error);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = null;
    }
  };
  const looping = loop();

  return {
    wake,
    async drain() {
      for (;;) {
        const { count } = await pendingWebhooks(db);
        if (count === 0 && running.size === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async stop(deadlineMs) {
      stopped = true;
      wake();
      await looping;
      const timer = setTimeout(() => cutOff.abort(new Error('shutting down')), deadlineMs);
      await Promise.all(running);
      clearTimeout(timer);
    },
  };
}
