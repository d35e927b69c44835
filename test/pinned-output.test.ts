// Speed work must not change a result: the matcher's full output on a generated slice of the realistic
// tracker set over Taskmaster-4 dialogs is checked in (scripts/pin-output.mjs writes it).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pinnedLines } from '../scripts/pinned-lines.mjs';

const dir = resolve(import.meta.dirname, 'fixtures/pinned');
const read = (name: string): string => readFileSync(resolve(dir, name), 'utf8');

describe('pinned output', () => {
  it('finds exactly the pinned message refs, with their offsets, confidences and tiers', () => {
    const expected = read('expected.tsv').trimEnd().split('\n');
    const actual = pinnedLines(JSON.parse(read('trackers.json')), JSON.parse(read('conversations.json')));
    expect(expected.length).toBeGreaterThan(1000);
    // Compared line by line first, so a failure names the first ref that differs.
    for (let k = 0; k < Math.min(actual.length, expected.length); k++) expect(actual[k], `ref ${k}`).toBe(expected[k]);
    expect(actual.length).toBe(expected.length);
  });
});
