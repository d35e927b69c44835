import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PRICING, memoryStore, say } from './helpers.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A receiver on loopback that answers 500 to the first `failures` requests, then 200. */
async function receiver(failures: number): Promise<{ url: string; delivered: Array<{ jobId: string; status: string }>; attempts: () => number }> {
  const delivered: Array<{ jobId: string; status: string }> = [];
  let attempts = 0;
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      attempts++;
      if (attempts <= failures) {
        response.statusCode = 500;
        return response.end();
      }
      delivered.push(JSON.parse(body));
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/hook`, delivered, attempts: () => attempts };
}

describe('webhooks', () => {
  it('delivers every status change in order, retrying a receiver that fails twice', async () => {
    const hook = await receiver(2);
    const store = await memoryStore({ webhook: { retryDelayMs: 10 } });
    const { jobId } = await store.processText({ messages: [say('How much does it cost?')], trackers: [PRICING], webhookUrl: hook.url });
    await store.idle();
    expect(hook.delivered).toEqual([
      { jobId, status: 'scheduled' },
      { jobId, status: 'in_progress' },
      { jobId, status: 'completed' },
    ]);
    expect(hook.attempts()).toBe(5);
  });

  it('never blocks the job, and reports a receiver that never answers through onError', async () => {
    const errors: Error[] = [];
    const store = await memoryStore({ webhook: { attempts: 2, retryDelayMs: 5, timeoutMs: 500 }, onError: (e) => errors.push(e) });
    // A port nothing listens on: every delivery fails fast.
    const { jobId } = await store.processText({ messages: [say('hello')], webhookUrl: 'http://127.0.0.1:9/hook' });
    await store.idle();
    expect((await store.getJob(jobId)).status).toBe('completed');
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(new RegExp(`job ${jobId} \\(scheduled\\) failed 2 times`)),
      expect.stringMatching(/\(in_progress\) failed 2 times/),
      expect.stringMatching(/\(completed\) failed 2 times/),
    ]);
  });
});
