// The one interface every repository writes against. Statements use `?` placeholders and SQL that both
// SQLite and PostgreSQL accept; what differs between them lives in each adapter's `dialect`.

export type Param = string | number | null;

export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** Column type of an auto-incrementing integer primary key. */
  readonly serialKey: string;
  /** A 64-bit integer column. */
  readonly bigint: string;
  /** A floating-point column. */
  readonly real: string;
  /** The column `text` as a JSON string literal. */
  readonly jsonQuoteText: string;
}

export interface Sql {
  readonly dialect: Dialect;
  all<T>(statement: string, params?: readonly Param[]): Promise<T[]>;
  get<T>(statement: string, params?: readonly Param[]): Promise<T | undefined>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(statement: string, params?: readonly Param[]): Promise<number>;
  /**
   * Runs `work` in one transaction: every statement issued on this Sql from inside `work` (however deep
   * the call chain) joins it; others wait or use another connection. A nested call joins the outer one.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Several statements at once, outside any transaction (migrations). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

type Placeholder = 'serialKey' | 'bigint' | 'real' | 'jsonQuoteText';

/** Replaces `{{serialKey}}`, `{{bigint}}`, `{{real}}` and `{{jsonQuoteText}}` with the dialect's own. */
export function forDialect(script: string, dialect: Dialect): string {
  return script.replace(/\{\{(serialKey|bigint|real|jsonQuoteText)\}\}/g, (_, name: Placeholder) => dialect[name]);
}

/** A row as a plain object of the named columns. */
export function pick<T>(row: unknown, columns: readonly (keyof T & string)[]): T {
  const source = row as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const column of columns) out[column] = source[column];
  return out as T;
}

/** Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const ROWS_PER_INSERT = 200;

/** Inserts many rows with a few multi-row statements instead of one statement per row. */
export async function insertMany(db: Sql, table: string, columns: readonly string[], rows: ReadonlyArray<readonly Param[]>): Promise<void> {
  const row = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    await db.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => row).join(', ')}`, chunk.flat());
  }
}
