// The schema, as forward migrations written once for both databases ({{…}} marks the column types that
// differ). Migration k brings the schema from version k to k + 1; pending ones run on open, in one
// transaction, which on PostgreSQL also holds a lock so that processes starting together migrate once.
import { forDialect, type Sql } from './sql.js';

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE trackers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    description TEXT,
    categories TEXT,
    languages TEXT,
    vocabulary TEXT NOT NULL,
    exclude_vocabulary TEXT,
    created_on TEXT NOT NULL,
    updated_on TEXT NOT NULL
  );
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    tracker_specs TEXT NOT NULL DEFAULT '[]',
    enable_all INTEGER NOT NULL DEFAULT 0,
    threshold {{real}},
    created_on TEXT NOT NULL
  );
  CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    from_json TEXT,
    start_time TEXT,
    end_time TEXT
  );
  CREATE INDEX messages_by_conversation ON messages(conversation_id, seq);
  CREATE TABLE jobs (
    seq {{serialKey}},
    id TEXT NOT NULL UNIQUE,
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    status TEXT NOT NULL,
    reason TEXT,
    request TEXT NOT NULL,
    webhook_url TEXT,
    created_on TEXT NOT NULL,
    updated_on TEXT NOT NULL
  );
  CREATE INDEX jobs_by_status ON jobs(status, seq);
  CREATE TABLE detections (
    conversation_id TEXT PRIMARY KEY REFERENCES conversations(id),
    trackers_detected TEXT NOT NULL,
    computed_on TEXT NOT NULL
  );
  CREATE TABLE hits (
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    tracker_id TEXT NOT NULL,
    tracker_name TEXT NOT NULL,
    message_id TEXT NOT NULL,
    speaker TEXT,
    day TEXT NOT NULL
  );
  CREATE INDEX hits_by_conversation ON hits(conversation_id);
  CREATE INDEX hits_by_day ON hits(day);
  `,
  // 2: sync with a remote Symbl API.
  `
  CREATE TABLE outbox (
    seq {{serialKey}},
    op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
    tracker_id TEXT NOT NULL,
    created_on TEXT NOT NULL
  );
  CREATE TABLE remote_ids (
    local_id TEXT PRIMARY KEY,
    remote_id TEXT NOT NULL UNIQUE,
    remote_updated_on TEXT,
    remote_hash TEXT,
    local_synced_on TEXT
  );
  CREATE TABLE sync_conflicts (
    seq {{serialKey}},
    local_id TEXT,
    remote_id TEXT,
    kind TEXT NOT NULL,
    resolution TEXT NOT NULL,
    detail TEXT NOT NULL,
    created_on TEXT NOT NULL
  );
  `,
  // 3: jobs with one owner at a time (a lease), message ids fixed at submission, webhooks kept until delivered.
  `
  ALTER TABLE jobs ADD COLUMN owner TEXT;
  ALTER TABLE jobs ADD COLUMN lease_until {{bigint}};
  ALTER TABLE jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE jobs ADD COLUMN message_ids TEXT;
  CREATE INDEX jobs_by_conversation ON jobs(conversation_id, seq);
  CREATE TABLE webhooks (
    seq {{serialKey}},
    job_id TEXT NOT NULL,
    url TEXT NOT NULL,
    status TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'given_up')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_at {{bigint}} NOT NULL,
    owner TEXT,
    lease_until {{bigint}},
    last_error TEXT,
    created_on TEXT NOT NULL,
    UNIQUE (job_id, status)
  );
  CREATE INDEX webhooks_due ON webhooks(state, next_at);
  `,
  // 4: hits counted per (conversation, tracker, speaker, day) instead of a row per matched message: a
  // tenth of the rows to write while a job holds the write lock, and the same statistics.
  `
  CREATE TABLE hit_counts (
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    tracker_id TEXT NOT NULL,
    tracker_name TEXT NOT NULL,
    speaker TEXT,
    day TEXT NOT NULL,
    hits INTEGER NOT NULL
  );
  INSERT INTO hit_counts (conversation_id, tracker_id, tracker_name, speaker, day, hits)
    SELECT conversation_id, tracker_id, tracker_name, speaker, day, count(*) FROM hits GROUP BY conversation_id, tracker_id, tracker_name, speaker, day;
  DROP TABLE hits;
  CREATE INDEX hit_counts_by_conversation ON hit_counts(conversation_id);
  CREATE INDEX hit_counts_by_day ON hit_counts(day);
  `,
  // 5: message text as a JSON string: every character kept, NUL included (a driver may cut a bound string
  // at NUL, and PostgreSQL refuses NUL in text).
  `
  UPDATE messages SET text = {{jsonQuoteText}};
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Any number, the same in every process: the advisory lock that serializes migrations. */
const MIGRATION_LOCK = 727_190_401;

async function readVersion(sql: Sql): Promise<number> {
  if (sql.dialect.name === 'sqlite') return (await sql.get<{ user_version: number }>('PRAGMA user_version'))!.user_version;
  await sql.get('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
  await sql.exec('CREATE TABLE IF NOT EXISTS phrasewatch_schema (version INTEGER NOT NULL)');
  const row = await sql.get<{ version: number }>('SELECT version FROM phrasewatch_schema');
  if (row === undefined) await sql.run('INSERT INTO phrasewatch_schema (version) VALUES (0)');
  return row?.version ?? 0;
}

async function writeVersion(sql: Sql, version: number): Promise<void> {
  if (sql.dialect.name === 'sqlite') await sql.exec(`PRAGMA user_version = ${version}`);
  else await sql.run('UPDATE phrasewatch_schema SET version = ?', [version]);
}

export async function migrate(sql: Sql): Promise<void> {
  await sql.transaction(async () => {
    const from = await readVersion(sql);
    if (from > MIGRATIONS.length) throw new Error(`the store's schema is version ${from}, newer than this phrasewatch (${MIGRATIONS.length}): upgrade phrasewatch`);
    for (let version = from; version < MIGRATIONS.length; version++) await sql.exec(forDialect(MIGRATIONS[version], sql.dialect));
    if (from < MIGRATIONS.length) await writeVersion(sql, MIGRATIONS.length);
  });
}
