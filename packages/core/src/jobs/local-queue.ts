// The in-process queue, the embedded default: it finds runnable jobs in the store itself (so jobs that
// another process accepted, or left behind when it died, are found too) and runs up to `concurrency` of
// them at once through the executor. No broker: the store's rows and leases are the queue.
import type { Sql } from '../db/sql.js';
import type { Execute } from './executor.js';
import { createAlarm } from './alarm.js';
import { runnableJobs } from './repository.js';

export interface LocalQueue {
  /** Look for work now: a job was just accepted. */
  wake(): void;
  /** Takes no new job; resolves when the running ones have finished. */
  stop(): Promise<void>;
}

export interface LocalQueueOptions {
  concurrency: number;
  /** How often to look for jobs written by other processes, or whose lease ran out. */
  pollMs: number;
  onError: (error: Error) => void;
}

export function createLocalQueue(db: Sql, execute: Execute, options: LocalQueueOptions): LocalQueue {
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  // A wake while the loop is busy makes its next pause end at once: no accepted job waits a poll.
  const alarm = createAlarm();
  const wake = (): void => alarm.wake();

  // A run that ends without finishing its job (the store refused a write, the lease was lost) leaves the
  // job runnable: the next look waits a poll interval instead of spinning on it.
  let backOff = false;
  const start = (jobId: string): void => {
    const task = execute(jobId)
      .then((outcome) => {
        if (outcome === 'lost') backOff = true;
      }, (error: Error) => {
        backOff = true;
        options.onError(error);
      })
      .finally(() => {
        running.delete(jobId);
        wake();
      });
    running.set(jobId, task);
  };

  const loop = async (): Promise<void> => {
    while (!stopped) {
      // Every pass yields to the event loop (with SQLite every step here can resolve without waiting).
      await new Promise((resolve) => setImmediate(resolve));
      if (backOff) {
        backOff = false;
        await new Promise((resolve) => setTimeout(resolve, options.pollMs));
        if (stopped) break;
      }
      try {
        const free = options.concurrency - running.size;
        if (free > 0) {
          const ids = (await runnableJobs(db, Date.now(), options.concurrency * 2)).filter((id) => !running.has(id));
          for (const id of ids.slice(0, free)) if (!stopped) start(id);
        }
      } catch (error) {
        if (!stopped) options.onError(error as Error);
      }
      if (stopped) break;
      await alarm.pause(options.pollMs);
    }
  };
  const looping = loop();

  return {
    wake,
    async stop() {
      stopped = true;
      alarm.wake();
      await looping;
      await Promise.all(running.values());
    },
  };
}
