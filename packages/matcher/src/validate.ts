// Checks of what callers hand the matcher, each failure naming the field and value.
import { DEFAULTS } from './defaults.js';
import { ErrorCode, MatcherError } from './errors.js';
import type { MatchOptions, Message, Tracker } from './types.js';

const describe = (value: unknown): string => (value === undefined ? 'undefined' : JSON.stringify(value)?.slice(0, 80) ?? String(value));

function trackerError(where: string, message: string): MatcherError {
  return new MatcherError(ErrorCode.trackerInvalid, `${where}: ${message}`);
}

function checkPhrases(where: string, field: string, value: unknown, required: boolean): void {
  if (value === undefined && !required) return;
  if (!Array.isArray(value)) throw trackerError(where, `"${field}" must be an array of phrases, got ${describe(value)}`);
  if (required && value.length === 0) throw trackerError(where, `"${field}" must hold at least one phrase`);
  value.forEach((phrase, i) => {
    if (typeof phrase !== 'string' || phrase.trim() === '') {
      throw trackerError(where, `"${field}[${i}]" must be a non-empty string, got ${describe(phrase)}`);
    }
  });
}

export function checkTrackers(trackers: unknown): asserts trackers is Tracker[] {
  if (!Array.isArray(trackers)) {
    throw new MatcherError(ErrorCode.trackerInvalid, `trackers must be an array of trackers, got ${describe(trackers)}`);
  }
  trackers.forEach((tracker: unknown, i) => {
    if (typeof tracker !== 'object' || tracker === null || Array.isArray(tracker)) {
      throw trackerError(`trackers[${i}]`, `must be an object with "name" and "vocabulary", got ${describe(tracker)}`);
    }
    const t = tracker as Record<string, unknown>;
    const where = typeof t.name === 'string' ? `tracker "${t.name}"` : `trackers[${i}]`;
    if (typeof t.name !== 'string' || t.name.trim() === '') throw trackerError(where, `"name" must be a non-empty string, got ${describe(t.name)}`);
    if (t.id !== undefined && (typeof t.id !== 'string' || t.id === '')) throw trackerError(where, `"id" must be a non-empty string, got ${describe(t.id)}`);
    checkPhrases(where, 'vocabulary', t.vocabulary, true);
    checkPhrases(where, 'excludeVocabulary', t.excludeVocabulary, false);
  });
}

export function checkMessages(messages: unknown): asserts messages is Message[] {
  if (!Array.isArray(messages)) {
    throw new MatcherError(ErrorCode.messageInvalid, `messages must be an array, got ${describe(messages)}`);
  }
  messages.forEach((message: unknown, i) => {
    if (typeof message !== 'object' || message === null) {
      throw new MatcherError(ErrorCode.messageInvalid, `messages[${i}] must be an object with "id" and "text", got ${describe(message)}`);
    }
    const m = message as Record<string, unknown>;
    if (typeof m.id !== 'string' || m.id === '') {
      throw new MatcherError(ErrorCode.messageInvalid, `messages[${i}].id must be a non-empty string, got ${describe(m.id)}`);
    }
    if (typeof m.text !== 'string') {
      throw new MatcherError(ErrorCode.messageInvalid, `messages[${i}].text must be a string, got ${describe(m.text)}`);
    }
  });
}

export function checkMatchOptions(options: unknown): asserts options is MatchOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new MatcherError(ErrorCode.optionInvalid, `options must be an object, got ${describe(options)}`);
  }
  const { threshold, details } = options as MatchOptions;
  if (threshold !== undefined && (typeof threshold !== 'number' || !(threshold >= DEFAULTS.minThreshold && threshold <= DEFAULTS.maxThreshold))) {
    throw new MatcherError(
      ErrorCode.optionInvalid,
      `option "threshold" must be a number from ${DEFAULTS.minThreshold} to ${DEFAULTS.maxThreshold}, got ${describe(threshold)}`,
    );
  }
  if (details !== undefined && typeof details !== 'boolean') {
    throw new MatcherError(ErrorCode.optionInvalid, `option "details" must be a boolean, got ${describe(details)}`);
  }
}
