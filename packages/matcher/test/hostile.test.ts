// Text built to cost: matching time must stay linear in the text's length, whatever the text. Each case
// runs under a bound about 100× its expected time, so only a quadratic blow-up (minutes) trips it.
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile.js';
import { MatcherError } from '../src/errors.js';
import { match } from '../src/match.js';
import { find } from './helpers.js';

const index = compile([{ name: 'Promotion', vocabulary: ['we have a sale right now', 'sale', 'subscription fees'] }]);

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

describe('hostile text costs linear time', () => {
  it.each([
    ['200,000 characters without a space', 'a'.repeat(200_000), 2_000],
    ['1 MB without a space', 'ab'.repeat(500_000), 10_000],
    ['"sale" followed by 50,000 combining marks', `sale${'\u0301'.repeat(50_000)} now`, 2_000],
    ['1 MB of alternating letters and punctuation', 'a,b;c:d!e?'.repeat(100_000), 20_000],
  ])('matches %s in time', (_name, text, boundMs) => {
    expect(timed(() => match(index, [{ id: 'm', text }]))).toBeLessThan(boundMs);
  });

  it('compiles a 100 KB phrase without a space in time', () => {
    expect(timed(() => compile([{ name: 'Long', vocabulary: ['x'.repeat(100_000), 'sale'] }]))).toBeLessThan(2_000);
  });

  it('still finds a phrase after a 1 MB run, at its offset in the original text', () => {
    const run = 'z'.repeat(1_000_000);
    const [detected] = match(index, [{ id: 'm', text: `${run} we have a sale right now` }]);
    expect(detected.matches[0].messageRefs[0].offset).toBe(run.length + 1);
  });
});

describe('invisible characters', () => {
  it('matches "sale" written with a zero-width joiner inside, at the word\'s offset in the original text', () => {
    expect(find('sale', 'big sa\u200dle today')).toMatchObject({ offset: 4, score: 1 });
  });

  it('matches a phrase after a right-to-left override, offset counting the control', () => {
    expect(find('we have a sale right now', 'hey \u202ewe have a sale right now')).toMatchObject({ offset: 5 });
  });

  it('ignores soft hyphens and byte-order marks inside and before words', () => {
    expect(find('subscription fees', '\ufeffthe sub\u00adscription fees')).toMatchObject({ offset: 5 });
  });

  it('keeps offsets right after a long run of combining marks', () => {
    const text = `e${'\u0301'.repeat(30)} then we have a sale right now`;
    expect(find('we have a sale right now', text)?.offset).toBe(text.indexOf('we'));
  });
});

describe('bad arguments', () => {
  const codeOf = (work: () => unknown): string | undefined => {
    try {
      work();
    } catch (error) {
      expect(error).toBeInstanceOf(MatcherError);
      return (error as MatcherError).code;
    }
    return undefined;
  };

  it('answers every bad argument with a MatcherError and its code, never a TypeError', () => {
    expect(codeOf(() => match(index, [], null as never))).toBe('option.invalid');
    expect(codeOf(() => match(index, [], 'fast' as never))).toBe('option.invalid');
    expect(codeOf(() => match(null as never, []))).toBe('index.invalid');
    expect(codeOf(() => match(index, null as never))).toBe('message.invalid');
    expect(codeOf(() => match(index, [null] as never))).toBe('message.invalid');
    expect(codeOf(() => compile(null as never))).toBe('tracker.invalid');
    expect(codeOf(() => compile([{ name: 'T', vocabulary: ['x'] }], null as never))).toBe('option.invalid');
  });
});
