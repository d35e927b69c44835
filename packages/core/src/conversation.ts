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

/**
 * Checks a parsed `{"messages": [{id, text, ...}]}` document; ids may be numbers, as some exports write
 * them, or missing: then they are `<idPrefix>-<n>` (from 1). A top-level `conversationId` names the
 * conversation; else the first message's.
 */
export function parseConversation(value: unknown, options: { idPrefix?: string } = {}): Conversation {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(`expected an object with "messages", got ${Array.isArray(value) ? 'an array' : show(value)}`);
  }
  const raw = (value as Record<string, unknown>).messages;
  if (!Array.isArray(raw)) throw invalid(`"messages" must be an array, got ${show(raw)}`);
  const top = (value as Record<string, unknown>).conversationId;
  let conversationId: string | undefined = typeof top === 'string' && top !== '' ? top : typeof top === 'number' ? String(top) : undefined;
  const messages = raw.map((item: unknown, i): Message => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalid(`messages[${i}] must be an object, got ${show(item)}`);
    const m = item as Record<string, unknown>;
    const id = typeof m.id === 'number' ? String(m.id) : m.id === undefined && options.idPrefix !== undefined ? `${options.idPrefix}-${i + 1}` : m.id;
    if (typeof id !== 'string' || id === '') throw invalid(`messages[${i}].id must be a non-empty string, got ${show(m.id)}`);
    if (typeof m.text !== 'string') throw invalid(`messages[${i}].text must be a string, got ${show(m.text)}`);
    if (conversationId === undefined && typeof m.conversationId === 'string' && m.conversationId !== '') conversationId = m.conversationId;
    return { ...m, id, text: m.text };
  });
  return { conversationId, messages };
}

/** Line and column (from 1) of a UTF-16 index. */
function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1, start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: index - start + 1 };
}

/** Where V8's JSON.parse message says the error is (it words this three ways), as a UTF-16 index. */
function errorIndex(text: string, message: string): number | null {
  const at = /at position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  // Unexpected token 'x', ..."some context"... is not valid JSON: the context shows 10 characters before
  // the token when it does not start at the beginning.
  const token = /^Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (token) {
    const [, char, cut, context] = token;
    const start = cut ? text.indexOf(context) : 0;
    if (start < 0) return null;
    return cut ? start + 10 : context.indexOf(char);
  }
  return null;
}

/** JSON.parse with an error that says what is wrong and where (line and column, not a character count). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const index = errorIndex(text, message);
    const what = message.replace(/ in JSON at position \d+.*$/s, '').replace(/ at position \d+.*$/s, '').replace(/, (\.\.\.)?"[\s\S]*" is not valid JSON$/, '');
    if (index === null) throw new CoreError(CoreErrorCode.jsonInvalid, `malformed JSON: ${what}`);
    const { line, column } = lineAndColumn(text, index);
    throw new CoreError(CoreErrorCode.jsonInvalid, `malformed JSON at line ${line}, column ${column}: ${what}`);
  }
}
