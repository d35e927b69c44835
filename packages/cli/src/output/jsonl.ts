import { writeOut, type Output } from '../io.js';
import { recordChunk, type RecordWriter } from './types.js';

export function jsonlWriter(out: Output): RecordWriter {
  return {
    needsObjects: false,
    write: (record) => writeOut(out, recordChunk(record, '', '\n')),
    end: async () => {},
  };
}
