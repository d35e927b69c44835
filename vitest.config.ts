import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { probeServices } from './test/services.js';

// The Symbl contract suites (core's store operations and the server's routes) run twice: on SQLite and
// on PostgreSQL. Without a PostgreSQL server the second run is skipped, and says so.
const services = await probeServices();
// The CLI runs of the tests keep their compiled trackers in a folder of their own (see
// test/cache-setup.ts), not in the user's cache.
process.env.PHRASEWATCH_CACHE_DIR ??= mkdtempSync(join(tmpdir(), 'phrasewatch-test-cache-'));
const CONTRACT = ['packages/core/test/{trackers,jobs,webhook,stream,stats,insights,leases,hostile,conversation-api}.test.ts', 'test/server.test.ts'];
const shared = {
  // End-to-end suites spawn the CLI, which loads the language model (~0.3 s) per process.
  testTimeout: 60_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'], globalSetup: ['test/cache-setup.ts'], ...shared } },
      ...(services.postgres
        ? [{ extends: true, test: { name: 'postgres', include: CONTRACT, globalSetup: ['test/cache-setup.ts', 'test/postgres-setup.ts'], env: { PHRASEWATCH_TEST_STORE: 'postgres' }, ...shared } }]
        : []),
    ],
  },
});
