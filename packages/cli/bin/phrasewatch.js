#!/usr/bin/env node
import { run } from '../dist/index.js';

const stdin = process.stdin.isTTY ? undefined : process.stdin;
process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin });
