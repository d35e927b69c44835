// Sync state in SQL: the outbox of local changes, the local <-> remote id map, and reported conflicts.
import type { Sql } from '../db/sql.js';

export interface OutboxEntry {
  seq: number;
  op: 'create' | 'update' | 'delete';
  trackerId: string;
}

export interface Link {
  localId: string;
  remoteId: string;
  remoteUpdatedOn: string | null;
  remoteHash: string | null;
}

export interface Conflict {
  localId: string | null;
  remoteId: string | null;
  kind: string;
  resolution: string;
  detail: string;
  createdOn: string;
}

/** Queues a local tracker change for the next push; callers run it in the change's own transaction. */
export async function queueChange(db: Sql, op: OutboxEntry['op'], trackerId: string, now: string): Promise<void> {
  await db.run('INSERT INTO outbox (op, tracker_id, created_on) VALUES (?, ?, ?)', [op, trackerId, now]);
}

export async function outbox(db: Sql): Promise<OutboxEntry[]> {
  return (await db.all('SELECT seq, op, tracker_id FROM outbox ORDER BY seq')).map((raw) => {
    const row = raw as { seq: number; op: OutboxEntry['op']; tracker_id: string };
    return { seq: row.seq, op: row.op, trackerId: row.tracker_id };
  });
}

export async function hasPending(db: Sql, trackerId: string): Promise<boolean> {
  return (await db.get('SELECT 1 AS one FROM outbox WHERE tracker_id = ? LIMIT 1', [trackerId])) !== undefined;
}

/** Drops the entries of `trackerId` up to `seq`: they reached the remote. */
export async function settle(db: Sql, trackerId: string, seq: number): Promise<void> {
  await db.run('DELETE FROM outbox WHERE tracker_id = ? AND seq <= ?', [trackerId, seq]);
}

export async function dropPending(db: Sql, trackerId: string): Promise<void> {
  await db.run('DELETE FROM outbox WHERE tracker_id = ?', [trackerId]);
}

function toLink(raw: unknown): Link | undefined {
  if (raw === undefined) return undefined;
  const row = raw as { local_id: string; remote_id: string; remote_updated_on: string | null; remote_hash: string | null };
  return { localId: row.local_id, remoteId: row.remote_id, remoteUpdatedOn: row.remote_updated_on, remoteHash: row.remote_hash };
}

export const linkOfLocal = async (db: Sql, localId: string): Promise<Link | undefined> => toLink(await db.get('SELECT * FROM remote_ids WHERE local_id = ?', [localId]));
export const linkOfRemote = async (db: Sql, remoteId: string): Promise<Link | undefined> => toLink(await db.get('SELECT * FROM remote_ids WHERE remote_id = ?', [remoteId]));
export const allLinks = async (db: Sql): Promise<Link[]> => (await db.all('SELECT * FROM remote_ids ORDER BY local_id')).map((r) => toLink(r)!);

export async function link(db: Sql, value: Link, now: string): Promise<void> {
  await db.run('DELETE FROM remote_ids WHERE local_id = ? OR remote_id = ?', [value.localId, value.remoteId]);
  await db.run('INSERT INTO remote_ids (local_id, remote_id, remote_updated_on, remote_hash, local_synced_on) VALUES (?, ?, ?, ?, ?)', [
    value.localId, value.remoteId, value.remoteUpdatedOn, value.remoteHash, now,
  ]);
}

export async function unlink(db: Sql, localId: string): Promise<void> {
  await db.run('DELETE FROM remote_ids WHERE local_id = ?', [localId]);
}

export async function reportConflict(db: Sql, conflict: Conflict): Promise<void> {
  await db.run('INSERT INTO sync_conflicts (local_id, remote_id, kind, resolution, detail, created_on) VALUES (?, ?, ?, ?, ?, ?)', [
    conflict.localId, conflict.remoteId, conflict.kind, conflict.resolution, conflict.detail, conflict.createdOn,
  ]);
}

export async function conflicts(db: Sql): Promise<Conflict[]> {
  return (await db.all('SELECT * FROM sync_conflicts ORDER BY seq')).map((raw) => {
    const row = raw as { local_id: string | null; remote_id: string | null; kind: string; resolution: string; detail: string; created_on: string };
    return { localId: row.local_id, remoteId: row.remote_id, kind: row.kind, resolution: row.resolution, detail: row.detail, createdOn: row.created_on };
  });
}

export async function setMeta(db: Sql, key: string, value: string): Promise<void> {
  await db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
}

export async function getMeta(db: Sql, key: string): Promise<string | undefined> {
  return (await db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]))?.value;
}
