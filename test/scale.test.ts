// Many machines, simulated on one: `serve` on PostgreSQL that enqueues on BullMQ (Redis), two `worker`
// processes running the jobs, one of them killed with SIGKILL in the middle of the run.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayServices } from '../scripts/throwaway-services.mjs';
import { POSTGRES_URL, REDIS_URL, probeServices } from './services.js';
import { client, firstArrivals, receiver, serve, until, worker, type Running } from './processes.js';

const services = await probeServices();

describe.skipIf(!services.postgres || !services.redis)('serve + workers on PostgreSQL and BullMQ', () => {
  const running: Running[] = [];
  let fresh: { url: string; queue: string; cleanup: () => Promise<void> };
  let dbUrl: string, queueUrl: string;
  beforeAll(async () => {
    fresh = await throwawayServices({ postgres: POSTGRES_URL, redis: REDIS_URL, label: 'scale' });
    ({ url: dbUrl, queue: queueUrl } = fresh);
  });
  afterAll(async () => {
    for (const p of running) {
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    }
    await fresh?.cleanup();
  });

  it('completes 200 jobs exactly once, in order per conversation, with one of two workers killed mid-run', async () => {
    const hooks = await receiver();
    const server = await serve(['--db', dbUrl, '--queue', queueUrl, '--max-jobs', '100000']);
    running.push(server);
    const workers = [
      await worker(['--db', dbUrl, '--queue', queueUrl, '--threads', '1', '--lease', '2000']),
      await worker(['--db', dbUrl, '--queue', queueUrl, '--threads', '1', '--lease', '2000']),
    ];
    running.push(...workers);
    const call = await client(server.base);
    const tracker = { name: 'Pricing', vocabulary: ['how much does it cost', 'price per user'] };

    // 40 conversations of 5 jobs each: one create and four appends, all posted at once.
    const conversations: Array<{ id: string; texts: string[]; jobs: string[] }> = [];
    await Promise.all(Array.from({ length: 40 }, async (_, c) => {
      const texts = [`Conversation ${c}: how much does it cost?`];
      const first = await call('POST', '/v1/process/text', { messages: [{ payload: { content: texts[0] } }], trackers: [tracker], webhookUrl: hooks.url });
      expect(first.status).toBe(201);
      const entry = { id: first.body.conversationId as string, texts, jobs: [first.body.jobId as string] };
      for (let k = 1; k < 5; k++) {
        const text = `conversation ${c}, append ${k}`;
        texts.push(text);
        const appended = await call('PUT', `/v1/process/text/${entry.id}`, { messages: [{ payload: { content: text } }], webhookUrl: hooks.url });
        expect(appended.status).toBe(201);
        entry.jobs.push(appended.body.jobId);
      }
      conversations.push(entry);
    }));
    const jobs = conversations.flatMap((c) => c.jobs);
    expect(new Set(jobs).size).toBe(200);

    const completed = () => new Set(hooks.received.filter((r) => r.status === 'completed').map((r) => r.jobId)).size;
    await until(() => completed() >= 30, 60_000, '30 completed jobs');
    workers[0].child.kill('SIGKILL');
    await until(() => completed() === 200, 90_000, `all 200 jobs (completed: ${completed()})`);

    for (const jobId of jobs) expect((await call('GET', `/v1/job/${jobId}`)).body.status).toBe('completed');
    for (const c of conversations) {
      const { body } = await call('GET', `/v1/conversations/${c.id}/messages`);
      expect(body.messages.map((m: { text: string }) => m.text)).toEqual(c.texts);
      const detected = (await call('GET', `/v1/conversations/${c.id}/trackers-detected`)).body;
      expect(detected.map((t: { name: string }) => t.name)).toEqual(['Pricing']);
      expect(detected[0].matches.flatMap((m: { messageRefs: unknown[] }) => m.messageRefs)).toHaveLength(1);
    }
    const arrivals = firstArrivals(hooks.received);
    for (const jobId of jobs) expect(arrivals.get(jobId)).toEqual(['scheduled', 'in_progress', 'completed']);

    // Jobs the killed worker held were run again by the other: at-least-once running, exactly-once effect.
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM jobs WHERE attempts > 1');
    await db.end();
    process.stdout.write(`jobs run again after the SIGKILL: ${rows[0].n}\n`);

    // SIGTERM: the surviving worker and the server finish what they hold and exit cleanly.
    expect(await workers[1].stop()).toBe(0);
    expect(await server.stop()).toBe(0);
    await hooks.close();
  });
});
