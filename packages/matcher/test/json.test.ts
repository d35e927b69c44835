import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile.js';
import { match, matchJson } from '../src/match.js';

const TRACKERS = [
  { name: 'Promotion "Mention"', vocabulary: ['We have a sale right now on', 'a special promotion'] },
  { name: 'Price \\ Objection \u2028', vocabulary: ['too expensive', "I can't afford this"] },
  { name: 'Quiet', vocabulary: ['terminate the contract'] },
];
const MESSAGES = [
  { id: 'm"1', text: "We're running a sale right now, \"really\"" },
  { id: 'm\\2', text: "Honestly it's too expensive \u{1F4B8} and I can't afford this\n\ttoday" },
  { id: 'm3', text: 'nothing here' },
  { id: 'm\u00004', text: 'A special promotion: too expensive? \ud800 not for us' },
];

describe('matchJson', () => {
  it('writes JSON.stringify(match(...)) to the byte, with quotes, backslashes, control characters, emoji and lone surrogates', () => {
    const index = compile(TRACKERS);
    for (const details of [false, true]) {
      for (const threshold of [0.5, 0.8, 1]) {
        const expected = match(index, MESSAGES, { details, threshold });
        const { json, messageRefs } = matchJson(index, MESSAGES, { details, threshold });
        expect(json).toBe(JSON.stringify(expected));
        expect(messageRefs).toBe(expected.reduce((n, t) => n + t.matches.reduce((k, m) => k + m.messageRefs.length, 0), 0));
      }
    }
  });

  it('counts the message refs it wrote, several phrases of one tracker in one message included', () => {
    const { json, messageRefs } = matchJson(compile(TRACKERS), MESSAGES);
    expect(messageRefs).toBeGreaterThanOrEqual(4);
    expect(JSON.parse(json).flatMap((t: { matches: Array<{ messageRefs: unknown[] }> }) => t.matches.flatMap((m) => m.messageRefs))).toHaveLength(messageRefs);
  });

  it('writes an empty array when nothing matches', () => {
    expect(matchJson(compile(TRACKERS), [{ id: 'x', text: 'hello there' }])).toEqual({ json: '[]', messageRefs: 0 });
  });

  it('checks its input as match does', () => {
    expect(() => matchJson(compile(TRACKERS), [{ id: '', text: 'x' }])).toThrow(/messages\[0\]\.id/);
    expect(() => matchJson({} as never, [])).toThrow(/index/);
  });
});
