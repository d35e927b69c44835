// The typed messages between the pool (main thread) and its workers.
import type { Detections } from '../detections.js';
import type { SharedMemo } from '../shared-memo.js';
import type { CompiledIndex } from '../types.js';

/** Handed to each worker once, when it starts: the index is never sent with a task. */
export interface WorkerData {
  index: CompiledIndex;
  /** The workers' shared memo of matched texts, at the default threshold. */
  memo: SharedMemo;
}

/** A conversation as a task carries it: ids and texts only, no other message fields. */
export interface TaskConversation {
  ids: string[];
  texts: string[];
}

export interface MatchTask {
  conversations: TaskConversation[];
  threshold: number;
  details: boolean;
  /**
   * "compact": typed-array detections, transferred; the main thread builds Symbl's shape from them.
   * "json": the trackers-detected array as JSON text, built in the worker, for callers that write it out.
   */
  output: 'compact' | 'json';
}

export type MatchTaskResult = Detections[] | string[];
