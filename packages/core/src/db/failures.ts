// A busy database (another process holds the write lock) is waited out with backoff, off the event loop,
// up to a total time; then the error goes to the caller with a message that says what happened.
import { CoreError } from '../errors.js';

const BUSY = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_BUSY_SNAPSHOT']);

export const isBusy = (error: unknown): boolean => BUSY.has((error as { code?: string })?.code ?? '');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function busyRetry(totalMs: number) {
  return async <T>(attempt: () => T): Promise<T> => {
    const started = Date.now();
    for (let delay = 5; ; delay = Math.min(delay * 2, 250)) {
      try {
        return attempt();
      } catch (error) {
        if (!isBusy(error)) throw translate(error);
        if (Date.now() - started >= totalMs) {
          throw new CoreError('store.busy', `the store is busy: another process held its write lock for over ${totalMs} ms`, 503);
        }
      }
      await sleep(delay);
    }
  };
}

const DISK_FULL = new Set(['SQLITE_FULL', '53100']);

/** A driver error as the caller should see it: disk full is 507 with its own words; others pass as they are. */
export function translate(error: unknown): unknown {
  const code = (error as { code?: string })?.code ?? '';
  if (DISK_FULL.has(code)) return new CoreError('store.disk_full', `the store's disk is full (${(error as Error).message})`, 507);
  return error;
}
