import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    // End-to-end suites spawn the CLI, which loads the language model (~0.3 s) per process.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
