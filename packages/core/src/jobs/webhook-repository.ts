// Webhook notifications in SQL: one row per (job, status), written in the transaction that changes the
// status, so a notification is never lost with a crash and never written twice for one status. Rows are
// delivered in order per job, by whichever process gets to them first (a short lease per delivery).
import type { Sql } from '../db/sql.js';

export interface WebhookRow {
  seq: number;
  jobId: string;
  url: string;
  status: string;
  attempts: number;
}

export async function queueWebhook(db: Sql, jobId: string, url: string, status: string, nowMs: number, now: string): Promise<void> {
  await db.run(
    'INSERT INTO webhooks (job_id, url, status, next_at, created_on) VALUES (?, ?, ?, ?, ?) ON CONFLICT (job_id, status) DO NOTHING',
    [jobId, url, status, nowMs, now],
  );
}

/** Pending notifications due now whose job has no earlier one pending, oldest first. */
export async function dueWebhooks(db: Sql, nowMs: number, limit: number): Promise<WebhookRow[]> {
  const rows = await db.all<{ seq: number; job_id: string; url: string; status: string; attempts: number }>(
    `SELECT w.seq, w.job_id, w.url, w.status, w.attempts FROM webhooks w
     WHERE w.state = 'pending' AND w.next_at <= ? AND (w.lease_until IS NULL OR w.lease_until < ?)
       AND NOT EXISTS (SELECT 1 FROM webhooks e WHERE e.job_id = w.job_id AND e.seq < w.seq AND e.state = 'pending')
     ORDER BY w.seq LIMIT ?`,
    [nowMs, nowMs, limit],
  );
  return rows.map((r) => ({ seq: r.seq, jobId: r.job_id, url: r.url, status: r.status, attempts: r.attempts }));
}

export async function claimWebhook(db: Sql, seq: number, owner: string, nowMs: number, leaseUntil: number): Promise<boolean> {
  const changed = await db.run(
    "UPDATE webhooks SET owner = ?, lease_until = ? WHERE seq = ? AND state = 'pending' AND (lease_until IS NULL OR lease_until < ?)",
    [owner, leaseUntil, seq, nowMs],
  );
  return changed > 0;
}

/** Extends the owner's hold on a delivery still running; false if the owner lost it. */
export async function renewWebhook(db: Sql, seq: number, owner: string, leaseUntil: number): Promise<boolean> {
  return (await db.run("UPDATE webhooks SET lease_until = ? WHERE seq = ? AND owner = ? AND state = 'pending'", [leaseUntil, seq, owner])) > 0;
}

/** After an attempt: delivered, given up, or pending again from `nextAt`. */
export async function settleWebhook(
  db: Sql, seq: number, owner: string, outcome: { state: 'delivered' | 'given_up' | 'pending'; attempts: number; nextAt: number; error: string | null },
): Promise<void> {
  await db.run('UPDATE webhooks SET state = ?, attempts = ?, next_at = ?, last_error = ?, owner = NULL, lease_until = NULL WHERE seq = ? AND owner = ?', [
    outcome.state, outcome.attempts, outcome.nextAt, outcome.error, seq, owner,
  ]);
}

/** Gives a delivery back untried (shutdown cut it short). */
export async function releaseWebhook(db: Sql, seq: number, owner: string): Promise<void> {
  await db.run('UPDATE webhooks SET owner = NULL, lease_until = NULL WHERE seq = ? AND owner = ?', [seq, owner]);
}

export async function pendingWebhooks(db: Sql): Promise<{ count: number; nextAt: number | null }> {
  const row = await db.get<{ n: number; next_at: number | null }>("SELECT count(*) AS n, min(next_at) AS next_at FROM webhooks WHERE state = 'pending'");
  return { count: row?.n ?? 0, nextAt: row?.next_at ?? null };
}
