// The one place where failures become exit codes and messages.
import { CommanderError } from 'commander';
import { PhrasewatchError } from '@phrasewatch/matcher';

export const EXIT_OK = 0;
/** Some input failed; the rest was processed. */
export const EXIT_INPUT = 1;
/** Usage or validation error: nothing was processed. */
export const EXIT_USAGE = 2;
/** The reader of standard output went away (`| head`): SIGPIPE's status, as Unix tools end. */
export const EXIT_PIPE = 141;

/** A usage error found by the CLI itself (a bad flag value, a missing file given as an option). */
export class UsageError extends Error {
  readonly code = 'cli.usage';
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  if (error instanceof UsageError || error instanceof PhrasewatchError) return EXIT_USAGE;
  return EXIT_INPUT;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    // Node's file errors carry the path in the message already; say it plainly.
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a directory, not a file';
    if (code === 'EACCES') return 'permission denied';
    return error.message;
  }
  return String(error);
}
