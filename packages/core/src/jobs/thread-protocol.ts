// The typed messages between the store (main thread) and its job threads.
import type { DatabaseLocation } from '../db/open.js';
import type { RunOutcome } from './executor.js';

/** Handed to each job thread once, when it starts. */
export interface JobThreadData {
  location: DatabaseLocation;
  owner: string;
  leaseMs: number;
  busyTimeoutMs: number;
}

export interface JobThreadResult {
  outcome: RunOutcome;
  /** Background errors met while running, for the store's onError. */
  errors: string[];
  /** The job wrote a webhook notification: the main thread's deliverer should look now. */
  notified: boolean;
}
