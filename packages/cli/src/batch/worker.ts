// Batch worker entry: loads the model while the main thread compiles the trackers, takes the compiled
// index from the pool's BroadcastChannel, then reads, parses and matches the files of each task.
import { BroadcastChannel, workerData } from 'node:worker_threads';
import { indexFromBytes, lemmatize, shareMemo, type CompiledIndex } from '@phrasewatch/matcher';
import { Piscina } from 'piscina';
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
      resolve(indexFromBytes(data as Uint8Array));
    };
    channel.postMessage(WORKER_READY);
  });
}

// Piscina waits for this promise before giving the worker a task.
export default (async () => {
  const index = receiveIndex();
  // The model loads on first use: now, while the index is being compiled.
  lemmatize('ready');
  const compiled = await index;
  if (init.memo) shareMemo(compiled, init.memo);
  const convert = converter(init.trackers, init, compiled);
  const utf8 = new TextEncoder();
  return function run(files: BatchFile[]): BatchFileResult[] {
    const buffers: ArrayBuffer[] = [];
    const results = files.map((file): BatchFileResult => {
      const result = convert.file(file);
      if (!('records' in result) || init.objects) return result;
      // JSON needs no messages on the way back (objects do: CSV columns, the store), and goes as bytes,
      // encoded here and transferred: the main thread, which writes every worker's output, neither
      // encodes it nor holds it as strings.
      const records = result.records.map((r) => {
        const bytes = utf8.encode(r.trackers as string);
        buffers.push(bytes.buffer as ArrayBuffer);
        return { ...r, messages: [], trackers: bytes };
      });
      return { ...result, records };
    });
    if (buffers.length === 0) return results;
    return Piscina.move({ [Piscina.transferableSymbol]: buffers, [Piscina.valueSymbol]: results } as never) as unknown as BatchFileResult[];
  };
})();
