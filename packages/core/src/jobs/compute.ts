// What a job computes, apart from where it runs: trackers-detected (with insight refs) and the hits, over
// the conversation's messages. A pure function of its input, run inline or in a worker thread.
import type { Hit } from '../conversations/repository.js';
import { detectWith, indexForKey } from '../detect.js';
import type { TrackerSet } from '../trackers/tracker-sets.js';
import type { StoredMessage, TrackerDetected } from '../types.js';

export interface ComputeInput {
  /** Sent as one JSON text (copied cheaply to a worker), compiled once per key there. */
  trackers: TrackerSet;
  messages: StoredMessage[];
  threshold?: number;
}

export interface ComputeResult {
  detected: TrackerDetected[];
  hits: Hit[];
}

export type Compute = (input: ComputeInput) => Promise<ComputeResult>;

export function computeDetections(input: ComputeInput): ComputeResult {
  if (input.trackers.count === 0) return { detected: [], hits: [] };
  return detectWith(indexForKey(input.trackers.key, input.trackers.json), input.messages, input.threshold);
}

/** On the calling thread: for embedding apps and tests that want no worker threads. */
export const computeInline: Compute = async (input) => computeDetections(input);
