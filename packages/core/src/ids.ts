// Numeric-string ids like Symbl's ("4476908732794496"): a persisted counter, so ids are unique and never
// reused, even after deletes, restarts, and many processes writing at once (the counter row is updated
// in place, which serializes concurrent writers on it). It starts at a random 16-digit value per store.
import { randomInt } from 'node:crypto';
import type { Sql } from './db/sql.js';

/** `count` consecutive fresh ids; the caller runs this inside its own transaction. */
export async function nextIds(sql: Sql, count: number): Promise<string[]> {
  if (count === 0) return [];
  const start = 4_000_000_000_000_000n + BigInt(randomInt(0, 2 ** 47));
  await sql.run("INSERT INTO meta (key, value) VALUES ('next_id', ?) ON CONFLICT (key) DO NOTHING", [String(start)]);
  // Both databases compute in 64-bit integers: 16 digits fit.
  const row = await sql.get<{ value: string }>(
    "UPDATE meta SET value = CAST(CAST(value AS BIGINT) + CAST(? AS BIGINT) AS TEXT) WHERE key = 'next_id' RETURNING value", [count],
  );
  const end = BigInt(row!.value);
  return Array.from({ length: count }, (_, i) => String(end - BigInt(count) + BigInt(i)));
}

export async function nextId(sql: Sql): Promise<string> {
  return (await nextIds(sql, 1))[0];
}
