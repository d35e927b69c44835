// A piscina pool of matcher workers. Each worker gets the compiled index once, in workerData; tasks carry
// only message ids and texts, batched so that the per-task cost stays small next to the matching.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { compile } from '../compile.js';
import { DEFAULTS } from '../defaults.js';
import { createSharedMemo } from '../shared-memo.js';
import type { Detections } from '../detections.js';
import { ErrorCode, MatcherError } from '../errors.js';
import { group } from '../group.js';
import type { CompiledIndex, MatchOptions, Message, Tracker, TrackerDetected } from '../types.js';
import { checkMatchOptions, checkMessages } from '../validate.js';
import type { MatchTask, MatchTaskResult, WorkerData } from './protocol.js';

export interface MatcherPoolOptions {
  /** Trackers to compile, or an index compiled already. */
  trackers?: readonly Tracker[];
  index?: CompiledIndex;
  /** Worker threads; defaults to the number of cores. */
  threads?: number;
  /** Conversations sent to a worker per task by the *Many methods. */
  batchSize?: number;
}

type Conversations = ReadonlyArray<readonly Message[]>;

export interface MatcherPool {
  readonly threads: number;
  /** Same result as `match(index, messages, options)`, computed in a worker. */
  match(messages: readonly Message[], options?: MatchOptions): Promise<TrackerDetected[]>;
  /** One result per conversation, in input order. */
  matchMany(conversations: Conversations, options?: MatchOptions): Promise<TrackerDetected[][]>;
  /** `JSON.stringify(match(...))`, built in the worker: the cheapest way to write results out. */
  matchJson(messages: readonly Message[], options?: MatchOptions): Promise<string>;
  matchManyJson(conversations: Conversations, options?: MatchOptions): Promise<string[]>;
  close(): Promise<void>;
}

function checkPoolOptions(options: MatcherPoolOptions): void {
  const { threads, batchSize } = options;
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    throw new MatcherError(ErrorCode.optionInvalid, `option "threads" must be a positive integer, got ${JSON.stringify(threads)}`);
  }
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1)) {
    throw new MatcherError(ErrorCode.optionInvalid, `option "batchSize" must be a positive integer, got ${JSON.stringify(batchSize)}`);
  }
  if ((options.trackers === undefined) === (options.index === undefined)) {
    throw new MatcherError(ErrorCode.optionInvalid, 'give exactly one of the options "trackers" and "index"');
  }
}

export function createMatcherPool(options: MatcherPoolOptions): MatcherPool {
  checkPoolOptions(options);
  const index = options.index ?? compile(options.trackers!);
  const threads = options.threads ?? availableParallelism();
  const batchSize = options.batchSize ?? DEFAULTS.poolBatchSize;
  // One memo for all workers: a line repeated across conversations is matched by one of them only.
  const workerData: WorkerData = { index, memo: createSharedMemo() };
  const piscina = new Piscina<MatchTask, MatchTaskResult>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // A second task queued in each worker, so that it never idles while the main thread hands it the next.
    concurrentTasksPerWorker: 2,
    // The young generation's size is tuned (see DEFAULTS.poolYoungGenerationMb).
    resourceLimits: { maxYoungGenerationSizeMb: DEFAULTS.poolYoungGenerationMb },
    workerData,
  });

  const submit = (conversations: Conversations, matchOptions: MatchOptions, output: MatchTask['output']): Promise<MatchTaskResult> => {
    checkMatchOptions(matchOptions);
    for (const messages of conversations) checkMessages(messages);
    return piscina.run({
      conversations: conversations.map((messages) => ({ ids: messages.map((m) => m.id), texts: messages.map((m) => m.text) })),
      threshold: matchOptions.threshold ?? DEFAULTS.threshold,
      details: matchOptions.details ?? false,
      output,
    });
  };

  const inBatches = async <T>(conversations: Conversations, one: (batch: Conversations) => Promise<T[]>): Promise<T[]> => {
    const batches: Promise<T[]>[] = [];
    for (let k = 0; k < conversations.length; k += batchSize) batches.push(one(conversations.slice(k, k + batchSize)));
    return (await Promise.all(batches)).flat();
  };

  const objects = async (conversations: Conversations, matchOptions: MatchOptions): Promise<TrackerDetected[][]> => {
    const detections = (await submit(conversations, matchOptions, 'compact')) as Detections[];
    return detections.map((d, k) => group(index, conversations[k], d, matchOptions.details ?? false));
  };
  const json = async (conversations: Conversations, matchOptions: MatchOptions): Promise<string[]> =>
    (await submit(conversations, matchOptions, 'json')) as string[];

  return {
    threads,
    match: async (messages, matchOptions = {}) => (await objects([messages], matchOptions))[0],
    matchMany: (conversations, matchOptions = {}) => inBatches(conversations, (batch) => objects(batch, matchOptions)),
    matchJson: async (messages, matchOptions = {}) => (await json([messages], matchOptions))[0],
    matchManyJson: (conversations, matchOptions = {}) => inBatches(conversations, (batch) => json(batch, matchOptions)),
    close: () => piscina.destroy(),
  };
}
