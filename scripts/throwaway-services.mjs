// A PostgreSQL database and a Redis key prefix of one run's own, for tests and benchmarks that use the
// machine's servers: made fresh, dropped after, never touching anything else on those servers.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

async function admin(adminUrl, statement) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A new database `phrasewatch_<label>_<random>` on the server `adminUrl` points at.
 * @returns {Promise<{ url: string, drop: () => Promise<void> }>}
 */
export async function throwawayDatabase(adminUrl, label) {
  const name = `phrasewatch_${label}_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Deletes every Redis key under `prefix`. */
export async function dropRedisPrefix(redisUrl, prefix) {
  const redis = new Redis(redisUrl);
  try {
    for (let cursor = '0'; ; ) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    await redis.quit();
  }
}

/**
 * A throwaway database and a queue URL with a throwaway key prefix, and one function that drops both.
 * @returns {Promise<{ url: string, queue: string, cleanup: () => Promise<void> }>}
 */
export async function throwawayServices({ postgres, redis, label }) {
  const database = await throwawayDatabase(postgres, label);
  const prefix = `phrasewatch-${label}-${randomBytes(6).toString('hex')}`;
  return {
    url: database.url,
    queue: `${redis}?prefix=${prefix}`,
    cleanup: async () => {
      await database.drop();
      await dropRedisPrefix(redis, prefix);
    },
  };
}
