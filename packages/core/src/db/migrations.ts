// The schema, as forward migrations: migration k brings user_version from k to k + 1. They run on open,
// each in its own transaction.
import { userVersion, type Db } from './driver.js';

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
    threshold REAL,
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
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
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
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
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
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    local_id TEXT,
    remote_id TEXT,
    kind TEXT NOT NULL,
    resolution TEXT NOT NULL,
    detail TEXT NOT NULL,
    created_on TEXT NOT NULL
  );
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(db: Db): void {
  for (let version = userVersion(db); version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.exec(`PRAGMA user_version = ${version + 1}`);
    })();
  }
}
