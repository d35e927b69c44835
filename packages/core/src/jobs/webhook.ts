// Webhook delivery: POST {jobId, status} for each stored notification, in order per job, retried with
// exponential backoff, never blocking the work. Delivery is at least once: a notification stays in the
// store until a receiver answered 2xx or every attempt failed (reported through `onError`, not
// swallowed). Redirects are never followed. Stopping is bounded: deliveries still running when the time
// is up are cut off and stay pending, for the next process.
import { lookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { CoreError } from '../errors.js';
import { createAlarm } from './alarm.js';
import type { WebhookPolicy } from './webhook-policy.js';
import type { Sql } from '../db/sql.js';
import { keepRenewed } from './renewal.js';
import { claimWebhook, dueWebhooks, pendingWebhooks, releaseWebhook, renewWebhook, settleWebhook, type WebhookRow } from './webhook-repository.js';

export interface WebhookOptions {
  attempts: number;
  retryDelayMs: number;
  timeoutMs: number;
  /** A delivery's hold on its notification, renewed while it runs. */
  leaseMs: number;
  /** How often to look for notifications written by other processes. */
  pollMs: number;
  policy: WebhookPolicy;
  onError: (error: Error) => void;
}

/** A delivery the policy refused: final, never retried. */
class Refused extends Error {}

/**
 * One POST with node:http(s), so that every address the host name resolves to passes the policy before a
 * connection is made (fetch resolves names out of reach). Redirects are not followed.
 */
function postJson(url: URL, body: string, policy: WebhookPolicy, signal: AbortSignal): Promise<number> {
  const checkedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    lookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      for (const { address } of addresses) {
        const problem = policy.refuseAddress(hostname, address);
        if (problem) return callback(new Refused(problem), '', 4);
      }
      if (lookupOptions.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      lookup: checkedLookup,
      signal,
    });
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
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
  const alarm = createAlarm();
  const running = new Set<Promise<void>>();
  const cutOff = new AbortController();

  /** null when delivered; otherwise why not, and whether trying again could help. */
  const post = async (row: WebhookRow): Promise<{ error: string; final: boolean } | null> => {
    const refused = options.policy.refuseUrl(row.url);
    if (refused) return { error: `refused: ${refused}`, final: true };
    try {
      const status = await postJson(new URL(row.url), JSON.stringify({ jobId: row.jobId, status: row.status }), options.policy, AbortSignal.any([AbortSignal.timeout(options.timeoutMs), cutOff.signal]));
      if (status >= 200 && status < 300) return null;
      if (status >= 300 && status < 400) return { error: `HTTP ${status}: redirects are not followed`, final: false };
      return { error: `HTTP ${status}`, final: false };
    } catch (error) {
      if (error instanceof Refused) return { error: `refused: ${error.message}`, final: true };
      return { error: (error as Error).message, final: false };
    }
  };

  const deliver = async (row: WebhookRow): Promise<void> => {
    // The hold is renewed while the request runs, so a long request keeps it and a dead process loses it soon.
    const renewal = keepRenewed(Math.max(1, Math.floor(options.leaseMs / 3)), () => renewWebhook(db, row.seq, owner, Date.now() + options.leaseMs), options.onError);
    let failure: Awaited<ReturnType<typeof post>>;
    try {
      failure = await post(row);
    } finally {
      renewal.stop();
    }
    if (cutOff.signal.aborted && failure !== null) {
      await releaseWebhook(db, row.seq, owner);
      return;
    }
    const attempts = row.attempts + 1;
    if (failure === null) {
      await settleWebhook(db, row.seq, owner, { state: 'delivered', attempts, nextAt: Date.now(), error: null });
    } else if (failure.final || attempts >= options.attempts) {
      await settleWebhook(db, row.seq, owner, { state: 'given_up', attempts, nextAt: Date.now(), error: failure.error });
      const how = failure.final ? 'was refused' : `failed ${attempts} times`;
      options.onError(new CoreError('webhook.failed', `webhook ${row.url} for job ${row.jobId} (${row.status}) ${how}; last: ${failure.error}`, 502));
    } else {
      await settleWebhook(db, row.seq, owner, { state: 'pending', attempts, nextAt: Date.now() + options.retryDelayMs * 2 ** (attempts - 1), error: failure.error });
    }
    wake();
  };

  const wake = (): void => alarm.wake();

  const loop = async (): Promise<void> => {
    while (!stopped) {
      let wait = options.pollMs;
      try {
        const now = Date.now();
        for (const row of await dueWebhooks(db, now, BATCH)) {
          if (stopped) break;
          if (!(await claimWebhook(db, row.seq, owner, now, now + options.leaseMs))) continue;
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
      await alarm.pause(wait);
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
