// One file -> its records: read it (where the matching runs, so a worker does its own reading), parse it
// in any supported format, then match each conversation (inline trackers of an Async Text API body apply
// to that conversation only). Shared by the in-process path and the batch workers, so both give the same
// records.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { readConversations, type InputFormat } from '@phrasewatch/core';
import { compile, match, matchJson, type CompiledIndex, type MatchOptions, type Tracker } from '@phrasewatch/matcher';
import { describeError } from '../exit.js';
import type { BatchFile, BatchFileResult, BatchRecord } from './protocol.js';

export interface Converter {
  records(source: string, text: string): { records: BatchRecord[]; badLines: Array<[number, string]> };
  /** Reads the file unless its text is given, and converts it; a failure is the file's error. */
  file(file: BatchFile): BatchFileResult;
}

export function converter(
  trackers: Tracker[],
  options: { matchOptions: MatchOptions; inputFormat?: InputFormat; startedAt?: string; objects: boolean },
  index: CompiledIndex = compile(trackers),
): Converter {
  const withInline = new Map<string, CompiledIndex>();
  const indexFor = (extra: Tracker[] | undefined): CompiledIndex => {
    if (!extra) return index;
    const key = JSON.stringify(extra);
    let own = withInline.get(key);
    if (own === undefined) withInline.set(key, (own = compile([...trackers, ...extra])));
    return own;
  };
  return {
    file({ source, text }) {
      try {
        return { source, ...this.records(source, text ?? readFileSync(source, 'utf8')) };
      } catch (error) {
        return { source, error: describeError(error) };
      }
    },
    records(source, text) {
      const badLines: Array<[number, string]> = [];
      const conversations = readConversations(text, {
        name: source, baseName: source === '-' ? 'stdin' : basename(source, extname(source)), format: options.inputFormat, startedAt: options.startedAt, onBadLine: (line, reason) => badLines.push([line, reason]),
      });
      if (conversations.length === 0 && badLines.length > 0) throw new Error(`no line could be read; line ${badLines[0][0]}: ${badLines[0][1]}`);
      const records = conversations.map((conversation) => {
        const index = indexFor(conversation.trackers as Tracker[] | undefined);
        const record = { conversationId: conversation.conversationId, messages: conversation.messages, messageCount: conversation.messages.length };
        // Only JSON is written: the text is built straight from the matches, with no objects between.
        if (!options.objects) {
          const { json, messageRefs } = matchJson(index, conversation.messages, options.matchOptions);
          return { ...record, trackers: json, matchCount: messageRefs };
        }
        const detected = match(index, conversation.messages, options.matchOptions);
        return { ...record, trackers: detected, matchCount: detected.reduce((n, t) => n + t.matches.reduce((k, m) => k + m.messageRefs.length, 0), 0) };
      });
      return { records, badLines };
    },
  };
}
