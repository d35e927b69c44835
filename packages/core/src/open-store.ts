// openStore with the store's modules (database drivers aside, which load with a store that needs them:
// jobs, sync, insights, streaming) loaded on first call: a program that only parses transcripts or
// trackers, as `phrasewatch match` does, never loads them (about 50 ms at start-up).
import type { Store, StoreOptions } from './store.js';

/** Opens the store: an SQLite file (`path`), PostgreSQL (`url`) or `memory: true`. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const store = await import('./store.js');
  return store.openStore(options);
}
