// Job threads (piscina): each runs whole jobs against the store on a connection of its own, so the main
// thread only finds jobs and answers requests. Used for stores in a file or on PostgreSQL; an in-memory
// store cannot be shared between threads and runs its jobs on the calling thread.
import { Piscina } from 'piscina';
import type { DatabaseLocation } from '../db/open.js';
import type { Execute } from './executor.js';
import type { JobThreadData, JobThreadResult } from './thread-protocol.js';

// Run from its TypeScript source (tests), this module finds the worker in the compiled output.
const WORKER = import.meta.url.endsWith('.ts') ? new URL('../../dist/jobs/thread-worker.js', import.meta.url) : new URL('./thread-worker.js', import.meta.url);

export interface JobThreads {
  execute: Execute;
  close(): Promise<void>;
}

export interface JobThreadOptions {
  location: DatabaseLocation;
  threads: number;
  owner: string;
  leaseMs: number;
  busyTimeoutMs: number;
  onError: (error: Error) => void;
  onWebhook: () => void;
}

export function createJobThreads(options: JobThreadOptions): JobThreads {
  const workerData: JobThreadData = { location: options.location, owner: options.owner, leaseMs: options.leaseMs, busyTimeoutMs: options.busyTimeoutMs };
  const piscina = new Piscina<string, JobThreadResult>({
    filename: WORKER.href,
    minThreads: options.threads,
    maxThreads: options.threads,
    // Two jobs per thread: one can wait for the database while the other matches.
    concurrentTasksPerWorker: 2,
    // Matching makes many short-lived objects: a larger young generation means fewer scavenges.
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
    workerData,
  });
  piscina.on('error', options.onError);
  return {
    async execute(jobId) {
      const result = await piscina.run(jobId);
      for (const message of result.errors) options.onError(new Error(message));
      if (result.notified) options.onWebhook();
      return result.outcome;
    },
    close: () => piscina.destroy(),
  };
}
