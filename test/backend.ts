// Which store the contract suites run on: SQLite in memory, or (in the postgres project) a fresh schema
// of this run's PostgreSQL database for every store.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

export const backend: 'sqlite' | 'postgres' = process.env.PHRASEWATCH_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

export function freshStoreLocation(): { memory: true } | { url: string; schema: string } {
  if (backend === 'sqlite') return { memory: true };
  return { url: inject('postgresUrl'), schema: `s_${randomBytes(6).toString('hex')}` };
}
