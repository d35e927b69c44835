// Conversations as Symbl's Conversation API returns their messages, checked before they reach the matcher.
import type { Message } from '@phrasewatch/matcher';
import { CoreError, CoreErrorCode } from './errors.js';

export interface Conversation {
  /** From the messages' own `conversationId`, when they carry one. */
  conversationId?: string;
  messages: Message[];
}

const show = (value: unknown): string => (value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value)).slice(0, 60));

function invalid(message: string): CoreError {
  return new CoreError(CoreErrorCode.conversationInvalid, message);
}

/** Checks a parsed `{"messages": [{id, text, ...}]}` document; ids may be numbers, as some exports write them. */
export function parseConversation(value: unknown): Conversation {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(`expected an object with "messages", got ${Array.isArray(value) ? 'an array' : show(value)}`);
  }
  const raw = (value as Record<string, unknown>).messages;
  if (!Array.isArray(raw)) throw invalid(`"messages" must be an array, got ${show(raw)}`);
  let conversationId: string | undefined;
  const messages = raw.map((item: unknown, i): Message => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalid(`messages[${i}] must be an object, got ${show(item)}`);
    const m = item as Record<string, unknown>;
    const id = typeof m.id === 'number' ? String(m.id) : m.id;
    if (typeof id !== 'string' || id === '') throw invalid(`messages[${i}].id must be a non-empty string, got ${show(m.id)}`);
    if (typeof m.text !== 'string') throw invalid(`messages[${i}].text must be a string, got ${show(m.text)}`);
    if (conversationId === undefined && typeof m.conversationId === 'string' && m.conversationId !== '') conversationId = m.conversationId;
    return { ...m, id, text: m.text };
  });
  return { conversationId, messages };
}

/** JSON.parse with an error that says what is wrong and where. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CoreError(CoreErrorCode.jsonInvalid, `malformed JSON: ${(error as Error).message}`);
  }
}
