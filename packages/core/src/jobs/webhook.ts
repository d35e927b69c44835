// Webhook deliveries: POST {jobId, status} on every status change, in order per job, retried with
// exponential backoff, never blocking the work. A delivery that fails every attempt is reported through
// `onError`, not swallowed.
import { CoreError } from '../errors.js';

export interface WebhookOptions {
  attempts: number;
  retryDelayMs: number;
  timeoutMs: number;
  onError: (error: Error) => void;
}

export interface Notifier {
  notify(url: string, jobId: string, status: string): void;
  /** Resolves when every delivery so far has succeeded or given up. */
  drain(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createNotifier(options: WebhookOptions): Notifier {
  const chains = new Map<string, Promise<void>>();

  const deliver = async (url: string, jobId: string, status: string): Promise<void> => {
    let last = '';
    for (let attempt = 1; attempt <= options.attempts; attempt++) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ jobId, status }),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        if (response.ok) return;
        last = `HTTP ${response.status}`;
      } catch (error) {
        last = (error as Error).message;
      }
      if (attempt < options.attempts) await sleep(options.retryDelayMs * 2 ** (attempt - 1));
    }
    options.onError(new CoreError('webhook.failed', `webhook ${url} for job ${jobId} (${status}) failed ${options.attempts} times; last: ${last}`, 502));
  };

  return {
    notify(url, jobId, status) {
      const previous = chains.get(jobId) ?? Promise.resolve();
      const next = previous.then(() => deliver(url, jobId, status));
      chains.set(jobId, next);
      void next.then(() => {
        if (chains.get(jobId) === next) chains.delete(jobId);
      });
    },
    async drain() {
      while (chains.size > 0) await Promise.all(chains.values());
    },
  };
}
