#!/usr/bin/env node
// run.js, not index.js: the command loads the HTTP server only for `serve`.
import { run } from '../dist/run.js';

const stdin = process.stdin.isTTY ? undefined : process.stdin;
process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin });
