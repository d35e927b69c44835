// Hostile requests and hostile networks against `phrasewatch serve`: every error in Symbl's {message}
// shape, sign-in guessing limited, tokens that survive a restart, webhooks that cannot be aimed inward,
// and a shutdown that no webhook receiver can hold open.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { join } from 'node:path';
import { buildServer, tokenIssuer } from '@phrasewatch/cli';
import { openStore } from '@phrasewatch/core';
import { describe, expect, it } from 'vitest';
import { fixtureDir } from './helpers.js';
import { APP, client, serve, until } from './processes.js';

/** One raw HTTP exchange, for requests fetch refuses to send. */
function raw(base: string, head: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(head));
    let data = '';
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1]), body: data.slice(data.indexOf('\r\n\r\n') + 4) }));
    socket.on('error', reject);
  });
}

async function inProcess(options: { authFailures?: { max: number; windowMs: number } } = {}) {
  const store = await openStore({ memory: true });
  const app = buildServer({ store, tokens: tokenIssuer(), ...APP, maxJobs: 8, ...options });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { base, close: async () => (await app.close(), await store.close()) };
}

describe('errors are Symbl\'s {message}, whatever breaks', () => {
  it('answers a malformed percent-encoding, an over-long id and oversized headers with {message}', async () => {
    const server = await inProcess();
    try {
      const key = (await (await fetch(`${server.base}/oauth2/token:generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'application', ...APP }) })).json()).accessToken;
      const badPath = await raw(server.base, `GET /v1/manage/tracker/%E0%A4%A HTTP/1.1\r\nHost: x\r\nx-api-key: ${key}\r\nConnection: close\r\n\r\n`);
      expect(badPath.status).toBe(400);
      expect(Object.keys(JSON.parse(badPath.body))).toEqual(['message']);
      const longId = await raw(server.base, `GET /v1/manage/tracker/${'9'.repeat(5000)} HTTP/1.1\r\nHost: x\r\nx-api-key: ${key}\r\nConnection: close\r\n\r\n`);
      expect(longId).toEqual({ status: 414, body: JSON.stringify({ message: 'a path parameter of the URL is longer than 100 characters' }) });
      const bigHeaders = await raw(server.base, `GET /v1/manage/trackers HTTP/1.1\r\nHost: x\r\nx-big: ${'a'.repeat(40_000)}\r\nConnection: close\r\n\r\n`);
      expect(bigHeaders.status).toBe(431);
      expect(JSON.parse(bigHeaders.body)).toEqual({ message: 'the request line and headers are too large' });
    } finally {
      await server.close();
    }
  });

  it('answers a body nested 10,000 levels deep with 400, and a NUL in a tracker name with 400', async () => {
    const server = await inProcess();
    try {
      const call = await client(server.base);
      const key = (await (await fetch(`${server.base}/oauth2/token:generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'application', ...APP }) })).json()).accessToken;
      const deep = `{"name": "Deep", "vocabulary": ${'['.repeat(10_000)}"x"${']'.repeat(10_000)}}`;
      const nested = await fetch(`${server.base}/v1/manage/tracker`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: deep });
      expect(nested.status).toBe(400);
      expect(((await nested.json()) as { message: string }).message).toMatch(/deeper than 64 levels/);
      const nul = await call('POST', '/v1/manage/tracker', { name: 'nul\u0000byte', vocabulary: ['a phrase'] });
      expect(nul).toEqual({ status: 400, body: { message: expect.stringContaining('U+0000') } });
      expect((await call('GET', '/v1/manage/trackers')).body.trackers).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('sign-in', () => {
  it('answers 429 with Retry-After after too many failed attempts from one client, the right secret included', async () => {
    const server = await inProcess({ authFailures: { max: 5, windowMs: 60_000 } });
    try {
      const attempt = (appSecret: string) => fetch(`${server.base}/oauth2/token:generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'application', appId: APP.appId, appSecret }) });
      for (let i = 0; i < 5; i++) expect((await attempt(`guess-${i}`)).status).toBe(401);
      const limited = await attempt(APP.appSecret);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Object.keys((await limited.json()) as object)).toEqual(['message']);
    } finally {
      await server.close();
    }
  });

  it('keeps tokens valid across a restart: the signing key lives in the store', async () => {
    const db = join(fixtureDir({}), 'store.db');
    const first = await serve(['--db', db]);
    const { accessToken } = (await (await fetch(`${first.base}/oauth2/token:generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'application', ...APP }) })).json()) as { accessToken: string };
    expect(await first.stop()).toBe(0);
    const second = await serve(['--db', db]);
    try {
      expect((await fetch(`${second.base}/v1/manage/trackers`, { headers: { 'x-api-key': accessToken } })).status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('refuses a token whose lifetime is longer than the server issues, even when signed with its key', () => {
    const secret = Buffer.alloc(32, 7);
    const longLived = tokenIssuer({ secret, lifetimeSeconds: 10 * 365 * 86_400 }).issue('app').accessToken;
    expect(tokenIssuer({ secret }).verify(longLived)).toBe(false);
    expect(tokenIssuer({ secret }).verify(tokenIssuer({ secret }).issue('app').accessToken)).toBe(true);
  });
});

describe('webhooks', () => {
  it('never follows a redirect: a 307 to an admin path is not requested', async () => {
    const seen: string[] = [];
    const receiver: Server = createServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      if (request.url === '/hook') {
        response.writeHead(307, { location: '/admin/delete-everything' });
        return response.end();
      }
      response.end('deleted');
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const server = await serve(['--db', join(fixtureDir({}), 'store.db'), '--threads', '1']);
    try {
      const call = await client(server.base);
      const { body } = await call('POST', '/v1/process/text', { messages: [{ payload: { content: 'hello' } }], webhookUrl: url });
      await until(async () => (await call('GET', `/v1/job/${body.jobId}`)).body.status === 'completed', 20_000, 'the job');
      await until(() => seen.length >= 3, 20_000, 'three notification attempts');
      expect(seen.every((s) => s === 'POST /hook')).toBe(true);
    } finally {
      await server.stop();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it('takes the webhook rules from serve\'s --webhook-refuse-private and --webhook-allow', async () => {
    const strict = await serve(['--db', join(fixtureDir({}), 'store.db'), '--threads', '1', '--webhook-refuse-private']);
    try {
      const refused = await (await client(strict.base))('POST', '/v1/process/text', { messages: [{ payload: { content: 'hello' } }], webhookUrl: 'http://127.0.0.1:9/hook' });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toMatch(/loopback or private address/);
    } finally {
      await strict.stop();
    }
    const listed = await serve(['--db', join(fixtureDir({}), 'store.db'), '--threads', '1', '--webhook-allow', 'hooks.example, 127.0.0.0/8']);
    try {
      const call = await client(listed.base);
      expect((await call('POST', '/v1/process/text', { messages: [{ payload: { content: 'hello' } }], webhookUrl: 'http://127.0.0.1:9/hook' })).status).toBe(201);
      expect((await call('POST', '/v1/process/text', { messages: [{ payload: { content: 'hello' } }], webhookUrl: 'http://192.168.1.9/hook' })).body.message).toMatch(/not among the hosts and networks/);
    } finally {
      await listed.stop();
    }
  });

  it('refuses a metadata address when the job is submitted, naming the rule', async () => {
    const server = await inProcess();
    try {
      const call = await client(server.base);
      const refused = await call('POST', '/v1/process/text', { messages: [{ payload: { content: 'hello' } }], webhookUrl: 'http://169.254.169.254/latest/meta-data' });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toMatch(/link-local or cloud-metadata/);
    } finally {
      await server.close();
    }
  });

  it('exits within 10 s of SIGTERM though a receiver never answers, and the next start delivers what was left', async () => {
    const received: Array<{ jobId: string; status: string }> = [];
    let answering = false;
    const receiver: Server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        if (!answering) return;
        received.push(JSON.parse(body));
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const db = join(fixtureDir({}), 'store.db');
    const first = await serve(['--db', db, '--threads', '1']);
    const call = await client(first.base);
    const { body } = await call('POST', '/v1/process/text', { messages: [{ payload: { content: 'hello' } }], webhookUrl: url });
    await until(async () => (await call('GET', `/v1/job/${body.jobId}`)).body.status === 'completed', 20_000, 'the job');
    const started = Date.now();
    expect(await first.stop()).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);

    answering = true;
    const second = await serve(['--db', db, '--threads', '1']);
    try {
      await until(() => received.length >= 3, 20_000, 'the notifications left undelivered');
      expect(received).toEqual(['scheduled', 'in_progress', 'completed'].map((status) => ({ jobId: body.jobId, status })));
    } finally {
      await second.stop();
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
