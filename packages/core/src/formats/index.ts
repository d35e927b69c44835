// Transcript files -> conversations: the format from the extension and the content (or as given), then
// one parser per format. Every failure says what is wrong with the file.
import { parseConversation, parseJson } from '../conversation.js';
import { CoreError, CoreErrorCode } from '../errors.js';
import { checkProcessTextRequest } from '../conversations/request.js';
import { parseSrt, parseText, parseVtt } from './subtitles.js';
import { INPUT_FORMATS, type InputConversation, type InputFileMessage, type InputFormat } from './types.js';

export { INPUT_FORMATS, type InputConversation, type InputFileMessage, type InputFormat };

const unknown = (why: string): CoreError => new CoreError('format.unknown', `unknown format: ${why}; give --input-format (${INPUT_FORMATS.join(', ')})`);

export function detectFormat(name: string, text: string): InputFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'vtt') return 'vtt';
  if (ext === 'srt') return 'srt';
  if (ext === 'txt') return 'txt';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('WEBVTT')) return 'vtt';
  if (/^\d+\s*\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s+-->/.test(head)) return 'srt';
  if (ext === 'json' || head.startsWith('{') || head.startsWith('[')) {
    const lines = head.split('\n').filter((l) => l.trim() !== '');
    if (lines.length > 1 && lines.every((l) => l.trim().startsWith('{') && l.trim().endsWith('}'))) {
      try {
        lines.forEach((l) => JSON.parse(l));
        return 'jsonl';
      } catch {
        // Not one object per line: a pretty-printed document.
      }
    }
    const value = parseJson(text);
    return shapeOf(value);
  }
  if (/[\u0000-\u0008\u000E-\u001F]/.test(head.slice(0, 512))) throw unknown('the file is binary');
  if (ext !== undefined) throw unknown(`".${ext}" files are not transcripts phrasewatch reads`);
  return 'txt';
}

function shapeOf(value: unknown): 'conversation' | 'async' {
  const messages = (value as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages)) throw unknown('JSON without a "messages" array');
  return (messages[0] as { payload?: unknown } | undefined)?.payload !== undefined ? 'async' : 'conversation';
}

/** An Async Text API body as a conversation: message ids made from the conversation id and position. */
function fromAsyncBody(value: unknown, conversationId: string): InputConversation {
  const request = checkProcessTextRequest(value, () => true);
  const messages: InputFileMessage[] = request.messages.map((m, i) => ({
    id: `${conversationId}-${i + 1}`,
    text: m.payload.content,
    from: m.from ?? {},
    ...(m.duration?.startTime ? { startTime: m.duration.startTime } : {}),
    ...(m.duration?.endTime ? { endTime: m.duration.endTime } : {}),
  }));
  const trackers = request.trackers?.filter((t) => !('id' in t));
  return { conversationId, messages, ...(trackers && trackers.length > 0 ? { trackers } : {}) };
}

const conversationIdOf = (value: unknown): string | undefined => {
  const id = (value as { conversationId?: unknown } | null)?.conversationId;
  return typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : undefined;
};

function fromDocument(value: unknown, fallbackId: string): InputConversation {
  if (shapeOf(value) === 'async') {
    const name = (value as { name?: unknown }).name;
    return fromAsyncBody(value, typeof name === 'string' && name !== '' ? name : fallbackId);
  }
  const conversation = parseConversation(value, { idPrefix: conversationIdOf(value) ?? fallbackId });
  const id = conversation.conversationId ?? fallbackId;
  return { conversationId: id, messages: conversation.messages.map(({ conversationId: _c, ...m }) => m as InputFileMessage) };
}

/** Every conversation in a file; `baseName` names conversations that carry no id of their own. */
export interface ReadOptions {
  name: string;
  baseName: string;
  format?: InputFormat;
  /**
   * JSON Lines: a line that cannot be read is handed here (line from 1, reason) and the others are kept.
   * Without it, the first bad line fails the whole file.
   */
  onBadLine?: (line: number, reason: string) => void;
  /** When the recording started (ISO): subtitle cues, which count from it, then get wall-clock times too. */
  startedAt?: string;
}

export function readConversations(text: string, options: ReadOptions): InputConversation[] {
  const format = options.format ?? detectFormat(options.name, text);
  const base = options.baseName;
  const startedAt = options.startedAt === undefined ? undefined : Date.parse(options.startedAt);
  if (startedAt !== undefined && Number.isNaN(startedAt)) throw new CoreError(CoreErrorCode.requestInvalid, `"startedAt" must be an ISO time, got ${JSON.stringify(options.startedAt)}`);
  switch (format) {
    case 'conversation':
    case 'async':
      return [fromDocument(parseJson(text), base)];
    case 'jsonl':
      return text.split('\n').flatMap((line, i) => {
        if (line.trim() === '') return [];
        try {
          return [fromDocument(parseJson(line), `${base}-${i + 1}`)];
        } catch (error) {
          if (options.onBadLine) {
            options.onBadLine(i + 1, (error as Error).message);
            return [];
          }
          throw new CoreError((error as CoreError).code ?? CoreErrorCode.conversationInvalid, `line ${i + 1}: ${(error as Error).message}`);
        }
      });
    case 'vtt':
      return [{ conversationId: base, messages: parseVtt(text, base, startedAt) }];
    case 'srt':
      return [{ conversationId: base, messages: parseSrt(text, base, startedAt) }];
    case 'txt':
      return [{ conversationId: base, messages: parseText(text, base) }];
    default:
      throw unknown(`--input-format ${JSON.stringify(format)}`);
  }
}
