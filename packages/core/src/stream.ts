// Streaming: messages pushed one at a time, each answered at once with Symbl's tracker_response event
// for that message; close() stores the conversation and returns its trackers-detected.
import { match, type Tracker as MatcherTracker, type TrackerDetected } from '@phrasewatch/matcher';
import { indexFor } from './detect.js';
import { CoreError, CoreErrorCode } from './errors.js';

export interface StreamMessage {
  id?: string;
  text?: string;
  payload?: { content: string };
  from?: { name?: string; userId?: string };
  startTime?: string;
  endTime?: string;
}

export interface TrackerResponse {
  type: 'tracker_response';
  isFinal: boolean;
  sequenceNumber: number;
  trackers: TrackerDetected[];
}

export interface StreamOptions {
  trackers?: unknown[];
  enableAllTrackers?: boolean;
  /** Also answer messages pushed with isFinal false. */
  interimResults?: boolean;
  threshold?: number;
  onTrackerResponse?: (event: TrackerResponse) => void;
}

export interface Stream {
  /** The event for this message, also handed to onTrackerResponse; null for an interim message without interimResults. */
  push(message: StreamMessage, options?: { isFinal?: boolean }): TrackerResponse | null;
  /** Stores the final messages as a conversation and returns its trackers-detected. */
  close(): Promise<{ conversationId: string; trackers: TrackerDetected[] }>;
}

export interface FinalMessage {
  text: string;
  from?: { name?: string; userId?: string };
  startTime?: string;
  endTime?: string;
}

export function createStreamSession(
  trackers: MatcherTracker[],
  options: StreamOptions,
  save: (messages: FinalMessage[]) => Promise<{ conversationId: string; trackers: TrackerDetected[] }>,
): Stream {
  const index = trackers.length > 0 ? indexFor(trackers) : null;
  const finals: FinalMessage[] = [];
  let sequenceNumber = 0;
  let closed = false;

  return {
    push(message, { isFinal = true } = {}) {
      if (closed) throw new CoreError(CoreErrorCode.requestInvalid, 'the stream is closed');
      const text = message?.text ?? message?.payload?.content;
      if (typeof text !== 'string') throw new CoreError(CoreErrorCode.requestInvalid, 'a streamed message needs "text" (or "payload.content") as a string');
      if (isFinal) finals.push({ text, from: message.from, startTime: message.startTime, endTime: message.endTime });
      if (!isFinal && !options.interimResults) return null;
      const id = message.id ?? `${isFinal ? 'final' : 'interim'}-${sequenceNumber}`;
      const found = index ? match(index, [{ id, text }], options.threshold === undefined ? {} : { threshold: options.threshold }) : [];
      const event: TrackerResponse = { type: 'tracker_response', isFinal, sequenceNumber: ++sequenceNumber, trackers: found };
      options.onTrackerResponse?.(event);
      return event;
    },
    async close() {
      if (closed) throw new CoreError(CoreErrorCode.requestInvalid, 'the stream is closed');
      closed = true;
      return save(finals);
    },
  };
}
