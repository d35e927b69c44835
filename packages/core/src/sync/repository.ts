// Sync state in SQL: the outbox of local changes, the local <-> remote id map, and reported conflicts.
import type { Db } from '../db/driver.js';

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
export function queueChange(db: Db, op: OutboxEntry['op'], trackerId: string, now: string): void {
  db.prepare('INSERT INTO outbox (op, tracker_id, created_on) VALUES (?, ?, ?)').run(op, trackerId, now);
}

export function outbox(db: Db): OutboxEntry[] {
  return db.prepare('SELECT seq, op, tracker_id FROM outbox ORDER BY seq').all().map((raw) => {
    const row = raw as { seq: number; op: OutboxEntry['op']; tracker_id: string };
    return { seq: row.seq, op: row.op, trackerId: row.tracker_id };
  });
}

export function hasPending(db: Db, trackerId: string): boolean {
  return db.prepare('SELECT 1 FROM outbox WHERE tracker_id = ? LIMIT 1').get(trackerId) !== undefined;
}

/** Drops the entries of `trackerId` up to `seq`: they reached the remote. */
export function settle(db: Db, trackerId: string, seq: number): void {
  db.prepare('DELETE FROM outbox WHERE tracker_id = ? AND seq <= ?').run(trackerId, seq);
}

export function dropPending(db: Db, trackerId: string): void {
  db.prepare('DELETE FROM outbox WHERE tracker_id = ?').run(trackerId);
}

function toLink(raw: unknown): Link | undefined {
  if (raw === undefined) return undefined;
  const row = raw as { local_id: string; remote_id: string; remote_updated_on: string | null; remote_hash: string | null };
  return { localId: row.local_id, remoteId: row.remote_id, remoteUpdatedOn: row.remote_updated_on, remoteHash: row.remote_hash };
}

export const linkOfLocal = (db: Db, localId: string): Link | undefined => toLink(db.prepare('SELECT * FROM remote_ids WHERE local_id = ?').get(localId));
export const linkOfRemote = (db: Db, remoteId: string): Link | undefined => toLink(db.prepare('SELECT * FROM remote_ids WHERE remote_id = ?').get(remoteId));
export const allLinks = (db: Db): Link[] => db.prepare('SELECT * FROM remote_ids').all().map((r) => toLink(r)!);

export function link(db: Db, value: Link, now: string): void {
  db.prepare('DELETE FROM remote_ids WHERE local_id = ? OR remote_id = ?').run(value.localId, value.remoteId);
  db.prepare('INSERT INTO remote_ids (local_id, remote_id, remote_updated_on, remote_hash, local_synced_on) VALUES (?, ?, ?, ?, ?)').run(
    value.localId, value.remoteId, value.remoteUpdatedOn, value.remoteHash, now,
  );
}

export function unlink(db: Db, localId: string): void {
  db.prepare('DELETE FROM remote_ids WHERE local_id = ?').run(localId);
}

export function reportConflict(db: Db, conflict: Conflict): void {
  db.prepare('INSERT INTO sync_conflicts (local_id, remote_id, kind, resolution, detail, created_on) VALUES (?, ?, ?, ?, ?, ?)').run(
    conflict.localId, conflict.remoteId, conflict.kind, conflict.resolution, conflict.detail, conflict.createdOn,
  );
}

export function conflicts(db: Db): Conflict[] {
  return db.prepare('SELECT * FROM sync_conflicts ORDER BY seq').all().map((raw) => {
    const row = raw as { local_id: string | null; remote_id: string | null; kind: string; resolution: string; detail: string; created_on: string };
    return { localId: row.local_id, remoteId: row.remote_id, kind: row.kind, resolution: row.resolution, detail: row.detail, createdOn: row.created_on };
  });
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function getMeta(db: Db, key: string): string | undefined {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}
