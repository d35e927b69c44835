// Runs one job by id, for any queue: claim it (one owner, a lease), keep the lease alive while working,
// prepare, compute, commit. Every failure ends here: a job whose request cannot be run is failed with
// the reason; one whose status cannot be written keeps its lease until it runs out, and is run again.
import type { Sql } from '../db/sql.js';
import type { TrackerSets } from '../trackers/tracker-sets.js';
import { computeDetections } from './compute.js';
import { LeaseLost, commitJob, failJob, prepareJob } from './effect.js';
import { claimJob, renewLease, type ClaimResult } from './repository.js';
import { keepRenewed } from './renewal.js';
import { queueWebhook } from './webhook-repository.js';

export interface ExecutorOptions {
  db: Sql;
  owner: string;
  leaseMs: number;
  trackerSets: TrackerSets;
  now: () => string;
  onError: (error: Error) => void;
  /** A notification was written: deliver it soon. */
  onWebhook: () => void;
}

/** What became of a run: done (completed or failed here), or why it did not run. */
export type RunOutcome = 'done' | 'lost' | Exclude<ClaimResult, 'claimed'>;

export type Execute = (jobId: string) => Promise<RunOutcome>;

export function createExecutor(options: ExecutorOptions): Execute {
  const { db, owner, leaseMs } = options;

  return async (jobId) => {
    const nowMs = Date.now();
    const job = await claimJob(db, jobId, owner, nowMs, nowMs + leaseMs, options.now());
    if (typeof job === 'string') return job;
    if (job.webhookUrl) {
      // A lost notification is harmless here: the row is unique per (job, status), and a job run again
      // after a crash writes it then.
      await queueWebhook(db, job.id, job.webhookUrl, 'in_progress', nowMs, options.now());
      options.onWebhook();
    }

    const renewal = keepRenewed(Math.max(10, Math.floor(leaseMs / 3)), () => renewLease(db, job.id, owner, Date.now() + leaseMs), options.onError);
    try {
      let prepared;
      try {
        prepared = await prepareJob(db, job, options.trackerSets);
      } catch (error) {
        // The request itself cannot be run (unreadable, its conversation gone): that is final.
        options.onError(error as Error);
        await failJob(db, job, owner, (error as Error).message, options.now());
        return 'done';
      }
      const result = computeDetections(prepared.input);
      if (renewal.lost) return 'lost';
      await commitJob(db, job, owner, prepared, result, options.now());
      if (job.webhookUrl) options.onWebhook();
      return 'done';
    } catch (error) {
      if (error instanceof LeaseLost) return 'lost';
      options.onError(error as Error);
      // Fail it with the real reason if the store takes the write; if not, the lease runs out and the
      // job is run again later.
      try {
        if (await failJob(db, job, owner, (error as Error).message, options.now())) {
          if (job.webhookUrl) options.onWebhook();
        }
      } catch (writeError) {
        options.onError(writeError as Error);
      }
      return 'done';
    } finally {
      renewal.stop();
    }
  };
}
