import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile.js';
import { MatcherError } from '../src/errors.js';
import { match } from '../src/match.js';
import { trackerIdFor } from '../src/tracker-id.js';
import { PatternSet } from '../src/pattern-set.js';
import { TrieBuilder, childOf, childStemBits } from '../src/trie.js';

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

  it('compiles phrases that normalize alike into one pattern, and reports each tracker that has one', () => {
    const index = compile([
      { name: 'Budget', vocabulary: ["I can't afford this", 'too expensive', 'I cannot afford this'] },
      { name: 'Cost', vocabulary: ['Too expensive!'] },
    ]);
    expect(index.patternStart.length - 1).toBe(2);
    const found = match(index, [{ id: '1', text: 'Honestly it is too expensive.' }]);
    expect(found.map((t) => [t.name, t.matches.map((m) => m.value)])).toEqual([
      ['Budget', ['too expensive']],
      ['Cost', ['Too expensive!']],
    ]);
  });

  it('keeps an excluded phrase apart from a vocabulary phrase that normalizes like it', () => {
    const index = compile([
      { name: 'A', vocabulary: ['call me back'] },
      { name: 'B', vocabulary: ['send the invoice'], excludeVocabulary: ['call me back'] },
    ]);
    expect(index.patternStart.length - 1).toBe(3);
    expect(Array.from(index.patternExcluded)).toEqual([0, 0, 1]);
  });

  it('compiles a thousand distinct phrases into a thousand patterns', () => {
    const vocabulary = Array.from({ length: 1000 }, (_, k) => `order number ${k} please`);
    const index = compile([{ name: 'Orders', vocabulary }]);
    expect(index.patternStart.length - 1).toBe(1000);
    const found = match(index, [{ id: '1', text: 'order number 517 please' }]);
    expect(found[0].matches.map((m) => m.value)).toContain('order number 517 please');
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

describe('the trie builder', () => {
  it('finds every inserted sequence after growing its edge table past the estimate', () => {
    const trie = new TrieBuilder({ stemCount: 50, edges: 1 });
    const sequences = Array.from({ length: 400 }, (_, k) => [k % 50, (k * 7) % 50, (k * 13) % 50, k % 3]);
    sequences.forEach((stems, k) => trie.insert(stems, k, 0));
    const data = trie.pack();
    const bits = childStemBits(data);
    sequences.forEach((stems, k) => {
      const node = stems.reduce((at, stem) => childOf(data, at, stem, bits), 0);
      expect(node).toBeGreaterThan(0);
      const outputs = Array.from(data.outPattern.subarray(data.outStart[node], data.outStart[node + 1]));
      expect(outputs).toContain(k);
    });
    expect(childOf(data, childOf(data, 0, 1, bits), 49, bits)).toBe(-1);
  });
});

describe('the pattern set', () => {
  it('finds each pattern again by its tokens after growing past the expected count', () => {
    const set = new PatternSet(1);
    const ids = (k: number) => Int32Array.of(k % 7, k, k * 3);
    for (let k = 0; k < 300; k++) expect(set.idOf(ids(k), ids(k + 1), 3, k % 2)).toBe(k);
    for (let k = 0; k < 300; k++) expect(set.idOf(ids(k), ids(k + 1), 3, k % 2)).toBe(k);
    expect(set.idOf(ids(5), ids(6), 3, 0)).toBe(300);
    expect(set.idOf(ids(5), ids(6), 2, 1)).toBe(301);
    expect(set.count).toBe(302);
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
