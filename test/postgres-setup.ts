// Global set-up of the PostgreSQL project: one database for this run (every store in it gets its own
// schema), dropped at the end. The server's other databases are never touched.
import type { TestProject } from 'vitest/node';
import { throwawayDatabase } from '../scripts/throwaway-services.mjs';
import { POSTGRES_URL } from './services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await throwawayDatabase(POSTGRES_URL, 'test');
  project.provide('postgresUrl', database.url);
  return database.drop;
}
