// Symbl's Conversation API beyond messages and insights: the conversation object, members, follow-ups
// and topics. Runs on SQLite and on PostgreSQL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backend } from '../../../test/backend.js';
import { memoryStore, rejection, say } from './helpers.js';

async function conversationOf(texts: Array<[string, string]>, times = false) {
  const store = await memoryStore();
  const { conversationId } = await store.processText({
    name: 'Renewal call',
    messages: texts.map(([name, text], i) => ({
      payload: { content: text },
      from: { name, userId: `${name.toLowerCase()}@example.com` },
      ...(times ? { duration: { startTime: new Date(Date.UTC(2024, 4, 2, 15, 0, i * 10)).toISOString(), endTime: new Date(Date.UTC(2024, 4, 2, 15, 0, i * 10 + 8)).toISOString() } } : {}),
    })),
  });
  await store.idle();
  return { store, conversationId };
}

describe(`the conversation and its members (${backend})`, () => {
  it('answers Symbl\'s conversation object: id, type, name, start and end, members', async () => {
    const { store, conversationId } = await conversationOf([['Dana', 'Hello Sam.'], ['Sam', 'Hi Dana.'], ['Dana', 'Shall we start?']], true);
    expect(await store.getConversation(conversationId)).toEqual({
      id: conversationId, type: 'meeting', name: 'Renewal call',
      startTime: '2024-05-02T15:00:00.000Z', endTime: '2024-05-02T15:00:28.000Z',
      members: [
        { id: expect.stringMatching(/^\d{16}$/), name: 'Dana', email: 'dana@example.com' },
        { id: expect.stringMatching(/^\d{16}$/), name: 'Sam', email: 'sam@example.com' },
      ],
      metadata: {},
    });
    expect((await store.getMembers(conversationId)).members.map((m) => m.name)).toEqual(['Dana', 'Sam']);
    expect(await rejection(store.getConversation('404'))).toMatchObject({ status: 404 });
    expect(await rejection(store.getMembers('404'))).toMatchObject({ status: 404 });
  });

  it('keeps one member per speaker, by userId, else by name; a message without a speaker adds none', async () => {
    const store = await memoryStore();
    const { conversationId } = await store.processText({ messages: [say('one', 'Ana'), say('two', 'Ana'), { payload: { content: 'three' } }, { payload: { content: 'four' }, from: { name: 'Bo' } }] });
    await store.idle();
    expect((await store.getMembers(conversationId)).members).toEqual([
      { id: expect.any(String), name: 'Ana', email: 'ana@example.com' },
      { id: expect.any(String), name: 'Bo' },
    ]);
  });
});

describe(`follow-ups (${backend})`, () => {
  it.each([
    ["I'll call you next week to go over the numbers.", 'a commitment to call, with a time'],
    ["Let's meet on Tuesday to review the contract.", 'a proposal to meet'],
    ['Can you email me the proposal tomorrow?', 'a request to email'],
    ["We'll set up a demo with your team.", 'setting up a demo'],
    ["I will get back to you by the end of the week.", 'coming back to someone'],
    ['Please send me a calendar invite for Friday.', 'sending an invite'],
  ])('finds %j (%s)', async (text) => {
    const { store, conversationId } = await conversationOf([['Rep', text]]);
    const { followUps } = await store.getFollowUps(conversationId);
    expect(followUps).toEqual([{ id: expect.any(String), text, type: 'follow_up', score: expect.any(Number), messageIds: [expect.any(String)], from: { name: 'Rep', userId: 'rep@example.com' }, definitive: expect.any(Boolean), entities: [], phrases: [], assignee: expect.any(Object) }]);
  });

  it.each([
    ["I'll review the contract tonight.", 'an action item that sets up no contact'],
    ['We called the vendor yesterday.', 'a past call, no action item'],
    ["I won't call you again.", 'a refusal'],
    ['Did you meet the new manager?', 'a question'],
    ['The meeting room is on the third floor.', 'a statement that names a meeting'],
  ])('does not find %j (%s)', async (text) => {
    const { store, conversationId } = await conversationOf([['Rep', text]]);
    expect((await store.getFollowUps(conversationId)).followUps).toEqual([]);
  });

  it('assigns a request to the one asked and a commitment to its speaker', async () => {
    const { store, conversationId } = await conversationOf([['Lead', 'Can you send me the contract by Friday?'], ['Rep', "Sure, I'll send it tomorrow."], ['Lead', 'Thanks.']]);
    const items = (await store.getActionItems(conversationId)).actionItems.map((a) => [a.text, a.from.name, a.assignee.name]);
    expect(items).toEqual([['Can you send me the contract by Friday?', 'Lead', 'Rep'], ["Sure, I'll send it tomorrow.", 'Rep', 'Rep']]);
  });

  it('scores a follow-up with a time above the same one without', async () => {
    const { store, conversationId } = await conversationOf([['Rep', "I'll call you tomorrow."], ['Rep', "I'll call you."]]);
    const [timed, untimed] = (await store.getFollowUps(conversationId)).followUps;
    expect(timed.score).toBeGreaterThan(untimed.score);
  });
});

describe(`topics (${backend})`, () => {
  const labelled = JSON.parse(readFileSync(join(import.meta.dirname, '../../../test/fixtures/topics-labelled.json'), 'utf8')) as {
    conversations: Array<{ name: string; messages: Array<[string, string]>; topics: string[] }>;
  };
  const same = (found: string, label: string): boolean => found.includes(label) || label.includes(found);

  it('finds the hand-labelled topics of four conversations (recall ≥ 0.7, precision ≥ 0.6)', async () => {
    let labels = 0, recalled = 0, found = 0, right = 0;
    for (const c of labelled.conversations) {
      const { store, conversationId } = await conversationOf(c.messages);
      const topics = (await store.getTopics(conversationId)).topics.map((t) => t.text);
      labels += c.topics.length;
      recalled += c.topics.filter((label) => topics.some((t) => same(t, label))).length;
      found += topics.length;
      right += topics.filter((t) => c.topics.some((label) => same(t, label))).length;
    }
    process.stdout.write(`topics: recall ${recalled}/${labels}, precision ${right}/${found}\n`);
    expect(recalled / labels).toBeGreaterThanOrEqual(0.7);
    expect(right / found).toBeGreaterThanOrEqual(0.6);
  });

  it('answers Symbl\'s topic shape, message ids in order, best first, and no stop words or speaker names', async () => {
    const { store, conversationId } = await conversationOf(labelled.conversations[0].messages);
    const { topics } = await store.getTopics(conversationId);
    const { messages } = await store.getMessages(conversationId);
    for (const topic of topics) {
      expect(topic).toEqual({ id: expect.stringMatching(/^\d{16}$/), text: expect.any(String), type: 'topic', score: expect.any(Number), messageIds: expect.any(Array), parentRefs: [] });
      expect(topic.score).toBeGreaterThan(0);
      expect(topic.score).toBeLessThanOrEqual(1);
      expect(topic.messageIds).toEqual(messages.filter((m) => topic.messageIds.includes(m.id)).map((m) => m.id));
      expect(topic.text).not.toMatch(/\b(the|a|an|agent|customer)\b/);
    }
    expect(topics.map((t) => t.score)).toEqual([...topics.map((t) => t.score)].sort((a, b) => b - a));
    expect(topics[0].text).toMatch(/credit card|annual subscription/);
  });
});
