// Jobs in SQL: one row per processText / appendText request. A job has one owner at a time: claiming it
// is one conditional UPDATE that sets the owner and a lease expiry, so two runners (threads, processes or
// machines) can never both hold it; a lease that is not renewed expires and the job can be claimed again.
// Its result commits only while its owner still holds it.
import { pick, type Sql } from '../db/sql.js';
import type { Job, JobStatus, ProcessTextRequest } from '../types.js';

export interface JobRow extends Job {
  conversationId: string;
  /** The request as stored; parsed only by whoever runs the job. */
  requestJson: string;
  webhookUrl: string | null;
  /** Ids of the messages the job adds, fixed when it was accepted: a job run twice writes the same ones. */
  messageIds: string[] | null;
  attempts: number;
}

const COLUMNS = ['id', 'conversation_id', 'status', 'reason', 'request', 'webhook_url', 'message_ids', 'attempts'] as const;

function toJob(raw: unknown): JobRow {
  const row = pick<{ id: string; conversation_id: string; status: JobStatus; reason: string | null; request: string; webhook_url: string | null; message_ids: string | null; attempts: number }>(raw, COLUMNS);
  const job: JobRow = {
    id: row.id, status: row.status, conversationId: row.conversation_id, requestJson: row.request, webhookUrl: row.webhook_url,
    messageIds: row.message_ids === null ? null : JSON.parse(row.message_ids), attempts: row.attempts,
  };
  if (row.reason !== null) job.reason = row.reason;
  return job;
}

export async function insertJob(db: Sql, job: { id: string; conversationId: string; request: ProcessTextRequest; webhookUrl?: string; messageIds: string[] }, now: string): Promise<void> {
  await db.run('INSERT INTO jobs (id, conversation_id, status, request, webhook_url, message_ids, created_on, updated_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    job.id, job.conversationId, 'scheduled', JSON.stringify(job.request), job.webhookUrl ?? null, JSON.stringify(job.messageIds), now, now,
  ]);
}

export async function findJob(db: Sql, id: string): Promise<JobRow | undefined> {
  const raw = await db.get('SELECT * FROM jobs WHERE id = ?', [id]);
  return raw === undefined ? undefined : toJob(raw);
}

// A job can run when it is scheduled, or in progress under a lease that ran out (its owner died), and no
// earlier job of its conversation is unfinished: appends apply in arrival order, whoever runs them. The
// conditions sit on the row itself, so that PostgreSQL checks them again on the row a concurrent claim
// left (READ COMMITTED re-evaluates an UPDATE's WHERE on the newest version of the row).
const runnable = (t: string): string => `(${t}.status = 'scheduled' OR (${t}.status = 'in_progress' AND (${t}.lease_until IS NULL OR ${t}.lease_until < ?)))
  AND NOT EXISTS (SELECT 1 FROM jobs e WHERE e.conversation_id = ${t}.conversation_id AND e.seq < ${t}.seq AND e.status IN ('scheduled', 'in_progress'))`;

/** Up to `limit` jobs that can be claimed now, oldest first. */
export async function runnableJobs(db: Sql, nowMs: number, limit: number): Promise<string[]> {
  const rows = await db.all<{ id: string }>(`SELECT j.id FROM jobs j WHERE ${runnable('j')} ORDER BY j.seq LIMIT ?`, [nowMs, limit]);
  return rows.map((row) => row.id);
}

export type ClaimResult = 'claimed' | 'finished' | 'held' | 'waiting' | 'missing';

/**
 * Makes `owner` the job's one owner until `leaseUntil`, in one statement that also returns the job. Says
 * why not otherwise: finished already, held by a live owner, or waiting for an earlier job of its
 * conversation.
 */
export async function claimJob(db: Sql, id: string, owner: string, nowMs: number, leaseUntil: number, now: string): Promise<JobRow | Exclude<ClaimResult, 'claimed'>> {
  const claimed = await db.get(
    `UPDATE jobs SET status = 'in_progress', owner = ?, lease_until = ?, attempts = attempts + 1, updated_on = ?
     WHERE id = ? AND ${runnable('jobs')} RETURNING *`,
    [owner, leaseUntil, now, id, nowMs],
  );
  if (claimed !== undefined) return toJob(claimed);
  const job = await db.get<{ status: JobStatus; lease_until: number | null }>('SELECT status, lease_until FROM jobs WHERE id = ?', [id]);
  if (job === undefined) return 'missing';
  if (job.status === 'completed' || job.status === 'failed') return 'finished';
  if (job.status === 'in_progress' && job.lease_until !== null && job.lease_until >= nowMs) return 'held';
  return 'waiting';
}

/** Extends the lease; false when the job is no longer this owner's (it expired and was taken). */
export async function renewLease(db: Sql, id: string, owner: string, leaseUntil: number): Promise<boolean> {
  return (await db.run("UPDATE jobs SET lease_until = ? WHERE id = ? AND owner = ? AND status = 'in_progress'", [leaseUntil, id, owner])) > 0;
}

/** The job's final status, written only while `owner` holds it; false when it does not. */
export async function finishJob(db: Sql, id: string, owner: string, status: 'completed' | 'failed', reason: string | null, now: string): Promise<boolean> {
  const changed = await db.run(
    "UPDATE jobs SET status = ?, reason = ?, owner = NULL, lease_until = NULL, updated_on = ? WHERE id = ? AND owner = ? AND status = 'in_progress'",
    [status, reason, now, id, owner],
  );
  return changed > 0;
}

/** Gives a job back (its owner is shutting down): scheduled again, for the next runner. */
export async function releaseJob(db: Sql, id: string, owner: string, now: string): Promise<void> {
  await db.run("UPDATE jobs SET status = 'scheduled', owner = NULL, lease_until = NULL, updated_on = ? WHERE id = ? AND owner = ? AND status = 'in_progress'", [now, id, owner]);
}

/** Jobs not finished (scheduled, or in progress under any lease), oldest first: what a queue must hold. */
export async function unfinishedJobIds(db: Sql, limit: number): Promise<string[]> {
  const rows = await db.all<{ id: string }>("SELECT id FROM jobs WHERE status IN ('scheduled', 'in_progress') ORDER BY seq LIMIT ?", [limit]);
  return rows.map((row) => row.id);
}

export async function countActiveJobs(db: Sql): Promise<number> {
  return (await db.get<{ n: number }>("SELECT count(*) AS n FROM jobs WHERE status IN ('scheduled', 'in_progress')"))!.n;
}
