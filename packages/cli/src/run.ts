import { CommanderError } from 'commander';
import { paintFor } from './colors.js';
import { EXIT_OK, describeError, exitCodeFor } from './exit.js';
import type { Io } from './io.js';
import { buildProgram } from './program.js';

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    // commander has printed its own usage errors already.
    if (!(error instanceof CommanderError)) io.stderr.write(`${paintFor(io.stderr as { isTTY?: boolean }).red('phrasewatch:')} ${describeError(error)}\n`);
    return exitCodeFor(error);
  }
}
