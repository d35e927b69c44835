import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, match } from '@phrasewatch/matcher';
import { describe, expect, it } from 'vitest';
import { SHARED } from './helpers.js';

describe('determinism', () => {
  // Regression: wink-nlp tokenized "Cortado's" differently once it had read "Cortado's." elsewhere.
  it('matches every conversation the same whatever was matched before it', () => {
    const trackers = JSON.parse(readFileSync(join(SHARED, 'corpus/trackers-500x50.json'), 'utf8'));
    const conversations = readFileSync(join(SHARED, 'corpus/taskmaster4.jsonl'), 'utf8')
      .split('\n')
      .slice(0, 400)
      .filter(Boolean)
      .map((line) => JSON.parse(line).messages);
    const forward = compile(trackers);
    const backward = compile(trackers);
    const first = conversations.map((messages) => JSON.stringify(match(forward, messages, { details: true })));
    const second = [...conversations].reverse().map((messages) => JSON.stringify(match(backward, messages, { details: true }))).reverse();
    const differing = first.flatMap((result, k) => (result === second[k] ? [] : [conversations[k][0].conversationId]));
    expect(differing).toEqual([]);
  });
});
