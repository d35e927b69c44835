// Jobs' matching on worker threads (piscina), so that the event loop stays free for requests while jobs
// run. Tasks carry the trackers themselves: a few KB for typical sets, and each worker caches the index.
import { Piscina } from 'piscina';
import type { Compute, ComputeInput, ComputeResult } from './compute.js';

export interface ComputePool {
  compute: Compute;
  close(): Promise<void>;
}

// Run from its TypeScript source (tests), this module finds the worker in the compiled output.
const WORKER = import.meta.url.endsWith('.ts') ? new URL('../../dist/jobs/compute-worker.js', import.meta.url) : new URL('./compute-worker.js', import.meta.url);

export function createComputePool(threads: number, onError: (error: Error) => void): ComputePool {
  const piscina = new Piscina<ComputeInput, ComputeResult>({
    filename: WORKER.href,
    minThreads: threads,
    maxThreads: threads,
    // Matching makes many short-lived objects: a larger young generation means fewer scavenges.
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  // A worker that dies is replaced by piscina; its task rejects, and the job fails with that reason.
  piscina.on('error', onError);
  return {
    compute: (input) => piscina.run(input),
    close: () => piscina.destroy(),
  };
}
