import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile.js';
import { MatcherError } from '../src/errors.js';
import { match } from '../src/match.js';
import { trackerIdFor } from '../src/tracker-id.js';

const catchError = (fn: () => unknown): MatcherError => {
  try {
    fn();
  } catch (error) {
    return error as MatcherError;
  }
  throw new Error('expected an error');
};

describe('compile', () => {
  it('gives a tracker without id a stable 16-digit numeric id derived from its name', () => {
    const a = compile([{ name: 'Pricing', vocabulary: ['price'] }]);
    const b = compile([{ name: 'Pricing', vocabulary: ['cost'] }]);
    expect(a.trackerIds[0]).toMatch(/^[1-9]\d{15}$/);
    expect(a.trackerIds[0]).toBe(b.trackerIds[0]);
    expect(trackerIdFor('Pricing')).not.toBe(trackerIdFor('pricing'));
  });

  it('keeps a given id', () => {
    expect(compile([{ id: '4476908732794496', name: 'P', vocabulary: ['price'] }]).trackerIds).toEqual(['4476908732794496']);
  });

  it('produces plain data that structured-clones into an index giving the same results', () => {
    const trackers = [{ name: 'B', vocabulary: ['budget is tight', 'too expensive', 'send me a calendar invite'] }];
    const index = compile(trackers);
    const clone = structuredClone(index);
    const messages = [
      { id: '1', text: 'Is the budget tight?' },
      { id: '2', text: 'could you send me a calender invite' },
    ];
    expect(match(clone, messages, { details: true })).toEqual(match(index, messages, { details: true }));
  });

  it.each([
    [null, /trackers must be an array/],
    [[{ vocabulary: ['x'] }], /trackers\[0\]: "name" must be a non-empty string/],
    [[{ name: 'A' }], /tracker "A": "vocabulary" must be an array/],
    [[{ name: 'A', vocabulary: [] }], /tracker "A": "vocabulary" must hold at least one phrase/],
    [[{ name: 'A', vocabulary: ['ok', 3] }], /tracker "A": "vocabulary\[1\]" must be a non-empty string, got 3/],
    [[{ name: 'A', vocabulary: ['ok'], excludeVocabulary: 'no' }], /"excludeVocabulary" must be an array/],
    [[{ name: 'A', vocabulary: ['...'] }], /phrase "..." has no words to match/],
    [[{ id: '1', name: 'A', vocabulary: ['a'] }, { id: '1', name: 'B', vocabulary: ['b'] }], /id 1 is used by another tracker/],
  ])('rejects %j with a message naming the problem', (trackers, message) => {
    const error = catchError(() => compile(trackers as never));
    expect(error).toBeInstanceOf(MatcherError);
    expect(error.code).toBe('tracker.invalid');
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
  });
});

describe('match input checks', () => {
  const index = compile([{ name: 'A', vocabulary: ['price'] }]);

  it.each([
    [[{ text: 'x' }], 'message.invalid', /messages\[0\]\.id must be a non-empty string/],
    [[{ id: '1', text: 5 }], 'message.invalid', /messages\[0\]\.text must be a string, got 5/],
    ['nope', 'message.invalid', /messages must be an array/],
  ])('rejects messages %j', (messages, code, message) => {
    const error = catchError(() => match(index, messages as never));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it.each([0.4, 1.1, Number.NaN, '0.7'])('rejects threshold %j, naming the option', (threshold) => {
    const error = catchError(() => match(index, [], { threshold: threshold as number }));
    expect(error.code).toBe('option.invalid');
    expect(error.message).toMatch(/option "threshold" must be a number from 0.5 to 1/);
  });

  it('rejects something that is not a compiled index', () => {
    expect(catchError(() => match({} as never, [])).code).toBe('index.invalid');
  });

  it('matches an empty conversation to an empty result', () => {
    expect(match(index, [])).toEqual([]);
    expect(match(index, [{ id: '1', text: '' }])).toEqual([]);
  });
});

describe('the engine', () => {
  it('imports nothing Node-only outside the pool entry', () => {
    const src = join(import.meta.dirname, '../src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.startsWith('pool'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(join(src, file), 'utf8');
      expect(text, file).not.toMatch(/from ['"](node:|fs|path|os|worker_threads|piscina)/);
    }
  });
});
