// Symbl's own JavaScript client (@symblai/api-client 1.0.17) against `phrasewatch serve`: every
// ConversationsApi method, its status and the shape of its answer, after one async text job.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDir } from './helpers.js';
import { APP, client, serve, until, type Running } from './processes.js';

const require = createRequire(import.meta.url);
const { ApiClient, AuthenticationApi, ConversationsApi } = require('@symblai/api-client');

interface Answer {
  status: number;
  body: any;
}

let server: Running & { base: string };
let api: any;
let conversationId: string;

/** One ConversationsApi call: its raw status and body, error answers included. */
function ask(method: string, id = conversationId): Promise<Answer> {
  return new Promise((resolve) => {
    api[method](id, (error: { status?: number; response?: { body: unknown } } | null, _data: unknown, response: { status: number; body: unknown }) => {
      if (error) resolve({ status: error.status ?? 0, body: error.response?.body });
      else resolve({ status: response.status, body: response.body });
    });
  });
}

beforeAll(async () => {
  server = await serve(['--db', join(fixtureDir({}), 'store.db'), '--threads', '1']);
  const call = await client(server.base);
  const submitted = await call('POST', '/v1/process/text', {
    name: 'Renewal call',
    messages: [
      { payload: { content: 'Hi Sam, thanks for joining. How is the analytics dashboard working for your data team?' }, from: { name: 'Dana', userId: 'dana@example.com' }, duration: { startTime: '2024-05-02T15:00:00.000Z', endTime: '2024-05-02T15:00:06.000Z' } },
      { payload: { content: 'The analytics dashboard is great, but the data team wants custom charts.' }, from: { name: 'Sam', userId: 'sam@example.com' }, duration: { startTime: '2024-05-02T15:00:07.000Z', endTime: '2024-05-02T15:00:12.000Z' } },
      { payload: { content: "Custom charts ship next month. I'll call you next week to set up a demo." }, from: { name: 'Dana', userId: 'dana@example.com' }, duration: { startTime: '2024-05-02T15:00:13.000Z', endTime: '2024-05-02T15:00:20.000Z' } },
      { payload: { content: 'Can you send me the pricing for the data team?' }, from: { name: 'Sam', userId: 'sam@example.com' }, duration: { startTime: '2024-05-02T15:00:21.000Z', endTime: '2024-05-02T15:00:25.000Z' } },
    ],
  });
  conversationId = submitted.body.conversationId;
  await until(async () => (await call('GET', `/v1/job/${submitted.body.jobId}`)).body.status === 'completed', 20_000, 'the job');
  const apiClient = new ApiClient();
  apiClient.basePath = server.base;
  const { accessToken } = await new Promise<{ accessToken: string }>((resolve, reject) =>
    new AuthenticationApi(apiClient).generateToken({ type: 'application', ...APP }, (error: unknown, data: { accessToken: string }) => (error ? reject(error) : resolve(data))),
  );
  apiClient.authentications.jwt.apiKey = accessToken;
  api = new ConversationsApi(apiClient);
});

afterAll(async () => {
  await server?.stop();
});

describe("Symbl's ConversationsApi against phrasewatch serve", () => {
  it('calls every method the client has', () => {
    const methods = Object.keys(api).filter((k) => typeof api[k] === 'function' && k.startsWith('get')).sort();
    expect(methods).toEqual([
      'getActionItemsByConversationId', 'getConversationById', 'getFollowUpsByConversationId', 'getInsightsByConversationId', 'getIntentsByConversationId',
      'getMembersByConversationId', 'getMessagesByConversationId', 'getQuestionsByConversationId', 'getTopicsByConversationId',
    ]);
  });

  it('getConversationById: the conversation object', async () => {
    expect(await ask('getConversationById')).toEqual({
      status: 200,
      body: {
        id: conversationId, type: 'meeting', name: 'Renewal call', startTime: '2024-05-02T15:00:00.000Z', endTime: '2024-05-02T15:00:25.000Z',
        members: [{ id: expect.any(String), name: 'Dana', email: 'dana@example.com' }, { id: expect.any(String), name: 'Sam', email: 'sam@example.com' }],
        metadata: {},
      },
    });
  });

  it('getMembersByConversationId: the speakers', async () => {
    const { status, body } = await ask('getMembersByConversationId');
    expect(status).toBe(200);
    expect(body.members.map((m: { name: string; email: string }) => [m.name, m.email])).toEqual([['Dana', 'dana@example.com'], ['Sam', 'sam@example.com']]);
  });

  it('getMessagesByConversationId, getQuestionsByConversationId, getActionItemsByConversationId', async () => {
    const messages = await ask('getMessagesByConversationId');
    expect(messages.status).toBe(200);
    expect(messages.body.messages).toHaveLength(4);
    const questions = await ask('getQuestionsByConversationId');
    expect(questions.body.questions.map((q: { type: string }) => q.type)).toEqual(['question', 'question']);
    const actionItems = await ask('getActionItemsByConversationId');
    expect(actionItems.body.actionItems.map((a: { text: string }) => a.text)).toEqual(["I'll call you next week to set up a demo.", 'Can you send me the pricing for the data team?']);
  });

  it('getFollowUpsByConversationId: the action item that sets up a later contact', async () => {
    const { status, body } = await ask('getFollowUpsByConversationId');
    expect(status).toBe(200);
    expect(body.followUps).toEqual([expect.objectContaining({ text: "I'll call you next week to set up a demo.", type: 'follow_up', messageIds: [expect.any(String)], entities: [], phrases: [] })]);
  });

  it('getTopicsByConversationId: the key noun phrases, best first', async () => {
    const { status, body } = await ask('getTopicsByConversationId');
    expect(status).toBe(200);
    expect(body.topics.slice(0, 3).map((t: { text: string }) => t.text).sort()).toEqual(['analytics dashboard', 'custom charts', 'data team']);
    for (const topic of body.topics) expect(Object.keys(topic).sort()).toEqual(['id', 'messageIds', 'parentRefs', 'score', 'text', 'type']);
  });

  it('getIntentsByConversationId and getInsightsByConversationId: 501 with {message}, saying so', async () => {
    for (const method of ['getIntentsByConversationId', 'getInsightsByConversationId']) {
      const { status, body } = await ask(method);
      expect(status).toBe(501);
      expect(Object.keys(body)).toEqual(['message']);
      expect(body.message).toMatch(/not offered by phrasewatch/);
    }
  });

  it('answers 404 for an unknown conversation on every method', async () => {
    for (const method of ['getConversationById', 'getMembersByConversationId', 'getFollowUpsByConversationId', 'getTopicsByConversationId', 'getIntentsByConversationId', 'getInsightsByConversationId']) {
      expect((await ask(method, '1234')).status).toBe(404);
    }
  });
});
