// Jobs in SQL: one row per processText / appendText request, processed in insertion order.
import { pick, type Db } from '../db/driver.js';
import type { Job, JobStatus, ProcessTextRequest } from '../types.js';

export interface JobRow extends Job {
  conversationId: string;
  /** The request as stored; parsed only by whoever runs the job. */
  requestJson: string;
  webhookUrl: string | null;
}

const COLUMNS = ['id', 'conversation_id', 'status', 'reason', 'request', 'webhook_url'] as const;

function toJob(raw: unknown): JobRow {
  const row = pick<{ id: string; conversation_id: string; status: JobStatus; reason: string | null; request: string; webhook_url: string | null }>(raw, COLUMNS);
  const job: JobRow = { id: row.id, status: row.status, conversationId: row.conversation_id, requestJson: row.request, webhookUrl: row.webhook_url };
  if (row.reason !== null) job.reason = row.reason;
  return job;
}

export function insertJob(db: Db, job: { id: string; conversationId: string; request: ProcessTextRequest; webhookUrl?: string }, now: string): void {
  db.prepare('INSERT INTO jobs (id, conversation_id, status, request, webhook_url, created_on, updated_on) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    job.id, job.conversationId, 'scheduled', JSON.stringify(job.request), job.webhookUrl ?? null, now, now,
  );
}

export function findJob(db: Db, id: string): JobRow | undefined {
  const raw = db.prepare('SELECT * FROM jobs WHERE id = ?').get(id);
  return raw === undefined ? undefined : toJob(raw);
}

export function setJobStatus(db: Db, id: string, status: JobStatus, reason: string | null, now: string): void {
  db.prepare('UPDATE jobs SET status = ?, reason = ?, updated_on = ? WHERE id = ?').run(status, reason, now, id);
}

/** Jobs left unfinished by a previous process, in the order they arrived; they go back to scheduled. */
export function unfinishedJobs(db: Db, now: string): string[] {
  const ids = db.prepare("SELECT id FROM jobs WHERE status IN ('scheduled', 'in_progress') ORDER BY seq").all().map((r) => (r as { id: string }).id);
  db.prepare("UPDATE jobs SET status = 'scheduled', updated_on = ? WHERE status = 'in_progress'").run(now);
  return ids;
}

export function countActiveJobs(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM jobs WHERE status IN ('scheduled', 'in_progress')").get() as { n: number }).n;
}
