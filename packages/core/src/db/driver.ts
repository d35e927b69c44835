// The one module that talks to SQLite (libsql: better-sqlite3's API, its binary shipped inside the npm
// package, so it installs without a compiler or a download).
import Database from 'libsql';

export type Db = InstanceType<typeof Database>;

export function openDatabase(location: { path?: string; memory?: boolean }): Db {
  const db = new Database(location.memory ? ':memory:' : location.path!);
  // WAL keeps readers off writers' backs; NORMAL sync is durable against process death (not power loss).
  if (!location.memory) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** A row as a plain object of the named columns (libsql adds a `_metadata` field of its own). */
export function pick<T>(row: unknown, columns: readonly (keyof T & string)[]): T {
  const source = row as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const column of columns) out[column] = source[column];
  return out as T;
}

export function userVersion(db: Db): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}
