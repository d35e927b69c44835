// WebVTT and SubRip: one message per cue, times kept, speakers from <v Name> tags (VTT) or a leading
// "Name:" (both).
import { CoreError, CoreErrorCode } from '../errors.js';
import { cueTimeToMs } from './timestamps.js';
import type { InputFileMessage } from './types.js';

const TIMING = /^\s*(\S+)\s+-->\s+(\S+)/;
// "Name: text": a name of up to 40 letters (any script), digits, spaces, periods, apostrophes and hyphens
// that starts with a capital or an uncased letter ("Zoë", "José", "李雷"), then a colon (or a full-width
// one) before the text.
const SPEAKER_PREFIX = /^((?:\p{Lu}|\p{Lo})[\p{L}\p{M}\p{N} .'-]{0,39}?)(?::\s+|\uFF1A\s*)(.+)$/su;

function invalid(format: string, message: string): CoreError {
  return new CoreError(CoreErrorCode.conversationInvalid, `${format}: ${message}`);
}

/** Splits on blank lines; each block with a timing line is a cue. */
function cues(text: string, format: string): Array<{ start: number; end: number; lines: string[] }> {
  const out: Array<{ start: number; end: number; lines: string[] }> = [];
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const at = lines.findIndex((l) => TIMING.test(l));
    if (at < 0) continue;
    const [, rawStart, rawEnd] = TIMING.exec(lines[at])!;
    const start = cueTimeToMs(rawStart), end = cueTimeToMs(rawEnd);
    if (start === undefined || end === undefined) throw invalid(format, `bad cue timing ${JSON.stringify(lines[at].trim())}`);
    const body = lines.slice(at + 1);
    if (body.length > 0) out.push({ start, end, lines: body });
  }
  return out;
}

function withSpeaker(text: string, voice: string | undefined): { text: string; speaker?: string } {
  if (voice) return { text, speaker: voice };
  const m = SPEAKER_PREFIX.exec(text);
  return m ? { text: m[2], speaker: m[1].trim() } : { text };
}

/** Offsets in seconds; wall-clock times only when the recording's start (ms since the epoch) is known. */
function message(id: string, text: string, speaker: string | undefined, start: number, end: number, startedAt: number | undefined): InputFileMessage {
  const out: InputFileMessage = { id, text, from: speaker ? { name: speaker } : {}, timeOffset: start / 1000, duration: Math.max(0, end - start) / 1000 };
  if (startedAt !== undefined) {
    out.startTime = new Date(startedAt + start).toISOString();
    out.endTime = new Date(startedAt + end).toISOString();
  }
  return out;
}

/** One message per cue with text; `read` turns a cue's lines into its text and, if tagged, its speaker. */
function cueMessages(text: string, format: string, idPrefix: string, startedAt: number | undefined, read: (raw: string) => { plain: string; voice?: string }): InputFileMessage[] {
  const out: InputFileMessage[] = [];
  for (const cue of cues(text, format)) {
    const { plain, voice } = read(cue.lines.join(' '));
    if (plain === '') continue;
    const { text: body, speaker } = withSpeaker(plain, voice);
    out.push(message(`${idPrefix}-${out.length + 1}`, body, speaker, cue.start, cue.end, startedAt));
  }
  if (out.length === 0) throw invalid(format, 'no cues with text');
  return out;
}

export function parseVtt(text: string, idPrefix: string, startedAt?: number): InputFileMessage[] {
  if (!/^\uFEFF?WEBVTT/.test(text)) throw invalid('WebVTT', 'the file does not start with "WEBVTT"');
  return cueMessages(text, 'WebVTT', idPrefix, startedAt, (raw) => ({
    voice: /<v(?:\.[\w.]+)?\s+([^>]+)>/.exec(raw)?.[1]?.trim(),
    plain: raw.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, ' ').trim(),
  }));
}

export function parseSrt(text: string, idPrefix: string, startedAt?: number): InputFileMessage[] {
  return cueMessages(text, 'SubRip', idPrefix, startedAt, (raw) => ({ plain: raw.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim() }));
}

/** Plain text: one message per non-empty line; "Speaker: text" gives the speaker. */
export function parseText(text: string, idPrefix: string): InputFileMessage[] {
  const out: InputFileMessage[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') continue;
    const { text: body, speaker } = withSpeaker(line.trim(), undefined);
    out.push({ id: `${idPrefix}-${out.length + 1}`, text: body, from: speaker ? { name: speaker } : {} });
  }
  if (out.length === 0) throw invalid('text', 'the file has no lines of text');
  return out;
}
