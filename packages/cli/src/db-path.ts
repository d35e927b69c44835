// Where the store lives: --db, else PHRASEWATCH_DB, else the user's data directory.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const path = flag ?? env.PHRASEWATCH_DB ?? join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'phrasewatch', 'phrasewatch.db');
  mkdirSync(dirname(path), { recursive: true });
  return path;
}
