// Batch worker entry: takes the compiled trackers (or compiles them once), then parses and matches the
// files of each task.
import { workerData } from 'node:worker_threads';
import { converter } from './convert.js';
import type { BatchFile, BatchFileResult, BatchInit } from './protocol.js';

const init = workerData as BatchInit;
const convert = converter(init.trackers, init, init.index);

export default function run(files: BatchFile[]): BatchFileResult[] {
  return files.map((file) => {
    const result = convert.file(file);
    // JSON text needs no messages on the way back; objects do (CSV columns, the store).
    return 'records' in result && !init.objects ? { ...result, records: result.records.map((r) => ({ ...r, messages: [] })) } : result;
  });
}
