// `phrasewatch serve` as a real process on loopback: a real Symbl client, clean shutdown on SIGTERM with no
// accepted job lost.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, fixtureDir } from './helpers.js';

const require = createRequire(import.meta.url);
const APP = { appId: 'local-app', appSecret: 'local-secret' };

interface Running {
  child: ChildProcess;
  base: string;
  log: () => string;
  exited: Promise<number | null>;
}

async function serve(db: string): Promise<Running> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--db', db, '--app-id', APP.appId, '--app-secret', APP.appSecret], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const base = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(log);
      if (m) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(`serve exited: ${log}`)));
  });
  return { child, base, log: () => log, exited };
}

async function token(base: string): Promise<string> {
  const response = await fetch(`${base}/oauth2/token:generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'application', ...APP }) });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

describe('phrasewatch serve', () => {
  it('serves a real Symbl client: token, then a processed conversation\'s messages', async () => {
    const server = await serve(join(fixtureDir({}), 'store.db'));
    try {
      const key = await token(server.base);
      const submitted = await fetch(`${server.base}/v1/process/text`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ messages: [{ payload: { content: 'How much does it cost?' }, from: { name: 'Lead', userId: 'lead@example.com' } }], trackers: [{ name: 'Pricing', vocabulary: ['how much does it cost'] }] }),
      });
      expect(submitted.status).toBe(201);
      const { conversationId, jobId } = (await submitted.json()) as { conversationId: string; jobId: string };
      for (let i = 0; i < 50; i++) {
        const job = (await (await fetch(`${server.base}/v1/job/${jobId}`, { headers: { authorization: `Bearer ${key}` } })).json()) as { status: string };
        if (job.status === 'completed') break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      const { ApiClient, AuthenticationApi, ConversationsApi } = require('@symblai/api-client');
      const client = new ApiClient();
      client.basePath = server.base;
      const generated = await new Promise<{ accessToken: string }>((resolve, reject) =>
        new AuthenticationApi(client).generateToken({ type: 'application', ...APP }, (error: unknown, data: { accessToken: string }) => (error ? reject(error) : resolve(data))),
      );
      expect(generated.accessToken.split('.')).toHaveLength(3);
      client.authentications.jwt.apiKey = generated.accessToken;
      // The client's models drop unknown fields: assert on the raw response body.
      const raw = await new Promise<{ body: { messages: Array<Record<string, unknown>> } }>((resolve, reject) =>
        new ConversationsApi(client).getMessagesByConversationId(conversationId, (error: unknown, _data: unknown, response: { body: { messages: Array<Record<string, unknown>> } }) => (error ? reject(error) : resolve(response))),
      );
      expect(raw.body.messages).toEqual([{ id: expect.any(String), text: 'How much does it cost?', from: { name: 'Lead', userId: 'lead@example.com' }, startTime: expect.any(String), endTime: expect.any(String), conversationId }]);
      // The request log line follows the response; give the child a moment to write it.
      const logged = /GET \/v1\/conversations\/\d+\/messages 200 [\d.]+ms/;
      for (let i = 0; i < 50 && !logged.test(server.log()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(server.log()).toMatch(logged);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it('shuts down cleanly on SIGTERM, and the jobs it accepted complete after a restart', async () => {
    const db = join(fixtureDir({}), 'store.db');
    const first = await serve(db);
    const key = await token(first.base);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${first.base}/v1/process/text`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ messages: Array.from({ length: 200 }, (_, k) => ({ payload: { content: `message ${k} of batch ${i}: how much does it cost` } })), trackers: [{ name: 'P', vocabulary: ['how much does it cost'] }] }),
      });
      ids.push(((await response.json()) as { jobId: string }).jobId);
    }
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.log()).toMatch(/SIGTERM, shutting down\n(?:.*\n)*phrasewatch: stopped/);

    const second = await serve(db);
    try {
      const key2 = await token(second.base);
      for (const id of ids) {
        let status = '';
        for (let i = 0; i < 100 && status !== 'completed'; i++) {
          status = ((await (await fetch(`${second.base}/v1/job/${id}`, { headers: { 'x-api-key': key2 } })).json()) as { status: string }).status;
          if (status !== 'completed') await new Promise((resolve) => setTimeout(resolve, 30));
        }
        expect(status).toBe('completed');
      }
    } finally {
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    }
  });

  it('refuses to start without app credentials (exit 2)', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--db', join(fixtureDir({}), 's.db')], { env: { ...process.env, PHRASEWATCH_APP_ID: '', PHRASEWATCH_APP_SECRET: '' } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toMatch(/give --app-id and --app-secret/);
  });
});
