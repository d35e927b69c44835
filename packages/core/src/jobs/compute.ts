// What a job computes, apart from where it runs: trackers-detected (with insight refs) and the hits, over
// the conversation's messages. A pure function of its input.
import type { Hit } from '../conversations/repository.js';
import { detectWith, indexFor } from '../detect.js';
import type { TrackerSet } from '../trackers/tracker-sets.js';
import type { StoredMessage, TrackerDetected } from '../types.js';

export interface ComputeInput {
  /** Compiled once per key in each thread (detect.ts keeps the compiled indexes). */
  trackers: TrackerSet;
  messages: StoredMessage[];
  threshold?: number;
}

export interface ComputeResult {
  detected: TrackerDetected[];
  hits: Hit[];
}

export function computeDetections(input: ComputeInput): ComputeResult {
  if (input.trackers.trackers.length === 0) return { detected: [], hits: [] };
  return detectWith(indexFor(input.trackers.trackers, input.trackers.key), input.messages, input.threshold);
}
