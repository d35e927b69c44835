// `phrasewatch match`: trackers against transcript files (folders and globs too), in any supported
// format; results in argument order as jsonl, json, csv or a table; bad files listed, never fatal unless
// --fail-fast.
import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseJson, parseTrackerList, readConversations, type InputConversation, type InputFormat, type Store } from '@phrasewatch/core';
import { compile, match, type CompiledIndex, type MatchOptions, type Tracker, type TrackerDetected } from '@phrasewatch/matcher';
import { createMatcherPool, type MatcherPool } from '@phrasewatch/matcher/pool';
import { paintFor } from '../colors.js';
import { EXIT_INPUT, EXIT_OK, UsageError, describeError } from '../exit.js';
import { writeOut, type Io, type Output } from '../io.js';
import { openAtomic, writerFor, type MatchRecord, type OutputFormat } from '../output/index.js';
import { expandPaths } from '../paths.js';
import { progressBar } from '../progress.js';
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
  store?: boolean;
  db?: string;
}

export async function loadTrackerFile(path: string): Promise<Tracker[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--trackers ${path}: ${describeError(error)}`);
  }
  try {
    const trackers = parseTrackerList(parseJson(text));
    compile(trackers);
    return trackers;
  } catch (error) {
    throw new UsageError(`--trackers ${path}: ${describeError(error)}`);
  }
}

interface Failure {
  source: string;
  reason: string;
}

export async function matchCommand(paths: string[], options: MatchCommandOptions, io: Io): Promise<number> {
  if (Boolean(options.trackers) === Boolean(options.allTrackers)) throw new UsageError('give either --trackers FILE or --all-trackers');
  if (options.allTrackers || options.store) return withStore(options.db, (store) => run(paths, options, io, store));
  return run(paths, options, io, undefined);
}

async function run(paths: string[], options: MatchCommandOptions, io: Io, store: Store | undefined): Promise<number> {
  const trackers = options.trackers ? await loadTrackerFile(options.trackers) : (await store!.listTrackers()).trackers;
  if (trackers.length === 0) throw new UsageError('the store has no trackers; create some with "phrasewatch trackers create" or give --trackers FILE');
  const index = compile(trackers);
  const matchOptions: MatchOptions = { details: options.details ?? false, ...(options.threshold === undefined ? {} : { threshold: options.threshold }) };
  const { files, missing } = await expandPaths(paths);
  const failures: Failure[] = missing.map(([source, reason]) => ({ source, reason }));
  const stderr = io.stderr as Output & { isTTY?: boolean };
  const paint = paintFor(stderr);

  const out = options.out ? await openAtomic(options.out).catch((error: unknown) => { throw new UsageError(`--out ${options.out}: ${describeError(error)}`); }) : undefined;
  const writer = writerFor(options.format ?? 'jsonl', out ? out.stream : io.stdout, paintFor(out ? {} : (io.stdout as { isTTY?: boolean })));
  const threads = options.workers ?? availableParallelism();
  // A pool costs a model load per worker: worth it for a batch, not for one file.
  const pool: MatcherPool | undefined = threads > 1 && files.length > 1 ? createMatcherPool({ index, threads }) : undefined;
  const progress = progressBar(stderr, files.length, !options.quiet);
  const withInline = new Map<string, CompiledIndex>();

  const detect = async (conversation: InputConversation): Promise<TrackerDetected[] | string> => {
    if (conversation.trackers) {
      // Inline trackers of an Async Text API body apply to that conversation only.
      const extra = conversation.trackers as Tracker[];
      const key = JSON.stringify(extra);
      let own = withInline.get(key);
      if (own === undefined) withInline.set(key, (own = compile([...trackers, ...extra])));
      return match(own, conversation.messages, matchOptions);
    }
    if (writer.needsObjects || options.store) return pool ? pool.match(conversation.messages, matchOptions) : match(index, conversation.messages, matchOptions);
    return pool ? pool.matchJson(conversation.messages, matchOptions) : JSON.stringify(match(index, conversation.messages, matchOptions));
  };

  const processFile = async (source: string): Promise<MatchRecord[]> => {
    const text = await readFile(source, 'utf8');
    const conversations = readConversations(text, { name: source, baseName: basename(source, extname(source)), format: options.inputFormat });
    const records: MatchRecord[] = [];
    for (const conversation of conversations) {
      records.push({ conversationId: conversation.conversationId, source, messages: conversation.messages, trackers: await detect(conversation) });
    }
    return records;
  };

  let stopped = options.failFast === true && failures.length > 0;
  try {
    // Files are read and matched ahead of the writer, a few at a time; records leave in argument order.
    const window = pool ? pool.threads * 2 : 1;
    const pending: Array<Promise<MatchRecord[]>> = [];
    let next = 0;
    for (let done = 0; done < files.length && !stopped; done++) {
      while (next < files.length && pending.length < window) {
        const job = processFile(files[next++]);
        job.catch(() => {}); // handled when its turn comes
        pending.push(job);
      }
      const source = files[done];
      try {
        const records = await pending.shift()!;
        for (const record of records) {
          await writer.write(record);
          if (store) await store.importConversation({ name: record.conversationId, messages: record.messages, trackers: typeof record.trackers === 'string' ? JSON.parse(record.trackers) : record.trackers });
        }
        progress.advance(1, records.reduce((n, r) => n + r.messages.length, 0));
      } catch (error) {
        failures.push({ source, reason: describeError(error) });
        progress.advance(1, 0);
        if (options.failFast) stopped = true;
      }
    }
    await Promise.allSettled(pending);
    await writer.end();
    progress.done();
    await out?.commit();
  } catch (error) {
    out?.abort();
    throw error;
  } finally {
    await pool?.close();
  }

  if (failures.length > 0) {
    const total = files.length + missing.length;
    const lines = failures.map((f) => `  ${f.source}: ${f.reason}`).join('\n');
    const head = options.failFast ? `stopped at the first failure (--fail-fast)` : `${failures.length} of ${total} files failed`;
    await writeOut(io.stderr, `${paint.red('phrasewatch:')} ${head}:\n${lines}\n`);
    return EXIT_INPUT;
  }
  return EXIT_OK;
}
