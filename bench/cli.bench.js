// Whole-process comparison on the speed yardstick: `phrasewatch match --trackers
// trackers-realistic-500x50.json` over the Taskmaster-4 dialogs (CC BY 4.0, Google LLC) written out four
// times as one file each (14,840 files), with 1 and 2 workers, against the NLP floor as a process
// (bench/floor-process.js: read, parse, wink-nlp readDoc + lemmas). Best of three runs each, with the
// spread; both worker counts must write the same output (compared by digest). Peak memory (VmHWM, read
// from /proc while it runs) is the main process's; with 2 copies against 4 it shows memory does not grow
// with the number of files. Each is run with the compiled trackers cached and, with --no-index-cache,
// compiling them, and with the results piped to this process (which hashes them as they come) and, as a
// batch run writes them, to a file (--out). Run: node bench/cli.bench.js [runs] (after pnpm build).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCorpus, SHARED } from './corpus.js';

const runs = Number(process.argv[2] ?? 3);
const CLI = resolve(import.meta.dirname, '../packages/cli/bin/phrasewatch.js');
const FLOOR = resolve(import.meta.dirname, 'floor-process.js');
const TRACKERS = join(SHARED, 'corpus/trackers-realistic-500x50.json');
const { conversations } = loadCorpus();
const dir = mkdtempSync(join(tmpdir(), 'phrasewatch-cli-bench-'));
const files = [];
for (const copy of [0, 1, 2, 3]) {
  conversations.forEach((messages, i) => {
    const file = join(dir, `c${copy}-${String(i).padStart(4, '0')}.json`);
    writeFileSync(file, JSON.stringify({ messages }));
    files.push(file);
  });
}
const half = files.slice(0, files.length / 2);
// One copy: the matcher keeps the matches of each message text it has matched (message-memo.ts), so the
// three copies after the first are mostly replayed; one copy shows the corpus's own repeats only.
const oneCopy = files.slice(0, conversations.length);

function peakRss(pid) {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

// With an output file (--out), the digest is of that file, read after the run.
async function run(args, outFile) {
  const start = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const digest = createHash('sha256');
  child.stdout.on('data', (chunk) => digest.update(chunk));
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, peakRss(child.pid))), 20);
  const code = await new Promise((done) => child.on('exit', done));
  clearInterval(timer);
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}`);
  const seconds = (performance.now() - start) / 1000;
  if (outFile) {
    digest.update(readFileSync(outFile));
    rmSync(outFile);
  }
  return { seconds, peakMb: Math.round(peak / 1024), digest: digest.digest('hex').slice(0, 16) };
}

// The compiled trackers are cached between runs (PHRASEWATCH_CACHE_DIR, a folder of the bench's own): the
// runs with the cache read the index one warm-up run wrote; those with --no-index-cache compile it.
const match = (workers, list, ...flags) => [CLI, 'match', '--quiet', '--workers', String(workers), ...flags, '--trackers', TRACKERS, ...list];
// Piped, this bench reads and hashes 157 MB of results while they are written, on the same 2 cores;
// with --out the results go to a file, as a batch run writes them, and are hashed after the run.
const outFile = join(dir, 'results.jsonl');
const cases = [
  ['nlp floor, 14,840 files', [FLOOR, ...files]],
  ['match --workers 1, 14,840 files', match(1, files)],
  ['match --workers 2, 14,840 files', match(2, files)],
  ['match --workers 1 --out FILE, 14,840 files', match(1, files, '--out', outFile), outFile],
  ['match --workers 2 --out FILE, 14,840 files', match(2, files, '--out', outFile), outFile],
  ['match --workers 2, 7,420 files', match(2, half)],
  ['nlp floor, 3,710 files (one copy)', [FLOOR, ...oneCopy]],
  ['match --workers 1, 3,710 files (one copy)', match(1, oneCopy)],
  ['match --workers 1 --out FILE, 3,710 files (one copy)', match(1, oneCopy, '--out', outFile), outFile],
  ['match --workers 1 --no-index-cache, 14,840 files', match(1, files, '--no-index-cache')],
  ['match --workers 2 --no-index-cache, 14,840 files', match(2, files, '--no-index-cache')],
];
process.env.PHRASEWATCH_CACHE_DIR = join(dir, 'index-cache');
await run(match(1, files.slice(0, 1)));
const results = new Map(cases.map(([label]) => [label, []]));
// Interleaved, so a slow spell of the machine does not land on one case only.
for (let r = 0; r < runs; r++) for (const [label, args, out] of cases) results.get(label).push(await run(args, out));

const best = (label) => Math.min(...results.get(label).map((x) => x.seconds));
const rows = cases.map(([label]) => {
  const all = results.get(label);
  return {
    run: label,
    'best s': Number(best(label).toFixed(2)),
    'worst s': Number(Math.max(...all.map((x) => x.seconds)).toFixed(2)),
    'peak MB': Math.max(...all.map((x) => x.peakMb)),
    'output digest': label.startsWith('nlp') ? '' : [...new Set(all.map((x) => x.digest))].join(' '),
  };
});
console.table(rows);
const floor = best('nlp floor, 14,840 files');
const digests = rows.filter((row) => row.run.startsWith('match') && !row.run.includes('7,420') && !row.run.includes('3,710')).map((row) => row['output digest']);
const same = digests.every((d) => d === digests[0] && !d.includes(' '));
for (const flag of ['', ' --out FILE', ' --no-index-cache']) {
  const one = best(`match --workers 1${flag}, 14,840 files`), two = best(`match --workers 2${flag}, 14,840 files`);
  console.log(`${{ '': 'cached index, piped', ' --out FILE': 'cached index, --out FILE', ' --no-index-cache': 'compiling, piped' }[flag]}: --workers 1: ${(one / floor).toFixed(2)}x the floor; --workers 2: ${(one / two).toFixed(2)}x faster than 1`);
}
const copy = best('match --workers 1, 3,710 files (one copy)') / best('nlp floor, 3,710 files (one copy)');
const copyOut = best('match --workers 1 --out FILE, 3,710 files (one copy)') / best('nlp floor, 3,710 files (one copy)');
console.log(`one copy, cached index: --workers 1: ${copy.toFixed(2)}x the floor piped, ${copyOut.toFixed(2)}x with --out FILE`);
console.log(`same output, cached or compiled, 1 or 2 workers, piped or --out: ${same ? 'yes' : 'NO'}`);
rmSync(dir, { recursive: true, force: true });
