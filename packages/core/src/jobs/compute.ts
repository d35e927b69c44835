// What a job computes, apart from where it runs: trackers-detected (with insight refs) and the hits, over
// the conversation's messages. A pure function of its input, run inline or in a worker thread.
import type { Tracker as MatcherTracker } from '@phrasewatch/matcher';
import type { Hit } from '../conversations/repository.js';
import { detectTrackers } from '../detect.js';
import type { StoredMessage, TrackerDetected } from '../types.js';

export interface ComputeInput {
  trackers: MatcherTracker[];
  messages: StoredMessage[];
  threshold?: number;
  today: string;
}

export interface ComputeResult {
  detected: TrackerDetected[];
  hits: Hit[];
}

export type Compute = (input: ComputeInput) => Promise<ComputeResult>;

export function computeDetections(input: ComputeInput): ComputeResult {
  return detectTrackers(input.trackers, input.messages, input.threshold, input.today);
}

/** On the calling thread: for embedding apps and tests that want no worker threads. */
export const computeInline: Compute = async (input) => computeDetections(input);
