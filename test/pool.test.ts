import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, match, MatcherError } from '@phrasewatch/matcher';
import { createMatcherPool } from '@phrasewatch/matcher/pool';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED } from './helpers.js';

// A slice of the benchmark trackers: phrases drawn from the same coffee-order dialogs, so many match.
const trackers = JSON.parse(readFileSync(join(SHARED, 'corpus/trackers-500x50.json'), 'utf8')).slice(0, 20);
const conversations = readFileSync(join(SHARED, 'corpus/taskmaster4.jsonl'), 'utf8')
  .split('\n')
  .slice(0, 120)
  .filter(Boolean)
  .map((line) => JSON.parse(line).messages);

describe('createMatcherPool', () => {
  const pool = createMatcherPool({ trackers, threads: 2, batchSize: 7 });
  afterAll(() => pool.close());

  it('gives the same results as single-thread match, in input order', async () => {
    const index = compile(trackers);
    const expected = conversations.map((messages) => match(index, messages, { details: true }));
    expect(expected.some((r) => r.length > 0)).toBe(true);
    expect(await pool.matchMany(conversations, { details: true })).toEqual(expected);
    expect(await pool.match(conversations[3], { details: true })).toEqual(expected[3]);
  });

  it('gives the same JSON text from matchManyJson as JSON.stringify of single-thread match', async () => {
    const index = compile(trackers);
    const expected = conversations.map((messages) => JSON.stringify(match(index, messages, { threshold: 0.7 })));
    expect(await pool.matchManyJson(conversations, { threshold: 0.7 })).toEqual(expected);
    expect(await pool.matchJson(conversations[5], { threshold: 0.7 })).toBe(expected[5]);
  });

  it('gives the same results when conversations repeat each other, which the workers match once between them', async () => {
    const index = compile(trackers);
    const expected = conversations.map((messages) => JSON.stringify(match(index, messages)));
    const twice = [...conversations, ...conversations.map((messages) => messages.map((m) => ({ ...m, id: `again-${m.id}` })))];
    const again = conversations.map((messages) => JSON.stringify(match(index, messages.map((m) => ({ ...m, id: `again-${m.id}` })))));
    expect(await pool.matchManyJson(twice)).toEqual([...expected, ...again]);
  });

  it('matches a batch in which several conversations match nothing, between ones that match', async () => {
    const index = compile(trackers);
    const none = [{ id: 'n', text: 'zzz' }];
    const batch = [none, conversations[0], none, none, conversations[1], none];
    expect(await pool.matchMany(batch)).toEqual(batch.map((messages) => match(index, messages)));
    expect(await pool.matchMany([none, none])).toEqual([[], []]);
  });

  it('rejects bad messages and options before sending them to a worker', async () => {
    await expect(pool.match([{ id: '1' } as never])).rejects.toThrow(/messages\[0\]\.text must be a string/);
    await expect(pool.match([], { threshold: 3 })).rejects.toBeInstanceOf(MatcherError);
  });

  it('rejects bad pool options by name', () => {
    expect(() => createMatcherPool({ trackers, threads: 0 })).toThrow(/option "threads" must be a positive integer/);
    expect(() => createMatcherPool({})).toThrow(/exactly one of the options "trackers" and "index"/);
  });
});
