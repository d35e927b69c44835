// Jobs' matching on worker threads (piscina), so that the event loop stays free for requests while jobs
// run. Tasks carry the trackers themselves: a few KB for typical sets, and each worker caches the index.
import { Piscina } from 'piscina';
import type { Compute, ComputeInput, ComputeResult } from './compute.js';

export interface ComputePool {
  compute: Compute;
  close(): Promise<void>;
}

export function createComputePool(threads: number): ComputePool {
  const piscina = new Piscina<ComputeInput, ComputeResult>({
    filename: new URL('./compute-worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // Matching makes many short-lived objects: a larger young generation means fewer scavenges.
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  return {
    compute: (input) => piscina.run(input),
    close: () => piscina.destroy(),
  };
}
