// The embedded default under pressure: the CLI writing to a live server's SQLite file, and two servers
// on one file. Leases keep one owner per job; busy writes wait their turn instead of crashing anyone.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureDir, phrasewatch } from './helpers.js';
import { client, serve, until } from './processes.js';

const PRICING = { name: 'Pricing', vocabulary: ['how much does it cost'] };

describe('several processes on one SQLite file', () => {
  it('keeps the server up and completes every job while the CLI writes to its file', async () => {
    const dir = fixtureDir(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`t${i}.json`, { name: `Tracker ${i}`, vocabulary: [`phrase number ${i}`] }])));
    const db = join(dir, 'store.db');
    const server = await serve(['--db', db, '--max-jobs', '1000', '--threads', '1']);
    const call = await client(server.base);
    const jobs: string[] = [];
    const posting = (async () => {
      for (let i = 0; i < 100; i++) {
        const { status, body } = await call('POST', '/v1/process/text', { messages: [{ payload: { content: `Call ${i}: how much does it cost?` } }], trackers: [PRICING] });
        expect(status).toBe(201);
        jobs.push(body.jobId);
      }
    })();
    const writes = await Promise.all(Array.from({ length: 6 }, (_, i) => phrasewatch(['trackers', 'create', join(dir, `t${i}.json`), '--db', db])));
    await posting;
    for (const write of writes) expect(write.stderr).toBe('');
    expect(writes.map((w) => w.code)).toEqual([0, 0, 0, 0, 0, 0]);
    await until(async () => {
      const statuses = await Promise.all(jobs.map(async (id) => (await call('GET', `/v1/job/${id}`)).body.status));
      return statuses.every((s) => s === 'completed');
    }, 60_000, '100 jobs');
    expect(server.child.exitCode).toBeNull();
    expect((await call('GET', '/v1/manage/trackers')).body.trackers).toHaveLength(6);
    expect(await server.stop()).toBe(0);
  });

  it('runs no job twice with two servers on one file, appends in order', async () => {
    const db = join(fixtureDir({}), 'store.db');
    const servers = [await serve(['--db', db, '--max-jobs', '1000', '--threads', '1']), await serve(['--db', db, '--max-jobs', '1000', '--threads', '1'])];
    const calls = [await client(servers[0].base), await client(servers[1].base)];
    const conversations: Array<{ id: string; texts: string[] }> = [];
    await Promise.all(Array.from({ length: 10 }, async (_, c) => {
      const texts = [`conversation ${c}: how much does it cost?`];
      const first = await calls[c % 2]('POST', '/v1/process/text', { messages: [{ payload: { content: texts[0] } }], trackers: [PRICING] });
      for (let k = 1; k < 6; k++) {
        const text = `conversation ${c}, append ${k}`;
        texts.push(text);
        expect((await calls[(c + k) % 2]('PUT', `/v1/process/text/${first.body.conversationId}`, { messages: [{ payload: { content: text } }] })).status).toBe(201);
      }
      conversations.push({ id: first.body.conversationId, texts });
    }));
    await until(async () => {
      const counts = await Promise.all(conversations.map(async (c) => (await calls[0]('GET', `/v1/conversations/${c.id}/messages`)).body.messages.length));
      return counts.every((n) => n >= 6);
    }, 60_000, '60 jobs');
    // Settle: nothing may arrive after everything was there once.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const c of conversations) {
      expect((await calls[1]('GET', `/v1/conversations/${c.id}/messages`)).body.messages.map((m: { text: string }) => m.text)).toEqual(c.texts);
    }
    expect(servers.map((s) => s.child.exitCode)).toEqual([null, null]);
    expect(await Promise.all(servers.map((s) => s.stop()))).toEqual([0, 0]);
  });
});
