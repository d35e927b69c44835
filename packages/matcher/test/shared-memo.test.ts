import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile.js';
import { DetectionsBuilder } from '../src/detections.js';
import { MatcherError } from '../src/errors.js';
import { match, shareMemo } from '../src/match.js';
import { createSharedMemo, SharedMemoView } from '../src/shared-memo.js';
import type { CompiledIndex, Message } from '../src/types.js';

const trackers = [
  { name: 'Promotion', vocabulary: ['We have a sale right now on'] },
  { name: 'Budget', vocabulary: ['is the budget tight'] },
];
const SIMILAR = "We're running a sale right now";
const EXACT = 'Honestly, is the budget tight?';

const refs = (index: CompiledIndex, messages: Message[], threshold?: number): string[] =>
  match(index, messages, { threshold }).flatMap((t) => t.matches.flatMap((m) => m.messageRefs.map((r) => `${t.name} | ${r.id} | ${r.offset}`)));

const rowsFor = (phrase: number): DetectionsBuilder => {
  const out = new DetectionsBuilder();
  out.add(phrase, 0, 3, 0.5, 1);
  out.add(phrase + 1, 0, -1, 0.75, 3);
  return out;
};

describe('a shared memo of matched texts', () => {
  it('lets one thread replay what another kept (two views of one memo)', () => {
    const index = compile(trackers);
    const memo = createSharedMemo();
    const keeper = new SharedMemoView(memo, index), reader = new SharedMemoView(memo, index);
    keeper.keep('yes', rowsFor(0), 0);
    const out = new DetectionsBuilder();
    expect(reader.replay('yes', 6, out)).toBe(true);
    expect(reader.replay('yes.', 6, out)).toBe(false);
    const found = out.finish();
    expect([...found.phrase]).toEqual([0, 1]);
    expect([...found.message]).toEqual([6, 6]);
    expect([...found.offset]).toEqual([3, -1]);
    expect([...found.score]).toEqual([0.5, 0.75]);
    expect([...found.tier]).toEqual([1, 3]);
  });

  it('gives the same matches as a fresh index when indexes share it, repeated lines included', () => {
    const memo = createSharedMemo();
    const first = compile(trackers), second = compile(trackers);
    shareMemo(first, memo);
    shareMemo(second, memo);
    const messages = [{ id: 'a', text: EXACT }, { id: 'b', text: SIMILAR }, { id: 'c', text: EXACT }];
    const expected = refs(compile(trackers), messages);
    expect(expected).toHaveLength(3);
    expect(refs(first, messages)).toEqual(expected);
    expect(refs(second, messages)).toEqual(expected);
  });

  it('is not used at another threshold than its own: a similar match at 0.5 is not replayed at 0.9', () => {
    const index = compile(trackers);
    shareMemo(index, createSharedMemo({ threshold: 0.5 }));
    const messages = [{ id: 'a', text: SIMILAR }];
    expect(refs(index, messages, 0.5)).toHaveLength(1);
    expect(refs(index, messages, 0.9)).toEqual([]);
    expect(refs(index, messages, 0.5)).toHaveLength(1);
  });

  it('keeps nothing more once its space is used up, and matching goes on', () => {
    const index = compile(trackers);
    const memo = createSharedMemo({ chars: EXACT.length + 5 });
    shareMemo(index, memo);
    const view = new SharedMemoView(memo, index);
    const messages = [{ id: 'a', text: EXACT }, { id: 'b', text: SIMILAR }, { id: 'c', text: SIMILAR }];
    expect(refs(index, messages)).toEqual(refs(compile(trackers), messages));
    expect(view.replay(EXACT, 0, new DetectionsBuilder())).toBe(true);
    expect(view.replay(SIMILAR, 0, new DetectionsBuilder())).toBe(false);
  });

  it('rejects a threshold outside 0.5-1 and sizes that are not positive integers, by name', () => {
    expect(() => createSharedMemo({ threshold: 2 })).toThrow(/option "threshold" must be a number from 0.5 to 1, got 2/);
    expect(() => createSharedMemo({ chars: -1 })).toThrow(/option "chars" must be a positive integer, got -1/);
    expect(() => createSharedMemo({ rows: 1.5 })).toThrow(MatcherError);
    expect(createSharedMemo({ threshold: 0.7, chars: 10, rows: 4 }).threshold).toBe(0.7);
  });

  it('refuses an index other than the one it is shared with', () => {
    const memo = createSharedMemo();
    shareMemo(compile(trackers), memo);
    expect(() => shareMemo(compile([{ name: 'Other', vocabulary: ['cancel my order'] }]), memo)).toThrow(MatcherError);
    expect(() => shareMemo(compile([{ name: 'Other', vocabulary: ['cancel my order'] }]), memo)).toThrow(/in use with another index/);
  });
});
