// Numeric-string ids like Symbl's ("4476908732794496"): a persisted counter, so ids are unique and never
// reused, even after deletes and restarts. It starts at a random 16-digit value per database.
import { randomInt } from 'node:crypto';
import type { Db } from './db/driver.js';

export function nextId(db: Db): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'next_id'").get() as { value: string } | undefined;
  const id = row ? BigInt(row.value) : 4_000_000_000_000_000n + BigInt(randomInt(0, 2 ** 47));
  db.prepare("INSERT INTO meta (key, value) VALUES ('next_id', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(id + 1n));
  return String(id);
}
