import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSql } from '../src/db/open.js';
import { claimJob, finishJob, renewLease } from '../src/jobs/repository.js';
import { openStore, type Store, type StoreOptions } from '../src/index.js';
import { backend, freshStoreLocation } from '../../../test/backend.js';
import { PRICING, say } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'phrasewatch-leases-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** One database that several stores (as several processes would) open at once. */
function sharedLocation(): StoreOptions {
  return backend === 'sqlite' ? { path: join(dir, `shared-${files++}.db`) } : freshStoreLocation();
}

const until = async (check: () => Promise<boolean>, ms = 20_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe(`job ownership (${backend})`, () => {
  it('gives a job one owner: a second claim is refused while the lease lives, and a stale owner cannot commit', async () => {
    const location = sharedLocation();
    const store = await openStore({ ...location, runJobs: false });
    const { jobId } = await store.processText({ messages: [say('How much does it cost?')] });
    await store.close();
    const sql = await openSql(location, { busyTimeoutMs: 5000, maxConnections: 2 });
    const now = Date.now();
    expect(await claimJob(sql, jobId, 'a', now, now + 50, new Date().toISOString())).toMatchObject({ id: jobId, status: 'in_progress' });
    expect(await claimJob(sql, jobId, 'b', now, now + 50, new Date().toISOString())).toBe('held');
    // a stops renewing; once its lease has run out, b takes the job and a can neither renew nor finish it.
    const later = now + 100;
    expect(await claimJob(sql, jobId, 'b', later, later + 10_000, new Date().toISOString())).toMatchObject({ id: jobId, attempts: 2 });
    expect(await renewLease(sql, jobId, 'a', later + 10_000)).toBe(false);
    expect(await finishJob(sql, jobId, 'a', 'completed', null, new Date().toISOString())).toBe(false);
    expect(await finishJob(sql, jobId, 'b', 'completed', null, new Date().toISOString())).toBe(true);
    expect(await claimJob(sql, jobId, 'c', later, later + 10_000, new Date().toISOString())).toBe('finished');
    await sql.close();
  });

  it('holds back an append until the earlier job of its conversation has finished', async () => {
    const location = sharedLocation();
    const store = await openStore({ ...location, runJobs: false });
    const first = await store.processText({ messages: [say('one')] });
    const second = await store.appendText(first.conversationId, { messages: [say('two')] });
    await store.close();
    const sql = await openSql(location, { busyTimeoutMs: 5000, maxConnections: 2 });
    const now = Date.now();
    expect(await claimJob(sql, second.jobId, 'a', now, now + 10_000, new Date().toISOString())).toBe('waiting');
    expect(await claimJob(sql, first.jobId, 'a', now, now + 10_000, new Date().toISOString())).toMatchObject({ id: first.jobId });
    expect(await claimJob(sql, second.jobId, 'b', now, now + 10_000, new Date().toISOString())).toBe('waiting');
    await sql.close();
  });

  it('runs every job exactly once when two runners share the store, appends in arrival order', async () => {
    const location = sharedLocation();
    const runners: Store[] = [await openStore({ ...location, threads: 0 }), await openStore({ ...location, threads: 0 })];
    const conversations: Array<{ id: string; texts: string[] }> = [];
    const jobs: string[] = [];
    for (let c = 0; c < 6; c++) {
      const texts = [`conversation ${c} opens. How much does it cost?`];
      const first = await runners[c % 2].processText({ messages: [say(texts[0])], trackers: [PRICING] });
      jobs.push(first.jobId);
      for (let k = 1; k < 6; k++) {
        const text = `conversation ${c} message ${k}`;
        texts.push(text);
        jobs.push((await runners[(c + k) % 2].appendText(first.conversationId, { messages: [say(text)] })).jobId);
      }
      conversations.push({ id: first.conversationId, texts });
    }
    await until(async () => (await runners[0].activeJobCount()) === 0);
    for (const jobId of jobs) expect((await runners[0].getJob(jobId)).status).toBe('completed');
    for (const { id, texts } of conversations) {
      expect((await runners[1].getMessages(id)).messages.map((m) => m.text)).toEqual(texts);
      expect((await runners[1].getTrackersDetected(id)).map((t) => t.name)).toEqual(['Pricing']);
    }
    await Promise.all(runners.map((s) => s.close()));
  });

  it('leaves jobs alone in a store opened with runJobs: false', async () => {
    const location = sharedLocation();
    const reader = await openStore({ ...location, runJobs: false });
    const { jobId } = await reader.processText({ messages: [say('hello')] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await reader.getJob(jobId)).status).toBe('scheduled');
    const runner = await openStore({ ...location });
    await runner.idle();
    expect((await reader.getJob(jobId)).status).toBe('completed');
    await Promise.all([reader.close(), runner.close()]);
  });

  it('matches on worker threads with the same result as on the calling thread', async () => {
    const inline = await openStore({ ...sharedLocation(), threads: 0 });
    const threaded = await openStore({ ...sharedLocation(), threads: 2 });
    const body = { messages: [say('Hi. How much does it cost?'), say('What is the price per user, and is there a pricing plan?')], trackers: [PRICING] };
    const [a, b] = [await inline.processText(body), await threaded.processText(body)];
    await Promise.all([inline.idle(), threaded.idle()]);
    const strip = (detected: unknown) => JSON.parse(JSON.stringify(detected).replace(/"\d{16}"/g, '"ID"'));
    expect(strip(await threaded.getTrackersDetected(b.conversationId))).toEqual(strip(await inline.getTrackersDetected(a.conversationId)));
    expect((await threaded.getTrackersDetected(b.conversationId))[0].matches.length).toBeGreaterThan(1);
    await Promise.all([inline.close(), threaded.close()]);
  });
});

describe(`webhooks across processes (${backend})`, () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((server) => new Promise<void>((done) => server.close(() => done())))));

  /** A receiver on loopback: `onNotice` gets each notification and answers it (or not); resolves to its URL. */
  async function receiver(onNotice: (notice: { jobId: string; status: string }, response: ServerResponse) => void): Promise<string> {
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => onNotice(JSON.parse(body), response));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  }

  it('bounds shutdown when a receiver never answers, and the next process delivers what was left, in order', async () => {
    let answering = false;
    const seen: Array<{ jobId: string; status: string }> = [];
    const url = await receiver((notice, response) => {
      if (!answering) return; // hangs: no answer at all
      seen.push(notice);
      response.end('ok');
    });
    const location = sharedLocation();
    const first = await openStore({ ...location, shutdownMs: 300, webhook: { timeoutMs: 60_000 } });
    const { jobId } = await first.processText({ messages: [say('How much does it cost?')], trackers: [PRICING], webhookUrl: url });
    await until(async () => (await first.getJob(jobId)).status === 'completed');
    const started = Date.now();
    await first.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(seen).toEqual([]);

    answering = true;
    const second = await openStore({ ...location });
    await second.idle();
    expect(seen.map((s) => s.status)).toEqual(['scheduled', 'in_progress', 'completed']);
    expect(seen.every((s) => s.jobId === jobId)).toBe(true);
    await second.close();
  });

  it('delivers a notification once though its request outlasts the lease, with two processes delivering', async () => {
    const seen: string[] = [];
    const url = await receiver(({ status }, response) => {
      seen.push(status);
      // The first notification takes five leases to answer; its deliverer keeps renewing the hold.
      setTimeout(() => response.end('ok'), status === 'scheduled' ? 1_000 : 0);
    });
    const location = sharedLocation();
    const options = { ...location, webhook: { leaseMs: 200 } };
    const [a, b] = [await openStore(options), await openStore(options)];
    const { jobId } = await a.processText({ messages: [say('How much does it cost?')], trackers: [PRICING], webhookUrl: url });
    await until(async () => seen.length >= 3 && (await a.getJob(jobId)).status === 'completed');
    await a.idle();
    await b.idle();
    expect(seen).toEqual(['scheduled', 'in_progress', 'completed']);
    await Promise.all([a.close(), b.close()]);
  });

  it('hands a dead deliverer\'s notification to another process once its short lease runs out', async () => {
    const seen: string[] = [];
    const url = await receiver(({ status }, response) => {
      seen.push(status);
      response.end('ok');
    });
    const location = sharedLocation();
    const writer = await openStore({ ...location, deliverWebhooks: false });
    const { jobId } = await writer.processText({ messages: [say('How much does it cost?')], trackers: [PRICING], webhookUrl: url });
    await until(async () => (await writer.getJob(jobId)).status === 'completed');
    // As a process that claimed the first notification and died: its hold is never renewed.
    const sql = await openSql(location, { busyTimeoutMs: 5000, maxConnections: 2 });
    await sql.run("UPDATE webhooks SET owner = 'dead', lease_until = ? WHERE job_id = ? AND status = 'scheduled'", [Date.now() + 500, jobId]);
    const started = Date.now();
    const deliverer = await openStore({ ...location, webhook: { leaseMs: 500 } });
    await until(async () => seen.length === 3);
    expect(seen).toEqual(['scheduled', 'in_progress', 'completed']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    await Promise.all([writer.close(), deliverer.close(), sql.close()]);
  });
});
