// --out FILE: for a regular file (or a path not there yet), everything goes to a temporary file beside it,
// renamed over FILE only when all is written, so a reader never sees half a result and an old FILE
// survives a failed run. A symbolic link is followed: the temporary file sits beside the link's target,
// which is what gets replaced, and the link stays. Devices, FIFOs and sockets (/dev/null, a named pipe) are
// written directly: renaming over them would replace the device with a plain file.
import { createWriteStream, realpathSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DEFAULTS } from '../defaults.js';
import type { Output } from '../io.js';
import { openFdOutput } from './fd-output.js';

export interface AtomicFile {
  output: Output;
  commit(): Promise<void>;
  abort(): void;
}

/** The file a path names once its symbolic links are followed; the path itself when nothing is there. */
function target(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

async function opened(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
}

const ended = (stream: WriteStream): Promise<void> => new Promise((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));

export async function openAtomic(path: string): Promise<AtomicFile> {
  const real = target(path);
  const kind = statSync(real, { throwIfNoEntry: false });
  if (kind !== undefined && !kind.isFile() && !kind.isDirectory()) {
    // A device, FIFO or socket: write straight to it, through a stream (a FIFO may not take a write at once).
    const stream = createWriteStream(real, { flags: 'a', highWaterMark: DEFAULTS.outBufferBytes });
    await opened(stream);
    return { output: stream, commit: () => ended(stream), abort: () => stream.destroy() };
  }
  const temp = join(dirname(real), `.${basename(real)}.${process.pid}.tmp`);
  // The replacement keeps the replaced file's permissions. A regular file is written synchronously
  // (fd-output.ts): each write returns once the kernel has the bytes.
  const file = openFdOutput(temp, 'wx', kind?.isFile() ? kind.mode & 0o777 : 0o666);
  let open = true;
  const close = (): void => {
    if (open) file.close();
    open = false;
  };
  return {
    output: file,
    async commit() {
      close();
      renameSync(temp, real);
    },
    abort() {
      close();
      rmSync(temp, { force: true });
    },
  };
}
