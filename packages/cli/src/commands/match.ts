// `phrasewatch match`: trackers against transcript files (folders and globs too), in any supported
// format; results in argument order as jsonl, json, csv or a table; bad files listed, never fatal unless
// --fail-fast.
import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import { parseJson, parseTrackerList, type InputFormat, type Store } from '@phrasewatch/core';
import { createSharedMemo, shareMemo, type MatchOptions, type Tracker, type TrackerDetected } from '@phrasewatch/matcher';
import { converter, type Converter } from '../batch/convert.js';
import { compileTrackers as compileOrRead, type CompiledTrackers } from '../index-cache.js';
import { inOrder } from '../batch/in-order.js';
import { createBatchPool, type BatchPool } from '../batch/pool.js';
import { defaultThreads, fileSize } from '../batch/threads.js';
import type { BatchFile, BatchFileResult, BatchInit } from '../batch/protocol.js';
import { paintFor } from '../colors.js';
import { DEFAULTS } from '../defaults.js';
import { EXIT_INPUT, EXIT_OK, UsageError, describeError } from '../exit.js';
import { checkStartedAt } from '../options.js';
import { writeOut, type Io, type Output } from '../io.js';
import { openAtomic, writerFor, type OutputFormat } from '../output/index.js';
import { TRANSCRIPT_EXTENSIONS, expandPaths } from '../paths.js';
import { progressBar } from '../progress.js';
import { readStdin } from '../input.js';
import { withStore } from '../store.js';

export interface MatchCommandOptions {
  trackers?: string;
  allTrackers?: boolean;
  inputFormat?: InputFormat;
  format?: OutputFormat;
  out?: string;
  threshold?: number;
  workers?: number;
  details?: boolean;
  quiet?: boolean;
  failFast?: boolean;
  startedAt?: string;
  store?: boolean;
  db?: string;
  /** false with --no-index-cache. */
  indexCache?: boolean;
}

export interface TrackerFile {
  trackers: Tracker[];
  /** The file's text, which the compiled-trackers cache is keyed by. */
  text: string;
}

