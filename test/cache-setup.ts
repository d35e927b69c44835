// Removes the index cache folder the test run's CLI processes wrote to (vitest.config.ts names it).
import { rmSync } from 'node:fs';

export default function setup(): () => void {
  return () => {
    const dir = process.env.PHRASEWATCH_CACHE_DIR;
    if (dir?.includes('phrasewatch-test-cache-')) rmSync(dir, { recursive: true, force: true });
  };
}
