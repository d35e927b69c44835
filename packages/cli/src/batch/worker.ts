// Batch worker entry: compiles the trackers once, then parses and matches the files of each task.
import { workerData } from 'node:worker_threads';
import { describeError } from '../exit.js';
import { converter } from './convert.js';
import type { BatchFile, BatchFileResult, BatchInit } from './protocol.js';

const init = workerData as BatchInit;
const convert = converter(init.trackers, init);

export default function run(files: BatchFile[]): BatchFileResult[] {
  return files.map(({ source, text }) => {
    try {
      const { records, badLines } = convert.records(source, text);
      // JSON text needs no messages on the way back; objects do (CSV columns, the store).
      return { source, badLines, records: init.objects ? records : records.map((r) => ({ ...r, messages: [] })) };
    } catch (error) {
      return { source, error: describeError(error) };
    }
  });
}
