// The batch pool behind `phrasewatch match --workers N`: piscina workers that each compile the trackers
// once (workerData) and take files in small batches.
import { DEFAULTS as MATCHER_DEFAULTS } from '@phrasewatch/matcher';
import { Piscina } from 'piscina';
import type { BatchFile, BatchFileResult, BatchInit } from './protocol.js';

export interface BatchPool {
  readonly threads: number;
  run(files: BatchFile[]): Promise<BatchFileResult[]>;
  close(): Promise<void>;
}

export function createBatchPool(threads: number, init: BatchInit): BatchPool {
  const piscina = new Piscina<BatchFile[], BatchFileResult[]>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: 2,
    // Fewer scavenges, as in the matcher's pool.
    resourceLimits: { maxYoungGenerationSizeMb: MATCHER_DEFAULTS.poolYoungGenerationMb },
    workerData: init,
  });
  return { threads, run: (files) => piscina.run(files), close: () => piscina.destroy() };
}
