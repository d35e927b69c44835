// The embedded store's adapter: SQLite through libsql (better-sqlite3's API, its binary shipped inside the
// npm package). One connection per process; a transaction holds it until it ends, so statements from
// other async work wait for it instead of landing inside it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { chmodSync, existsSync } from 'node:fs';
import Database from 'libsql';
import { busyRetry, translate } from './failures.js';
import type { Dialect, Param, Sql } from './sql.js';

type Connection = InstanceType<typeof Database>;

const SQLITE: Dialect = { name: 'sqlite', serialKey: 'INTEGER PRIMARY KEY AUTOINCREMENT', bigint: 'INTEGER', real: 'REAL', jsonQuoteText: 'json_quote(text)' };

export interface SqliteOptions {
  path?: string;
  memory?: boolean;
  /** How long a write waits for another process's lock, in all, before it fails. */
  busyTimeoutMs: number;
}

/** libsql adds a `_metadata` field to every row. */
function clean<T>(row: unknown): T {
  if (row && typeof row === 'object' && '_metadata' in row) delete (row as { _metadata?: unknown })._metadata;
  return row as T;
}

export function openSqlite(options: SqliteOptions): Sql {
  const fresh = !options.memory && !existsSync(options.path!);
  const db: Connection = new Database(options.memory ? ':memory:' : options.path!);
  // A new store is its owner's alone: it holds transcripts and the key that signs API tokens.
  if (fresh) chmodSync(options.path!, 0o600);
  // WAL keeps readers off writers' backs; NORMAL sync is durable against process death (not power loss).
  if (!options.memory) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // No waiting inside SQLite: a busy lock is retried out here, in finer steps (failures.ts).
  db.pragma('busy_timeout = 0');
  type Statement = { all(...params: unknown[]): unknown[]; run(...params: unknown[]): { changes: number } };
  const statements = new Map<string, Statement>();
  const prepared = (text: string) => {
    let statement = statements.get(text);
    if (statement === undefined) {
      statement = db.prepare<unknown[]>(text) as Statement;
      statements.set(text, statement);
    }
    return statement;
  };
  const inside = new AsyncLocalStorage<{ open: boolean }>();
  // Everything outside a transaction takes turns on the one connection; a transaction keeps its turn
  // until it ends, and the statements it runs (found through `inside`) go straight through.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    if (inside.getStore()?.open) return work();
    const result = tail.then(work, work);
    tail = result.catch(() => undefined);
    return result;
  };
  const retry = busyRetry(options.busyTimeoutMs);
  let closed = false;

  const sql: Sql = {
    dialect: SQLITE,
    all: <T>(text: string, params: readonly Param[] = []) =>
      exclusive(() => retry(() => prepared(text).all(...(params as unknown[])).map((row) => clean<T>(row)))),
    // Stepped to the end, not once: an UPDATE … RETURNING outside a transaction commits when its statement
    // finishes, and a commit that fails there (disk full) must throw, not vanish with the statement.
    get: <T>(text: string, params: readonly Param[] = []) =>
      exclusive(() => retry(() => {
        const row = prepared(text).all(...(params as unknown[]))[0];
        return row === undefined ? undefined : clean<T>(row);
      })),
    run: (text: string, params: readonly Param[] = []) => exclusive(() => retry(() => prepared(text).run(...(params as unknown[])).changes)),
    transaction: <T>(work: () => Promise<T>): Promise<T> => {
      if (inside.getStore()?.open) return work();
      return exclusive(async () => {
        // IMMEDIATE takes the write lock up front: a deferred transaction that reads and then writes can
        // fail with SQLITE_BUSY half-way, where no retry is safe.
        await retry(() => db.exec('BEGIN IMMEDIATE'));
        try {
          const scope = { open: true };
          try {
            const result = await inside.run(scope, work);
            db.exec('COMMIT');
            return result;
          } finally {
            // Timers and promises started inside keep the context: they must not pass as inside later.
            scope.open = false;
          }
        } catch (error) {
          // After some errors (disk full) SQLite has rolled back already: keep the real reason.
          if (db.inTransaction) db.exec('ROLLBACK');
          throw translate(error);
        }
      });
    },
    exec: (script: string) => exclusive(() => retry(() => void db.exec(script))),
    close: () => exclusive(async () => {
      if (closed) return;
      closed = true;
      db.close();
    }),
  };
  return sql;
}
