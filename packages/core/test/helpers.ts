import { openStore, type Store, type StoreOptions } from '../src/index.js';
import { CoreError } from '../src/errors.js';
import { freshStoreLocation } from '../../../test/backend.js';

export const PRICING = { name: 'Pricing', vocabulary: ['what is the price', 'how much does it cost', 'pricing plan', 'price per user', 'subscription fees'] };
export const BUDGET = { name: 'Budget Concern', vocabulary: ["I can't afford this", "we don't have the budget", 'too expensive', 'out of our price range', 'budget is tight'] };

/** A new, empty store: SQLite in memory, or a schema of its own on PostgreSQL in the postgres project. */
export async function memoryStore(options: Omit<StoreOptions, 'memory' | 'path' | 'url' | 'schema'> = {}): Promise<Store> {
  return openStore({ ...freshStoreLocation(), ...options });
}

/** The CoreError a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<CoreError> {
  try {
    await promise;
  } catch (error) {
    return error as CoreError;
  }
  throw new Error('expected the operation to fail');
}

export const say = (content: string, name = 'Customer', startTime?: string) => ({
  payload: { content },
  from: { name, userId: `${name.toLowerCase()}@example.com` },
  ...(startTime ? { duration: { startTime, endTime: startTime } } : {}),
});
