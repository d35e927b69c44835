import type { StoredMessage, TrackerSpec } from '../types.js';

export type InputFormat = 'conversation' | 'async' | 'jsonl' | 'vtt' | 'srt' | 'txt';
export const INPUT_FORMATS: readonly InputFormat[] = ['conversation', 'async', 'jsonl', 'vtt', 'srt', 'txt'];

/**
 * A message as read from a file: Symbl's Conversation API fields, conversationId left out. Subtitle cues
 * carry `timeOffset` and `duration` (seconds from the start of the recording, as Symbl reports them), and
 * wall-clock `startTime`/`endTime` only when the recording's start is known.
 */
export type InputFileMessage = Omit<StoredMessage, 'conversationId'> & { timeOffset?: number; duration?: number };

export interface InputConversation {
  conversationId: string;
  messages: InputFileMessage[];
  /** Inline trackers of an Async Text API body: they apply to this conversation only. */
  trackers?: TrackerSpec[];
}
