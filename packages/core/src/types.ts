// Symbl's resources, in Symbl's words.
import type { TrackerDetected } from '@phrasewatch/matcher';

/** What a create or replace request carries. */
export interface TrackerBody {
  name: string;
  description?: string;
  categories?: string[];
  languages?: string[];
  vocabulary: string[];
  excludeVocabulary?: string[];
}

export interface Tracker extends TrackerBody {
  id: string;
  createdOn: string;
  updatedOn: string;
}

export interface TrackerResult {
  tracker: Tracker;
  /** Accepted, but outside Symbl's recommendations (e.g. fewer than 5 phrases). */
  warnings?: string[];
}

export interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

export interface InputMessage {
  payload: { content: string; contentType?: string };
  from?: { name?: string; userId?: string };
  duration?: { startTime?: string; endTime?: string };
}

export type TrackerSpec = { id: string } | { name: string; vocabulary: string[]; excludeVocabulary?: string[] };

export interface ProcessTextRequest {
  name?: string;
  messages: InputMessage[];
  trackers?: TrackerSpec[];
  enableAllTrackers?: boolean;
  confidenceThreshold?: number;
  webhookUrl?: string;
  [ignored: string]: unknown;
}

export type JobStatus = 'scheduled' | 'in_progress' | 'completed' | 'failed';

export interface Job {
  id: string;
  status: JobStatus;
  /** Why a job failed. */
  reason?: string;
}

// A type alias, not an interface, so that it passes where the matcher takes messages with extra fields.
export type StoredMessage = {
  id: string;
  text: string;
  from: { name?: string; userId?: string };
  startTime?: string;
  endTime?: string;
  conversationId: string;
};

export type { TrackerDetected };
