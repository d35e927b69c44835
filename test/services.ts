// The services the machine runs (PostgreSQL and Redis on loopback), probed once. On a laptop without them
// the suites that need them are skipped, loudly; with PHRASEWATCH_REQUIRE_SERVICES=1 (set by .ci/run)
// their absence fails the run instead.
import { connect } from 'node:net';

export const POSTGRES_URL = process.env.PHRASEWATCH_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.PHRASEWATCH_TEST_REDIS ?? 'redis://127.0.0.1:6379';

function answers(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || defaultPort), timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

export interface Services {
  postgres: boolean;
  redis: boolean;
}

export async function probeServices(): Promise<Services> {
  const found = { postgres: await answers(POSTGRES_URL, 5432), redis: await answers(REDIS_URL, 6379) };
  const missing = Object.entries(found).filter(([, up]) => !up).map(([name]) => name);
  if (missing.length > 0) {
    const message = `${missing.join(' and ')} not answering (${[!found.postgres && POSTGRES_URL, !found.redis && REDIS_URL].filter(Boolean).join(', ')})`;
    if (process.env.PHRASEWATCH_REQUIRE_SERVICES === '1') throw new Error(`${message}; PHRASEWATCH_REQUIRE_SERVICES=1 makes that a failure`);
    process.stderr.write(`\n*** SKIPPING the suites that need ${missing.join(' and ')}: ${message}. Start them (see the README) to run every test. ***\n\n`);
  }
  return found;
}
