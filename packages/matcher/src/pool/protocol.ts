// The typed messages between the pool (main thread) and its workers.
import type { CompiledIndex, MatchOptions, Message, TrackerDetected } from '../types.js';

/** Handed to each worker once, when it starts: the index is never sent with a task. */
export interface WorkerData {
  index: CompiledIndex;
}

/** One task: several conversations, matched in order. */
export interface MatchTask {
  conversations: Message[][];
  options: MatchOptions;
}

export type MatchTaskResult = TrackerDetected[][];
