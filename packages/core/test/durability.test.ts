import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/index.js';
import { PRICING, say } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'phrasewatch-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('durability', () => {
  it('resumes unfinished jobs on open, in order, and none stays in progress', async () => {
    const path = join(dir, 'resume.db');
    const first = await openStore({ path });
    const { conversationId, jobId } = await first.processText({ messages: [say('How much does it cost?')], trackers: [PRICING] });
    const second = await first.appendText(conversationId, { messages: [say('What is the price per user?')] });
    // Close before the background runner takes the jobs: they stay scheduled in the file.
    await first.close();
    const raw = new Database(path);
    raw.prepare("UPDATE jobs SET status = 'in_progress' WHERE id = ?").run(jobId);
    raw.close();

    const reopened = await openStore({ path });
    await reopened.idle();
    expect((await reopened.getJob(jobId)).status).toBe('completed');
    expect((await reopened.getJob(second.jobId)).status).toBe('completed');
    expect((await reopened.getMessages(conversationId)).messages.map((m) => m.text)).toEqual(['How much does it cost?', 'What is the price per user?']);
    expect((await reopened.getTrackersDetected(conversationId))[0].matches.map((m) => m.value)).toEqual(['what is the price', 'how much does it cost', 'price per user']);
    await reopened.close();
  });

  it('marks a job whose stored request cannot be read as failed, with the reason, and goes on', async () => {
    const path = join(dir, 'failed.db');
    const first = await openStore({ path });
    const broken = await first.processText({ messages: [say('one')] });
    const fine = await first.processText({ messages: [say('How much does it cost?')], trackers: [PRICING] });
    await first.close();
    const raw = new Database(path);
    raw.prepare('UPDATE jobs SET request = ? WHERE id = ?').run('{not json', broken.jobId);
    raw.close();
    const errors: Error[] = [];
    const store = await openStore({ path, onError: (e) => errors.push(e) });
    await store.idle();
    expect(await store.getJob(broken.jobId)).toEqual({ id: broken.jobId, status: 'failed', reason: expect.stringMatching(/JSON/) });
    expect((await store.getJob(fine.jobId)).status).toBe('completed');
    expect(errors).toHaveLength(1);
    await store.close();
  });

  it('says which path it cannot open', async () => {
    await expect(openStore({ path: join(dir, 'missing-folder', 'x.db') })).rejects.toMatchObject({ code: 'store.open_failed', message: expect.stringContaining('missing-folder') });
    await expect(openStore({} as never)).rejects.toThrow(/give one of the options "path"/);
  });

  it('keeps every committed change when the process is killed in the middle of writes', async () => {
    const path = join(dir, 'killed.db');
    const script = `
      import { openStore } from ${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)};
      const store = await openStore({ path: ${JSON.stringify(path)}, maxTrackers: 100000 });
      for (let i = 0; ; i++) {
        await store.createTracker({ name: 'tracker ' + i, vocabulary: ['phrase ' + i, 'other phrase ' + i] });
        await store.processText({ messages: [{ payload: { content: 'message ' + i } }] });
        process.stdout.write(i + '\\n');
      }
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let committed = -1;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = chunk.toString().trim().split('\n');
        committed = Number(lines.at(-1));
        if (committed >= 150) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(child.signalCode).toBe('SIGKILL');

    const raw = new Database(path);
    expect(raw.prepare('PRAGMA integrity_check').get()).toMatchObject({ integrity_check: 'ok' });
    raw.close();
    const store = await openStore({ path, maxTrackers: 100000 });
    const { trackers } = await store.listTrackers();
    expect(trackers.length).toBeGreaterThanOrEqual(committed + 1);
    expect(trackers.slice(0, committed + 1).map((t) => t.name)).toEqual(Array.from({ length: committed + 1 }, (_, i) => `tracker ${i}`));
    await store.idle();
    await store.close();
  });
});
