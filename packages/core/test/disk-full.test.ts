// A store on a full file system: requests get 507 with words that say so, accepted jobs end completed or
// failed with the real reason (never "cannot rollback"), and nothing is half-written. Runs on a 4 MB tmpfs
// mounted for the test, which needs root; elsewhere it is skipped, and says so.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/index.js';
import type { CoreError } from '../src/errors.js';
import { say } from './helpers.js';

const mountPoint = mkdtempSync(join(tmpdir(), 'phrasewatch-full-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint], { stdio: 'ignore' });
  mounted = true;
} catch {
  process.stderr.write(`\n*** SKIPPING the disk-full suite: cannot mount a small tmpfs at ${mountPoint} (it needs root). ***\n\n`);
}

describe.skipIf(!mounted)('a full disk', () => {
  beforeAll(() => {
    // Room to free later: the jobs accepted before the disk filled must still be able to finish.
    writeFileSync(join(mountPoint, 'filler'), Buffer.alloc(3 * 1024 * 1024));
  });
  afterAll(() => {
    // Lazily: a store a failed test left open must not keep the mount (and the run) alive.
    execFileSync('umount', ['-l', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('answers 507 "the store\'s disk is full", fails no job with a rollback error, and half-writes nothing', async () => {
    const path = join(mountPoint, 'store.db');
    const accepting = await openStore({ path, runJobs: false });
    const accepted: Array<{ conversationId: string; jobId: string }> = [];
    let full: CoreError | undefined;
    for (let i = 0; i < 400 && full === undefined; i++) {
      try {
        accepted.push(await accepting.processText({ messages: [say(`message ${i} `.repeat(800)), say('how much does it cost')], trackers: [{ name: 'Pricing', vocabulary: ['how much does it cost'] }] }));
      } catch (error) {
        full = error as CoreError;
      }
    }
    expect(full).toMatchObject({ status: 507, code: 'store.disk_full', message: expect.stringMatching(/the store's disk is full/) });
    expect(accepted.length).toBeGreaterThan(0);
    // The store keeps answering reads.
    expect((await accepting.getJob(accepted[0].jobId)).status).toBe('scheduled');
    await accepting.close();

    // Jobs run on the full disk, then with room again: each commits whole, or fails and says why.
    const errors: Error[] = [];
    const runner = await openStore({ path, leaseMs: 300, onError: (e) => errors.push(e) });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    rmSync(join(mountPoint, 'filler'));
    await runner.idle();
    for (const { jobId, conversationId } of accepted) {
      const job = await runner.getJob(jobId);
      const { messages } = await runner.getMessages(conversationId);
      if (job.status === 'failed') {
        expect(job.reason).toMatch(/disk is full/);
        expect(messages).toEqual([]);
      } else {
        expect(job.status).toBe('completed');
        expect(messages).toHaveLength(2);
      }
    }
    expect(errors.map((e) => e.message).filter((m) => /rollback/.test(m))).toEqual([]);
    await runner.close();
    const raw = new Database(path);
    expect(raw.prepare('PRAGMA integrity_check').get()).toMatchObject({ integrity_check: 'ok' });
    raw.close();
  });
});
