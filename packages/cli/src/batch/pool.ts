// The batch pool behind `phrasewatch match --workers N`: piscina workers that start at once, load the
// model, then take the compiled trackers over a BroadcastChannel (share) and files in small batches.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { BroadcastChannel } from 'node:worker_threads';
import { DEFAULTS as MATCHER_DEFAULTS } from '@phrasewatch/matcher';
import type { Piscina as PiscinaPool } from 'piscina';
import { WORKER_READY, type BatchFile, type BatchFileResult, type BatchInit } from './protocol.js';

export interface BatchPool {
  readonly threads: number;
  /**
   * Hands the compiled trackers to every worker, those started and those still starting, as bytes
   * (indexToBytes): each worker reads its own copy, its arrays views on those bytes, and this thread
   * copies bytes instead of cloning the index object by object for every worker.
   */
  share(index: Uint8Array): void;
  run(files: BatchFile[]): Promise<BatchFileResult[]>;
  close(): Promise<void>;
}

// piscina loads with the first pool, not with every run of the command (about 11 ms at start-up).
const load = createRequire(import.meta.url);

export function createBatchPool(threads: number, options: Omit<BatchInit, 'channel'>): BatchPool {
  const { Piscina } = load('piscina') as { Piscina: typeof PiscinaPool };
  const init: BatchInit = { ...options, channel: `phrasewatch-batch-${randomUUID()}` };
  const channel = new BroadcastChannel(init.channel);
  let index: Uint8Array | undefined;
  // A worker that starts listening after the index went out asks for it again.
  channel.onmessage = (event) => {
    if ((event as MessageEvent).data === WORKER_READY && index !== undefined) channel.postMessage(index);
  };
  const piscina = new Piscina<BatchFile[], BatchFileResult[]>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: 2,
    // Sized as in the matcher's pool.
    resourceLimits: { maxYoungGenerationSizeMb: MATCHER_DEFAULTS.poolYoungGenerationMb },
    workerData: init,
  });
  return {
    threads,
    share(compiled) {
      // Shared memory: posting it to every worker (and again to one that asks late) copies nothing.
      index = new Uint8Array(new SharedArrayBuffer(compiled.byteLength));
      index.set(compiled);
      channel.postMessage(index);
    },
    run: (files) => piscina.run(files),
    async close() {
      channel.close();
      await piscina.destroy();
    },
  };
}
