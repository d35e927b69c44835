import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile.js';
import { DEFAULTS } from '../src/defaults.js';
import { DetectionsBuilder } from '../src/detections.js';
import { match } from '../src/match.js';
import { MessageMemo } from '../src/message-memo.js';
import type { CompiledIndex, Message } from '../src/types.js';

const trackers = [
  { name: 'Promotion', vocabulary: ['We have a sale right now on'] },
  { name: 'Budget', vocabulary: ['is the budget tight'] },
];
const SIMILAR = "We're running a sale right now";
const EXACT = 'Honestly, is the budget tight?';

/** Every ref as "tracker | phrase | message id | offset", in output order. */
function refs(index: CompiledIndex, messages: Message[], threshold?: number): string[] {
  return match(index, messages, { threshold }).flatMap((t) =>
    t.matches.flatMap((m) => m.messageRefs.map((r) => `${t.name} | ${m.value} | ${r.id} | ${r.offset}`)),
  );
}

describe('repeated message texts', () => {
  it('reports a line repeated in one conversation at every message that says it, with the same offset', () => {
    const index = compile(trackers);
    const messages = [
      { id: 'a', text: EXACT },
      { id: 'b', text: 'Hello there.' },
      { id: 'c', text: EXACT },
      { id: 'd', text: SIMILAR },
      { id: 'e', text: SIMILAR },
    ];
    expect(refs(index, messages)).toEqual([
      'Promotion | We have a sale right now on | d | -1',
      'Promotion | We have a sale right now on | e | -1',
      'Budget | is the budget tight | a | 10',
      'Budget | is the budget tight | c | 10',
    ]);
  });

  it('gives a line met in an earlier conversation the same matches a fresh index gives it', () => {
    const warm = compile(trackers);
    refs(warm, [{ id: 'x', text: SIMILAR }, { id: 'y', text: EXACT }]);
    const later = [{ id: 'p', text: EXACT }, { id: 'q', text: SIMILAR }];
    expect(refs(warm, later)).toEqual(refs(compile(trackers), later));
  });

  it('matches a line again when the threshold changes: a similar match at 0.5 is gone at 0.9 and back at 0.5', () => {
    const index = compile(trackers);
    const messages = [{ id: 'a', text: SIMILAR }];
    expect(refs(index, messages, 0.5)).toHaveLength(1);
    expect(refs(index, messages, 0.9)).toEqual([]);
    expect(refs(index, messages, 0.5)).toHaveLength(1);
  });
});

describe('the memo of matched texts', () => {
  const rowsFor = (phrase: number): DetectionsBuilder => {
    const out = new DetectionsBuilder();
    out.add(phrase, 0, 3, 0.5, 1);
    return out;
  };

  it('replays the rows kept for a text into the message it is given', () => {
    const memo = new MessageMemo();
    memo.use(0.65);
    memo.keep('yes', rowsFor(7), 0);
    const out = new DetectionsBuilder();
    expect(memo.replay('yes', 4, out)).toBe(true);
    expect(memo.replay('no', 5, out)).toBe(false);
    const found = out.finish();
    expect([found.count, found.phrase[0], found.message[0], found.offset[0], found.tier[0]]).toEqual([1, 7, 4, 3, 1]);
  });

  it('forgets everything at another threshold', () => {
    const memo = new MessageMemo();
    memo.use(0.65);
    memo.keep('yes', rowsFor(7), 0);
    memo.use(0.9);
    expect(memo.replay('yes', 0, new DetectionsBuilder())).toBe(false);
  });

  it(`keeps no text longer than ${DEFAULTS.memoMaxTextLength} characters`, () => {
    const memo = new MessageMemo();
    memo.use(0.65);
    const long = 'x'.repeat(DEFAULTS.memoMaxTextLength + 1);
    memo.keep(long, rowsFor(1), 0);
    expect(memo.replay(long, 0, new DetectionsBuilder())).toBe(false);
  });

  it(`starts over once it holds ${DEFAULTS.memoChars} characters of text`, () => {
    const memo = new MessageMemo();
    memo.use(0.65);
    const text = (i: number): string => `${i} `.padEnd(DEFAULTS.memoMaxTextLength, 'x');
    const fit = DEFAULTS.memoChars / DEFAULTS.memoMaxTextLength;
    for (let i = 0; i < fit; i++) memo.keep(text(i), rowsFor(i), 0);
    expect(memo.replay(text(0), 0, new DetectionsBuilder())).toBe(true);
    memo.keep(text(fit), rowsFor(fit), 0);
    expect(memo.replay(text(0), 0, new DetectionsBuilder())).toBe(false);
    const out = new DetectionsBuilder();
    expect(memo.replay(text(fit), 2, out)).toBe(true);
    expect(out.finish().phrase[0]).toBe(fit);
  });
});
