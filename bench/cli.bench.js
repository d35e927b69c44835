// Whole-process comparison: the `phrasewatch match` command over the Taskmaster-4 dialogs written out as
// one file each (3,710 files), with 1 and 2 workers, and over twice the files, to show that peak memory
// (VmHWM, read from /proc while it runs) does not grow with the number of files.
// Run: node bench/cli.bench.js (after pnpm build).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCorpus, SHARED } from './corpus.js';

const CLI = resolve(import.meta.dirname, '../packages/cli/bin/phrasewatch.js');
const { conversations } = loadCorpus();
const dir = mkdtempSync(join(tmpdir(), 'phrasewatch-cli-bench-'));
const files = [];
for (const copy of [0, 1]) {
  conversations.forEach((messages, i) => {
    const file = join(dir, `c${copy}-${String(i).padStart(4, '0')}.json`);
    writeFileSync(file, JSON.stringify({ messages }));
    files.push(file);
  });
}
const messages = conversations.reduce((n, m) => n + m.length, 0);

function peakRss(pid) {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

async function run(args) {
  const start = performance.now();
  const child = spawn(process.execPath, [CLI, 'match', '--quiet', '--trackers', join(SHARED, 'eval/dev/trackers.json'), ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, peakRss(child.pid))), 20);
  const code = await new Promise((done) => child.on('exit', done));
  clearInterval(timer);
  if (code !== 0) throw new Error(`phrasewatch exited ${code}`);
  return { seconds: (performance.now() - start) / 1000, peakMb: Math.round(peak / 1024) };
}

const rows = [];
const one = files.slice(0, conversations.length);
for (const [label, args, count] of [
  ['1 worker, 3,710 files', ['--workers', '1', ...one], messages],
  ['2 workers, 3,710 files', ['--workers', '2', ...one], messages],
  ['2 workers, 7,420 files', ['--workers', '2', ...files], messages * 2],
]) {
  const { seconds, peakMb } = await run(args);
  rows.push({ run: label, seconds: Number(seconds.toFixed(2)), 'messages/s': Math.round(count / seconds), 'main process peak MB': peakMb });
}
console.table(rows);
rmSync(dir, { recursive: true, force: true });
