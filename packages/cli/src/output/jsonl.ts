import { writeOut, type Output } from '../io.js';
import { recordJson, type RecordWriter } from './types.js';

export function jsonlWriter(out: Output): RecordWriter {
  return {
    needsObjects: false,
    write: (record) => writeOut(out, recordJson(record) + '\n'),
    end: async () => {},
  };
}
