// A piscina pool of matcher workers. Each worker gets the compiled index once, in workerData; tasks carry
// only conversations, batched so that the per-task cost stays small next to the matching.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { compile } from '../compile.js';
import { DEFAULTS } from '../defaults.js';
import { ErrorCode, MatcherError } from '../errors.js';
import type { CompiledIndex, MatchOptions, Message, Tracker, TrackerDetected } from '../types.js';
import { checkMatchOptions, checkMessages } from '../validate.js';
import type { MatchTask, MatchTaskResult, WorkerData } from './protocol.js';

export interface MatcherPoolOptions {
  /** Trackers to compile, or an index compiled already. */
  trackers?: readonly Tracker[];
  index?: CompiledIndex;
  /** Worker threads; defaults to the number of cores. */
  threads?: number;
  /** Conversations sent to a worker per task by matchMany. */
  batchSize?: number;
}

export interface MatcherPool {
  readonly threads: number;
  /** Same result as `match(index, messages, options)`, computed in a worker. */
  match(messages: readonly Message[], options?: MatchOptions): Promise<TrackerDetected[]>;
  /** One result per conversation, in input order. */
  matchMany(conversations: ReadonlyArray<readonly Message[]>, options?: MatchOptions): Promise<TrackerDetected[][]>;
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
  const workerData: WorkerData = { index };
  const piscina = new Piscina<MatchTask, MatchTaskResult>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    workerData,
  });

  const run = (conversations: Message[][], matchOptions: MatchOptions): Promise<MatchTaskResult> =>
    piscina.run({ conversations, options: matchOptions });

  const validate = (conversations: ReadonlyArray<readonly Message[]>, matchOptions: MatchOptions): void => {
    checkMatchOptions(matchOptions);
    for (const messages of conversations) checkMessages(messages);
  };

  return {
    threads,
    async match(messages, matchOptions = {}) {
      validate([messages], matchOptions);
      const [result] = await run([messages as Message[]], matchOptions);
      return result;
    },
    async matchMany(conversations, matchOptions = {}) {
      validate(conversations, matchOptions);
      const batches: Promise<MatchTaskResult>[] = [];
      for (let k = 0; k < conversations.length; k += batchSize) {
        batches.push(run(conversations.slice(k, k + batchSize) as Message[][], matchOptions));
      }
      return (await Promise.all(batches)).flat();
    },
    close: () => piscina.destroy(),
  };
}
