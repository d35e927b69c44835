// `phrasewatch match --trackers FILE FILE...`: one JSON line per conversation file, in argument order.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseConversation, parseJson, parseTrackerList } from '@phrasewatch/core';
import { compile, match, type CompiledIndex, type MatchOptions, type Message } from '@phrasewatch/matcher';
import { createMatcherPool, type MatcherPool } from '@phrasewatch/matcher/pool';
import { EXIT_INPUT, EXIT_OK, UsageError, describeError } from '../exit.js';
import { writeOut, type Io } from '../io.js';

export interface MatchCommandOptions {
  trackers: string;
  threshold?: number;
  workers?: number;
  details?: boolean;
}

interface Loaded {
  source: string;
  conversationId: string;
  messages: Message[];
}

export async function loadIndex(path: string): Promise<CompiledIndex> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--trackers ${path}: ${describeError(error)}`);
  }
  try {
    return compile(parseTrackerList(parseJson(text)));
  } catch (error) {
    throw new UsageError(`--trackers ${path}: ${describeError(error)}`);
  }
}

async function load(source: string): Promise<Loaded> {
  const conversation = parseConversation(parseJson(await readFile(source, 'utf8')));
  return {
    source,
    conversationId: conversation.conversationId ?? basename(source, extname(source)),
    messages: conversation.messages,
  };
}

export async function matchCommand(files: string[], options: MatchCommandOptions, io: Io): Promise<number> {
  const index = await loadIndex(options.trackers);
  const matchOptions: MatchOptions = { details: options.details ?? false };
  if (options.threshold !== undefined) matchOptions.threshold = options.threshold;
  const pool: MatcherPool | undefined = options.workers === undefined ? undefined : createMatcherPool({ index, threads: options.workers });
  // Workers build the JSON themselves; the main thread only reads files and writes lines.
  const detectJson = (messages: Message[]): Promise<string> =>
    pool ? pool.matchJson(messages, matchOptions) : Promise.resolve().then(() => JSON.stringify(match(index, messages, matchOptions)));

  // Files are read and matched ahead of the writer, at most `window` at once; lines leave in argument order.
  const window = pool ? pool.threads * 2 : 1;
  const pending: Array<Promise<string>> = [];
  let failed = 0;
  const start = (source: string): Promise<string> =>
    load(source).then(async (loaded) => {
      const trackers = await detectJson(loaded.messages);
      return `{"conversationId":${JSON.stringify(loaded.conversationId)},"source":${JSON.stringify(source)},"trackers":${trackers}}\n`;
    });
  try {
    let next = 0;
    for (let done = 0; done < files.length; done++) {
      while (next < files.length && pending.length < window) pending.push(start(files[next++]));
      const source = files[done];
      try {
        await writeOut(io.stdout, await pending.shift()!);
      } catch (error) {
        failed++;
        await writeOut(io.stderr, `phrasewatch: ${source}: ${describeError(error)}\n`);
      }
    }
  } finally {
    await pool?.close();
  }
  if (failed > 0) await writeOut(io.stderr, `phrasewatch: ${failed} of ${files.length} files failed\n`);
  return failed > 0 ? EXIT_INPUT : EXIT_OK;
}
