import type { StoredMessage, TrackerSpec } from '../types.js';

export type InputFormat = 'conversation' | 'async' | 'jsonl' | 'vtt' | 'srt' | 'txt';
export const INPUT_FORMATS: readonly InputFormat[] = ['conversation', 'async', 'jsonl', 'vtt', 'srt', 'txt'];

/** A message as read from a file: Symbl's Conversation API fields, conversationId left out. */
export type InputFileMessage = Omit<StoredMessage, 'conversationId'>;

export interface InputConversation {
  conversationId: string;
  messages: InputFileMessage[];
  /** Inline trackers of an Async Text API body: they apply to this conversation only. */
  trackers?: TrackerSpec[];
}
