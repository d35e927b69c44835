// A job thread: runs whole jobs (claim, prepare, match, commit) on its own database connection, so that
// neither the matching nor the store's reads and writes for a job touch the main thread's event loop.
import { workerData } from 'node:worker_threads';
import { openSql } from '../db/open.js';
import type { Sql } from '../db/sql.js';
import { trackerSets } from '../trackers/tracker-sets.js';
import { createExecutor, type Execute } from './executor.js';
import type { JobThreadData, JobThreadResult } from './thread-protocol.js';

const data = workerData as JobThreadData;
let ready: Promise<{ sql: Sql; execute: Execute; report: { errors: string[]; notified: boolean } }> | null = null;

function setUp() {
  ready ??= (async () => {
    const sql = await openSql(data.location, { busyTimeoutMs: data.busyTimeoutMs, maxConnections: 2 });
    const report = { errors: [] as string[], notified: false };
    const execute = createExecutor({
      db: sql,
      owner: data.owner,
      leaseMs: data.leaseMs,
      trackerSets: trackerSets(sql),
      now: () => new Date().toISOString(),
      onError: (error) => report.errors.push(error.message),
      onWebhook: () => (report.notified = true),
    });
    return { sql, execute, report };
  })();
  return ready;
}

export default async function run(jobId: string): Promise<JobThreadResult> {
  const { execute, report } = await setUp();
  const outcome = await execute(jobId);
  const result = { outcome, errors: report.errors.splice(0), notified: report.notified };
  report.notified = false;
  return result;
}
