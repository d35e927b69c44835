// Opens the store's database: a PostgreSQL URL, an SQLite file, or SQLite in memory; then migrates it.
// Each driver is loaded only when a store of its kind is opened: a command that opens no store, or an
// SQLite one, does not pay for loading pg.
import { migrate } from './migrations.js';
import type { Sql } from './sql.js';

export interface DatabaseLocation {
  path?: string;
  memory?: boolean;
  url?: string;
  schema?: string;
}

export const isPostgresUrl = (value: string): boolean => /^postgres(ql)?:\/\//i.test(value);

export async function openSql(location: DatabaseLocation, limits: { busyTimeoutMs: number; maxConnections: number }): Promise<Sql> {
  let sql: Sql;
  if (location.url !== undefined) {
    const { openPostgres } = await import('./postgres.js');
    sql = openPostgres({ url: location.url, schema: location.schema, maxConnections: limits.maxConnections });
    if (location.schema !== undefined) await sql.exec(`CREATE SCHEMA IF NOT EXISTS ${location.schema}`).catch(async (error) => {
      await sql.close();
      throw error;
    });
  } else {
    const { openSqlite } = await import('./sqlite.js');
    sql = openSqlite({ path: location.path, memory: location.memory, busyTimeoutMs: limits.busyTimeoutMs });
  }
  try {
    await migrate(sql);
  } catch (error) {
    await sql.close();
    throw error;
  }
  return sql;
}
