// How many threads `match` uses when --workers is not given. A worker loads its own model and warms up
// its own JIT before it matches at full speed (about 1.5 s of CPU on a 2-core machine), so an input
// smaller than DEFAULTS.poolMinBytes (about 4 s of matching on one thread) runs on this thread alone.
import { statSync } from 'node:fs';
import { DEFAULTS } from '../defaults.js';

export interface DefaultThreadsOptions {
  files: readonly string[];
  cores: number;
  /** Size of a file in bytes ("-", standard input, included); 0 when it cannot be read. */
  sizeOf?: (file: string) => number;
  minBytes?: number;
}

export const fileSize = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    // A file that cannot be read is reported when it is converted.
    return 0;
  }
};

export function defaultThreads({ files, cores, sizeOf = fileSize, minBytes = DEFAULTS.poolMinBytes }: DefaultThreadsOptions): number {
  if (cores <= 1 || files.length < 2) return 1;
  // Sizes are summed only until the input is known to be large enough.
  let bytes = 0;
  for (const file of files) {
    bytes += sizeOf(file);
    if (bytes >= minBytes) return cores;
  }
  return 1;
}
