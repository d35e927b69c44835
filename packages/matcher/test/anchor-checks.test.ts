import { describe, expect, it } from 'vitest';
import { ANCHOR_CHECKS, anchorChecksOf } from '../src/anchor-checks.js';
import { compile } from '../src/compile.js';
import { match } from '../src/match.js';

const trackers = [
  { name: 'Budget', vocabulary: ['is the budget tight this quarter', 'budget budget approval'] },
  { name: 'Renewal', vocabulary: ['when does the contract renew', 'send me the renewal contract'] },
];
const index = compile(trackers);
const checks = anchorChecksOf(index);
const stemOf = (word: string): number => index.stems.indexOf(word);

/** The anchor entries as [anchor stem, pattern, its checks]. */
function entries(): Array<[number, number, number[]]> {
  const out: Array<[number, number, number[]]> = [];
  for (let stem = 0; stem + 1 < index.anchorStart.length; stem++) {
    for (let k = index.anchorStart[stem]; k < index.anchorStart[stem + 1]; k++) {
      out.push([stem, index.anchorPattern[k], [...checks.subarray(k * ANCHOR_CHECKS, (k + 1) * ANCHOR_CHECKS)]]);
    }
  }
  return out;
}

describe('anchor checks', () => {
  it("lists beside each anchor entry other content stems of its pattern, each once, never the anchor's", () => {
    expect(entries().length).toBeGreaterThan(0);
    for (const [anchor, pattern, found] of entries()) {
      const content = [...index.checkStem.subarray(index.checkStart[pattern], index.checkContentEnd[pattern])];
      const listed = found.filter((stem) => stem >= 0);
      expect(listed).not.toContain(anchor);
      expect(new Set(listed).size).toBe(listed.length);
      for (const stem of listed) expect(content).toContain(stem);
      // As many as the pattern has, up to ANCHOR_CHECKS.
      expect(listed.length).toBe(Math.min(ANCHOR_CHECKS, new Set(content.filter((stem) => stem !== anchor)).size));
    }
  });

  it('lists a repeated stem once ("budget budget approval")', () => {
    const budget = stemOf('budget');
    const repeated = entries().filter(([, pattern]) => index.lemmas[index.tokenLemma[index.patternStart[pattern] + 1]] === 'budget');
    expect(repeated.length).toBeGreaterThan(0);
    for (const [, , found] of repeated) expect(found.filter((stem) => stem === budget).length).toBeLessThanOrEqual(1);
  });

  it('still lets a similar match through when the checked words are all there ("is the budget tight" in a longer message)', () => {
    const found = match(index, [{ id: 'm1', text: 'Honestly, is the budget really tight for this quarter?' }], { details: true });
    expect(found.map((t) => t.name)).toEqual(['Budget']);
  });
});
