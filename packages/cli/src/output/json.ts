// One JSON array of records, written as they come so memory stays flat.
import { writeOut, type Output } from '../io.js';
import { recordChunk, type RecordWriter } from './types.js';

export function jsonWriter(out: Output): RecordWriter {
  let first = true;
  return {
    needsObjects: false,
    async write(record) {
      await writeOut(out, recordChunk(record, first ? '[\n' : ',\n', ''));
      first = false;
    },
    end: () => writeOut(out, first ? '[]\n' : '\n]\n'),
  };
}
