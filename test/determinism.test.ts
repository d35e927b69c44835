import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, match, tagWords } from '@phrasewatch/matcher';
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

  // wink-nlp keeps a word with a clitic whole once it has read it before a full stop ("Latte's."), where it
  // split it until then; the matcher reads such a clitic apart always, so a message matches the same
  // whatever was read before it, in any thread.
  it('reads "two Frappuccino\'s please" the same before and after reading "Two Frappuccino\'s."', () => {
    const text = "Hi, can I get two Frappuccino's please?";
    const first = tagWords(text);
    tagWords("Two Frappuccino's.");
    expect(tagWords(text)).toEqual(first);
  });

  it('matches "Can I get two Affogato\'s?" to "Could I get two drinks please" the same before and after reading "Two Affogato\'s."', () => {
    const trackers = [{ name: 'Order', vocabulary: ['Could I get two drinks please'] }];
    const messages = [{ id: 'm', text: "Can I get two Affogato's?" }];
    const before = JSON.stringify(match(compile(trackers), messages, { details: true }));
    tagWords("Two Affogato's.");
    expect(JSON.stringify(match(compile(trackers), messages, { details: true }))).toEqual(before);
    expect(JSON.parse(before)).toHaveLength(1);
  });
});
