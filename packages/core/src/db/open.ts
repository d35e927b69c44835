// Opens the store's database: a PostgreSQL URL, an SQLite file, or SQLite in memory; then migrates it.
import { migrate } from './migrations.js';
import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';
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
    sql = openPostgres({ url: location.url, schema: location.schema, maxConnections: limits.maxConnections });
    if (location.schema !== undefined) await sql.exec(`CREATE SCHEMA IF NOT EXISTS ${location.schema}`).catch(async (error) => {
      await sql.close();
      throw error;
    });
  } else {
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
