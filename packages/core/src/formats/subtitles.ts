// WebVTT and SubRip: one message per cue, times kept, speakers from <v Name> tags (VTT) or a leading
// "Name:" (both).
import { CoreError, CoreErrorCode } from '../errors.js';
import { cueTimeToIso } from './timestamps.js';
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
function cues(text: string, format: string): Array<{ start: string; end: string; lines: string[] }> {
  const out: Array<{ start: string; end: string; lines: string[] }> = [];
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const at = lines.findIndex((l) => TIMING.test(l));
    if (at < 0) continue;
    const [, rawStart, rawEnd] = TIMING.exec(lines[at])!;
    const start = cueTimeToIso(rawStart), end = cueTimeToIso(rawEnd);
    if (!start || !end) throw invalid(format, `bad cue timing ${JSON.stringify(lines[at].trim())}`);
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

function message(id: string, text: string, speaker: string | undefined, start: string, end: string): InputFileMessage {
  return { id, text, from: speaker ? { name: speaker } : {}, startTime: start, endTime: end };
}

/** One message per cue with text; `read` turns a cue's lines into its text and, if tagged, its speaker. */
function cueMessages(text: string, format: string, idPrefix: string, read: (raw: string) => { plain: string; voice?: string }): InputFileMessage[] {
  const out: InputFileMessage[] = [];
  for (const cue of cues(text, format)) {
    const { plain, voice } = read(cue.lines.join(' '));
    if (plain === '') continue;
    const { text: body, speaker } = withSpeaker(plain, voice);
    out.push(message(`${idPrefix}-${out.length + 1}`, body, speaker, cue.start, cue.end));
  }
  if (out.length === 0) throw invalid(format, 'no cues with text');
  return out;
}

export function parseVtt(text: string, idPrefix: string): InputFileMessage[] {
  if (!/^\uFEFF?WEBVTT/.test(text)) throw invalid('WebVTT', 'the file does not start with "WEBVTT"');
  return cueMessages(text, 'WebVTT', idPrefix, (raw) => ({
    voice: /<v(?:\.[\w.]+)?\s+([^>]+)>/.exec(raw)?.[1]?.trim(),
    plain: raw.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, ' ').trim(),
  }));
}

export function parseSrt(text: string, idPrefix: string): InputFileMessage[] {
  return cueMessages(text, 'SubRip', idPrefix, (raw) => ({ plain: raw.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim() }));
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
