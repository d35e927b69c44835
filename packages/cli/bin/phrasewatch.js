#!/usr/bin/env node
import { EXIT_PIPE } from '../dist/exit.js';
import { fdOutputFor } from '../dist/output/fd-output.js';
// run.js, not index.js: the command loads the HTTP server only for `serve`.
import { run } from '../dist/run.js';

// A reader that stops early (`phrasewatch match ... | head`) closes the pipe: nothing more can be
// written, so stop at once and quietly, as Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(EXIT_PIPE);
});
const stdin = process.stdin.isTTY ? undefined : process.stdin;
// Standard output redirected to a file (`> results.jsonl`) is written without a stream (fd-output.ts).
const stdout = fdOutputFor(1) ?? process.stdout;
process.exitCode = await run(process.argv.slice(2), { stdout, stderr: process.stderr, stdin });
