// Where the CLI writes: the real streams in bin/, buffers in tests.
export interface Output {
  write(chunk: string): boolean;
  once?(event: 'drain', listener: () => void): unknown;
}

export interface Io {
  stdout: Output;
  stderr: Output;
}

/** Writes and, when the stream asks for it, waits for it to drain. */
export async function writeOut(out: Output, chunk: string): Promise<void> {
  if (!out.write(chunk) && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve));
}
