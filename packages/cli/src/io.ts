// Where the CLI writes: the real streams in bin/, buffers in tests.
export interface Output {
  /** Text, or UTF-8 text as bytes (match output from batch workers). */
  write(chunk: string | Uint8Array): boolean;
  once?(event: 'drain', listener: () => void): unknown;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  /** Request bodies piped in; absent when there is none to read. */
  stdin?: NodeJS.ReadableStream;
}

/** JSON on stdout, as every store command prints its result. */
export const printJson = (out: Output, value: unknown): Promise<void> => writeOut(out, JSON.stringify(value, null, 2) + '\n');

/** Writes and, when the stream asks for it, waits for it to drain. */
export async function writeOut(out: Output, chunk: string | Uint8Array): Promise<void> {
  if (!out.write(chunk) && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve));
}
