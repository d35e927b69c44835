// --out FILE: everything goes to a temporary file beside it, renamed over FILE only when all is written,
// so a reader never sees half a result and an old FILE survives a failed run.
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface AtomicFile {
  stream: WriteStream;
  commit(): Promise<void>;
  abort(): void;
}

export async function openAtomic(path: string): Promise<AtomicFile> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const stream = createWriteStream(temp, { flags: 'wx' });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  const closed = (): Promise<void> => new Promise((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return {
    stream,
    async commit() {
      await closed();
      renameSync(temp, path);
    },
    abort() {
      stream.destroy();
      rmSync(temp, { force: true });
    },
  };
}
