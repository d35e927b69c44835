import type { Paint } from '../colors.js';
import type { Output } from '../io.js';
import { csvWriter } from './csv.js';
import { jsonWriter } from './json.js';
import { jsonlWriter } from './jsonl.js';
import { tableWriter } from './table.js';
import type { OutputFormat, RecordWriter } from './types.js';

export { OUTPUT_FORMATS, type MatchRecord, type OutputFormat, type RecordWriter } from './types.js';
export { openAtomic } from './atomic.js';
export { csvField } from './csv.js';
export { formatTable } from './table.js';

export function writerFor(format: OutputFormat, out: Output, paint: Paint): RecordWriter {
  switch (format) {
    case 'jsonl': return jsonlWriter(out);
    case 'json': return jsonWriter(out);
    case 'csv': return csvWriter(out);
    case 'table': return tableWriter(out, paint);
  }
}
