import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer, tokenIssuer } from '@phrasewatch/cli';
import { openStore, type Store } from '@phrasewatch/core';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { freshStoreLocation } from './backend.js';

const contract = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/symbl-contract.json'), 'utf8'));
const APP = { appId: 'test-app', appSecret: 'test-secret' };

/** The shape of a value: same keys, same types, arrays by their first element. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shapeOf(value[0])] : [];
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort().map(([k, v]) => [k, shapeOf(v)]));
  return typeof value;
}

let app: FastifyInstance | undefined;
let store: Store | undefined;
afterEach(async () => {
  await app?.close();
  await store?.close();
});

async function server(options: { maxJobs?: number; storeOverride?: (s: Store) => Store; now?: () => number } = {}) {
  store = await openStore(freshStoreLocation());
  app = buildServer({ store: options.storeOverride ? options.storeOverride(store) : store, tokens: tokenIssuer({ now: options.now }), ...APP, maxJobs: options.maxJobs ?? 8 });
  const token = (await app.inject({ method: 'POST', url: '/oauth2/token:generate', payload: { type: 'application', ...APP } })).json().accessToken as string;
  const call = async (method: string, url: string, payload?: unknown, headers: Record<string, string> = { 'x-api-key': token }) => {
    const response = await app!.inject({ method: method as 'GET', url, payload: payload as object, headers });
    return { status: response.statusCode, body: response.body ? response.json() : undefined };
  };
  return { token, call };
}

describe('authentication', () => {
  it('issues a JWT with an exp claim for the configured app, and refuses wrong credentials', async () => {
    const { token, call } = await server();
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims.exp - claims.iat).toBe(86400);
    const generated = await call('POST', '/oauth2/token:generate', { type: 'application', ...APP }, {});
    expect(generated).toEqual({ status: 200, body: { accessToken: expect.any(String), expiresIn: 86400 } });
    expect((await call('POST', '/oauth2/token:generate', { type: 'application', appId: 'test-app', appSecret: 'nope' }, {})).status).toBe(401);
    expect((await call('POST', '/oauth2/token:generate', { appId: 'x' }, {})).status).toBe(400);
  });

  it('takes the token as x-api-key or Bearer, and answers 401 without a valid one', async () => {
    const { token, call } = await server();
    expect((await call('GET', '/v1/manage/trackers', undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await call('GET', '/v1/manage/trackers', undefined, { 'x-api-key': token })).status).toBe(200);
    for (const headers of [{}, { 'x-api-key': 'garbage' }, { authorization: `Bearer ${token.slice(0, -2)}xx` }]) {
      expect(await call('GET', '/v1/manage/trackers', undefined, headers)).toEqual({ status: 401, body: { message: 'Token validation failed for provided token.' } });
    }
  });

  it('refuses an expired token', async () => {
    let clock = Date.now();
    const { call } = await server({ now: () => clock });
    clock += 86_401_000;
    expect((await call('GET', '/v1/manage/trackers')).status).toBe(401);
  });
});

describe('trackers routes', () => {
  it('answers the documented examples in the documented shapes, 201 for creates', async () => {
    const { call } = await server();
    const created = await call('POST', '/v1/manage/tracker', contract.createTracker.request);
    expect(created.status).toBe(201);
    expect(shapeOf(created.body)).toMatchObject(shapeOf(contract.createTracker.response) as object);
    const id = created.body.tracker.id;
    const got = await call('GET', `/v1/manage/tracker/${id}`);
    expect(shapeOf(got.body)).toMatchObject(shapeOf(contract.getTracker.response) as object);
    expect(shapeOf((await call('GET', '/v1/manage/trackers')).body)).toMatchObject(shapeOf(contract.listTrackers.response) as object);
    const updated = await call('PUT', `/v1/manage/tracker/${id}`, contract.updateTracker.request);
    expect(updated.status).toBe(200);
    expect(updated.body.tracker.vocabulary).toEqual(contract.updateTracker.request.vocabulary);
    expect(await call('DELETE', `/v1/manage/tracker/${id}`)).toEqual({ status: 200, body: { ...contract.deleteTracker.response, id } });
  });

  it('treats POST /v1/manage/trackers as bulk for an array and as one tracker for an object; /bulk too', async () => {
    const { call } = await server();
    const one = await call('POST', '/v1/manage/trackers', { name: 'One', vocabulary: ['first phrase'] });
    expect(one.status).toBe(201);
    expect(one.body.tracker.name).toBe('One');
    const many = await call('POST', '/v1/manage/trackers', [{ name: 'Two', vocabulary: ['a b'] }, { name: 'Three', vocabulary: ['c d'] }]);
    expect(many.body.trackers.map((t: { name: string }) => t.name)).toEqual(['Two', 'Three']);
    expect((await call('POST', '/v1/manage/trackers/bulk', [{ name: 'Four', vocabulary: ['e f'] }])).status).toBe(201);
    expect((await call('GET', '/v1/manage/trackers?name=Three')).body.trackers.map((t: { name: string }) => t.name)).toEqual(['Three']);
  });

  it('edits with JSON Patch on the newer path', async () => {
    const { call } = await server();
    const id = (await call('POST', '/v1/manage/trackers', { name: 'P', vocabulary: ['price'] })).body.tracker.id;
    const patched = await call('PATCH', `/v1/manage/trackers/${id}`, [{ op: 'add', path: '/vocabulary/-', value: 'cost' }, { op: 'add', path: '/description', value: 'money' }]);
    expect(patched.body.tracker).toMatchObject({ vocabulary: ['price', 'cost'], description: 'money' });
    expect((await call('GET', `/v1/manage/trackers/${id}`)).body.tracker.description).toBe('money');
  });

  it('answers errors as {message} with Symbl\'s status codes', async () => {
    const { call } = await server();
    await call('POST', '/v1/manage/tracker', { name: 'Pricing', vocabulary: ['price'] });
    expect(await call('POST', '/v1/manage/tracker', { name: 'Pricing', vocabulary: ['x'] })).toEqual({ status: 409, body: { message: 'a tracker named "Pricing" exists already' } });
    const invalid = await call('POST', '/v1/manage/tracker', { name: 'Bad', vocabulary: ['why?'] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toMatch(/phrase "why\?" in "vocabulary" has the character "\?"/);
    expect((await call('GET', '/v1/manage/tracker/123')).status).toBe(404);
    expect((await call('GET', '/v1/nothing-here')).status).toBe(404);
    const big = await call('POST', '/v1/manage/trackers/bulk', [{ name: 'Big', vocabulary: Array.from({ length: 40_000 }, (_, i) => `phrase ${i} is rather long`) }]);
    expect(big.status).toBe(413);
    expect(big.body.message).toMatch(/over the limit/);
  });

  it('accepts a DELETE that says Content-Type: application/json with no body, as Symbl\'s docs tell clients to', async () => {
    const { token, call } = await server();
    const id = (await call('POST', '/v1/manage/tracker', { name: 'P', vocabulary: ['price'] })).body.tracker.id;
    const response = await app!.inject({ method: 'DELETE', url: `/v1/manage/tracker/${id}`, headers: { 'x-api-key': token, 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(200);
  });

  it('refuses malformed JSON with 400', async () => {
    const { token } = await server();
    const response = await app!.inject({ method: 'POST', url: '/v1/manage/tracker', payload: '{"name": ', headers: { 'x-api-key': token, 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/JSON/);
  });
});

describe('async text and conversation routes', () => {
  it('processes the documented request and serves the documented results', async () => {
    const { call } = await server();
    const submitted = await call('POST', '/v1/process/text', contract.processText.request);
    expect(submitted.status).toBe(201);
    expect(shapeOf(submitted.body)).toEqual(shapeOf(contract.processText.response));
    await store!.idle();
    const job = await call('GET', `/v1/job/${submitted.body.jobId}`);
    expect(job.body).toEqual({ id: submitted.body.jobId, status: 'completed' });
    const { conversationId } = submitted.body;
    const messages = await call('GET', `/v1/conversations/${conversationId}/messages`);
    expect(shapeOf(messages.body)).toEqual(shapeOf(contract.messages.response));
    const detected = await call('GET', `/v1/conversations/${conversationId}/trackers-detected`);
    expect(shapeOf(detected.body)).toEqual(shapeOf(contract.trackersDetected.response));
    expect(detected.body[0].matches[0].messageRefs[0]).toMatchObject({ text: 'We have a sale right now on the annual plan.', offset: 0 });
    expect((await call('GET', `/v1/conversations/${conversationId}/trackers`)).body).toEqual(detected.body);
    expect((await call('GET', `/v1/conversations/${conversationId}/questions`)).body).toEqual({ questions: [] });
    expect((await call('GET', `/v1/conversations/${conversationId}/action-items`)).body.actionItems[0].text).toBe("Let's discuss the budget for next quarter.");
  });

  it('appends with PUT (201) and answers 404 for unknown conversations and jobs', async () => {
    const { call } = await server();
    const { conversationId } = (await call('POST', '/v1/process/text', { messages: [{ payload: { content: 'one' } }] })).body;
    const appended = await call('PUT', `/v1/process/text/${conversationId}`, { messages: [{ payload: { content: 'two' } }] });
    expect(appended.status).toBe(201);
    expect(appended.body.conversationId).toBe(conversationId);
    await store!.idle();
    expect((await call('GET', `/v1/conversations/${conversationId}/messages`)).body.messages.map((m: { text: string }) => m.text)).toEqual(['one', 'two']);
    expect((await call('PUT', '/v1/process/text/42', { messages: [{ payload: { content: 'x' } }] })).status).toBe(404);
    expect((await call('GET', '/v1/job/nope')).status).toBe(404);
    expect((await call('GET', '/v1/conversations/42/messages')).status).toBe(404);
    expect((await call('POST', '/v1/process/text', { messages: 'x' })).status).toBe(400);
  });

  it('answers 429 when more jobs are running than --max-jobs', async () => {
    const { call } = await server({ maxJobs: 2, storeOverride: (s) => ({ ...s, activeJobCount: async () => 2 }) });
    const busy = await call('POST', '/v1/process/text', { messages: [{ payload: { content: 'x' } }] });
    expect(busy).toEqual({ status: 429, body: { statusCode: 429, message: expect.stringMatching(/limit is 2/) } });
  });
});
