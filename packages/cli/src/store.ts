// Opening the local store for a command: --db, PHRASEWATCH_DB or the user's data directory.
import { openStore, type Store } from '@phrasewatch/core';
import { resolveDbPath } from './db-path.js';

export async function withStore<T>(dbFlag: string | undefined, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ path: resolveDbPath(dbFlag) });
  try {
    return await use(store);
  } finally {
    // Jobs this process accepted run to the end before it exits.
    await store.idle();
    await store.close();
  }
}
