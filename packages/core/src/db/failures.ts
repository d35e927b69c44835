// A busy database (another process holds the write lock) is waited out with backoff, off the event loop,
// up to a total time; then the error goes to the caller with a message that says what happened.
import { isMainThread } from 'node:worker_threads';
import { CoreError } from '../errors.js';

const BUSY = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_BUSY_SNAPSHOT']);

export const isBusy = (error: unknown): boolean => BUSY.has((error as { code?: string })?.code ?? '');

// Waiting for another writer: SQLite's own busy handler sleeps in steps of 1, 2, 5, 10… ms, far longer
// than the few hundred microseconds a write here holds the lock, so the store retries itself, from 50 µs
// doubling to 4 ms. A job thread may block while it waits (Atomics.wait); the main thread yields to its
// event loop instead.
const blocker = new Int32Array(new SharedArrayBuffer(4));
const pause = (ms: number): Promise<void> => {
  if (!isMainThread) {
    Atomics.wait(blocker, 0, 0, ms);
    return Promise.resolve();
  }
  return new Promise((resolve) => (ms < 1 ? setImmediate(resolve) : setTimeout(resolve, ms)));
};

export function busyRetry(totalMs: number) {
  return async <T>(attempt: () => T): Promise<T> => {
    const started = Date.now();
    for (let delay = 0.05; ; delay = Math.min(delay * 2, 4)) {
      try {
        return attempt();
      } catch (error) {
        if (!isBusy(error)) throw translate(error);
        if (Date.now() - started >= totalMs) {
          throw new CoreError('store.busy', `the store is busy: another process held its write lock for over ${totalMs} ms`, 503);
        }
      }
      await pause(delay);
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
