// Batch worker entry: loads the model while the main thread compiles the trackers, takes the compiled
// index from the pool's BroadcastChannel, then reads, parses and matches the files of each task.
import { BroadcastChannel, workerData } from 'node:worker_threads';
import { lemmatize, type CompiledIndex } from '@phrasewatch/matcher';
import { converter } from './convert.js';
import { WORKER_READY, type BatchFile, type BatchFileResult, type BatchInit } from './protocol.js';

const init = workerData as BatchInit;

function receiveIndex(): Promise<CompiledIndex> {
  const channel = new BroadcastChannel(init.channel);
  return new Promise((resolve) => {
    channel.onmessage = (event) => {
      const data = (event as MessageEvent).data;
      if (data === WORKER_READY) return;
      channel.close();
      resolve(data as CompiledIndex);
    };
    channel.postMessage(WORKER_READY);
  });
}

// Piscina waits for this promise before giving the worker a task.
export default (async () => {
  const index = receiveIndex();
  // The model loads on first use: now, while the index is being compiled.
  lemmatize('ready');
  const convert = converter(init.trackers, init, await index);
  return function run(files: BatchFile[]): BatchFileResult[] {
    return files.map((file) => {
      const result = convert.file(file);
      // JSON text needs no messages on the way back; objects do (CSV columns, the store).
      return 'records' in result && !init.objects ? { ...result, records: result.records.map((r) => ({ ...r, messages: [] })) } : result;
    });
  };
})();
