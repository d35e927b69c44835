// Where the store lives: --db, else PHRASEWATCH_DB, else the user's data directory. A postgres:// URL
// selects PostgreSQL; anything else is an SQLite file.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export type StoreLocation = { path: string } | { url: string };

export function resolveStoreLocation(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): StoreLocation {
  const place = flag ?? env.PHRASEWATCH_DB ?? join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'phrasewatch', 'phrasewatch.db');
  if (/^postgres(ql)?:\/\//i.test(place)) return { url: place };
  mkdirSync(dirname(place), { recursive: true });
  return { path: place };
}