/** Reads and checks a --trackers file; compiling them is separate, as it is the slow part. */
export async function readTrackerFile(path: string): Promise<TrackerFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--trackers ${path}: ${describeError(error)}`);
  }
  try {
    return { trackers: parseTrackerList(parseJson(text)) as Tracker[], text };
  } catch (error) {
    throw new UsageError(`--trackers ${path}: ${describeError(error)}`);
  }
}

function compileTrackers(trackers: Tracker[], file: { path: string; text: string } | undefined, cache: boolean): CompiledTrackers {
  try {
    return compileOrRead(trackers, { cache, ...(file ? { source: file.text } : {}) });
  } catch (error) {
    throw new UsageError(file ? `--trackers ${file.path}: ${describeError(error)}` : describeError(error));
  }
}

interface Failure {
  source: string;
  reason: string;
  /** A bad line of a JSON Lines file whose other lines were read. */
  line?: boolean;
}

export async function matchCommand(paths: string[], options: MatchCommandOptions, io: Io): Promise<number> {
  if (Boolean(options.trackers) === Boolean(options.allTrackers)) throw new UsageError('give either --trackers FILE or --all-trackers');
  checkStartedAt(options.startedAt);
  if (options.allTrackers || options.store) return withStore(options.db, (store) => run(paths, options, io, store));
  return run(paths, options, io, undefined);
}

async function run(paths: string[], options: MatchCommandOptions, io: Io, store: Store | undefined): Promise<number> {
  const file = options.trackers ? { path: options.trackers, ...(await readTrackerFile(options.trackers)) } : undefined;
  const trackers = file ? file.trackers : ((await store!.listTrackers()).trackers as Tracker[]);
  if (trackers.length === 0) {
    throw new UsageError(options.trackers
      ? `--trackers ${options.trackers}: the file holds no trackers; give at least one {"name", "vocabulary"}`
      : 'the store has no trackers; create some with "phrasewatch trackers create" or give --trackers FILE');
  }
  const matchOptions: MatchOptions = { details: options.details ?? false, ...(options.threshold === undefined ? {} : { threshold: options.threshold }) };
  const { files, missing, skipped } = await expandPaths(paths);
  let stdinText: string | undefined;
  if (files.includes('-')) {
    if (!io.stdin) throw new UsageError('"-" reads a transcript from standard input, but nothing is piped in');
    stdinText = await readStdin(io.stdin);
  }
  const failures: Failure[] = missing.map(([source, reason]) => ({ source, reason }));
  const stderr = io.stderr as Output & { isTTY?: boolean };
  const paint = paintFor(stderr);
  if (skipped > 0 && !options.quiet) {
    await writeOut(io.stderr, `phrasewatch: skipped ${skipped} file${skipped === 1 ? '' : 's'} in folders that ${skipped === 1 ? 'is' : 'are'} not transcript${skipped === 1 ? '' : 's'} (${TRANSCRIPT_EXTENSIONS.join(' ')}); name a file to read it anyway\n`);
  }

  const out = options.out ? await openAtomic(options.out).catch((error: unknown) => { throw new UsageError(`--out ${options.out}: ${describeError(error)}`); }) : undefined;
  const writer = writerFor(options.format ?? 'jsonl', out ? out.output : io.stdout, paintFor(out ? {} : (io.stdout as { isTTY?: boolean })));
  const threads = options.workers ?? defaultThreads({
    files, cores: availableParallelism(), sizeOf: (file) => (file === '-' ? Buffer.byteLength(stdinText!) : fileSize(file)),
  });
  const pooled = threads > 1 && files.length > 1;
  const init: Omit<BatchInit, 'channel'> = {
    trackers, matchOptions, inputFormat: options.inputFormat, objects: writer.needsObjects || options.store === true,
    // Threads share what they match: a line one of them has matched, the others replay.
    ...(pooled ? { memo: createSharedMemo(options.threshold === undefined ? {} : { threshold: options.threshold }) } : {}),
    ...(options.startedAt !== undefined ? { startedAt: options.startedAt } : {}),
  };
  // With N threads, this one matches too, beside N - 1 workers: a worker costs a model load, a copy of
  // the index and its own JIT warm-up, worth it for a batch, not for one file. Workers read, parse and
  // match whole files, and start (loading the model) while this thread compiles or reads the trackers;
  // they take the index when it is ready.
  const pool: BatchPool | undefined = pooled ? createBatchPool(threads - 1, init) : undefined;
  let local: Converter;
  try {
    const compiled = compileTrackers(trackers, file, options.indexCache !== false);
    if (pool) pool.share(compiled.bytes());
    if (init.memo) shareMemo(compiled.index, init.memo);
    local = converter(trackers, init, compiled.index);
  } catch (error) {
    await pool?.close();
    out?.abort();
    throw error;
  }
  const progress = progressBar(stderr, files.length, !options.quiet);
  const fileOf = (source: string): BatchFile => (source === '-' ? { source, text: stdinText! } : { source });

  const started = performance.now();
  const totals = { files: 0, conversations: 0, messages: 0, matches: 0 };
  let stopped = options.failFast === true && failures.length > 0;
  try {
    // Files go to workers in small batches, a few batches ahead of the writer, and this thread converts
    // batches too whenever the next result is not ready; results leave in argument order.
    const batchSize = pool ? DEFAULTS.batchFiles : 1;
    const batches: string[][] = [];
    for (let k = 0; k < files.length; k += batchSize) batches.push(files.slice(k, k + batchSize));
    const converted = inOrder<BatchFileResult[]>({
      count: batches.length,
      ...(pool ? { remote: (k: number) => pool.run(batches[k].map(fileOf)) } : {}),
      local: (k) => batches[k].map((source) => local.file(fileOf(source))),
      remoteAhead: pool ? pool.threads * DEFAULTS.batchesPerWorker : 0,
      limit: pool ? (pool.threads + 1) * DEFAULTS.batchesPerWorker * 2 : 1,
    });
    // (Nothing is converted when a failure before the first file stops the run.)
    if (!stopped) for await (const batch of converted) {
      for (const result of batch) {
        if (stopped) break;
        if ('error' in result) {
          failures.push({ source: result.source, reason: result.error });
          progress.advance(1, 0);
          if (options.failFast) stopped = true;
          continue;
        }
        // A JSON Lines file keeps its good lines; each bad one is reported as FILE:LINE.
        for (const [line, reason] of result.badLines) {
          failures.push({ source: `${result.source}:${line}`, reason, line: true });
          if (options.failFast) stopped = true;
        }
        for (const record of result.records) {
          // Stored: the output names the conversation by its store id, which every store command takes.
          const stored = store && options.store ? await store.importConversation({ name: record.conversationId, messages: record.messages, trackers: record.trackers as TrackerDetected[] }) : undefined;
          await writer.write({ ...record, ...(stored ? { conversationId: stored.conversationId } : {}), source: result.source });
        }
        const messages = result.records.reduce((n, r) => n + r.messageCount, 0);
        totals.files++;
        totals.conversations += result.records.length;
        totals.messages += messages;
        totals.matches += result.records.reduce((n, r) => n + r.matchCount, 0);
        progress.advance(1, messages);
      }
    }
    await writer.end();
    progress.done();
    await out?.commit();
  } catch (error) {
    out?.abort();
    throw error;
  } finally {
    await pool?.close();
  }

  const summary = async (): Promise<void> => {
    if (options.quiet) return;
    const n = (count: number, one: string, many = `${one}s`): string => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
    const seconds = (performance.now() - started) / 1000;
    await writeOut(io.stderr, `phrasewatch: ${n(totals.files, 'file')}, ${n(totals.conversations, 'conversation')}, ${n(totals.messages, 'message')}, ${n(totals.matches, 'match', 'matches')}, ${n(failures.length, 'failure')} in ${seconds.toFixed(seconds < 10 ? 2 : 1)} s\n`);
  };
  if (failures.length > 0) {
    const total = files.length + missing.length;
    const lines = failures.map((f) => `  ${f.source}: ${f.reason}`).join('\n');
    const badFiles = failures.filter((f) => !f.line).length, badLines = failures.length - badFiles;
    const counts = [badFiles > 0 ? `${badFiles} of ${total} file${total === 1 ? '' : 's'} failed` : '', badLines > 0 ? `${badLines} line${badLines === 1 ? '' : 's'} could not be read (the others were)` : ''].filter(Boolean).join('; ');
    const head = options.failFast ? `stopped at the first failure (--fail-fast)` : counts;
    await writeOut(io.stderr, `${paint.red('phrasewatch:')} ${head}:\n${lines}\n`);
    await summary();
    return EXIT_INPUT;
  }
  await summary();
  return EXIT_OK;
}
