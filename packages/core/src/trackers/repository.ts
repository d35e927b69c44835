// Trackers in SQL. Callers hold the transaction; these functions only read and write rows.
import { pick, type Sql } from '../db/sql.js';
import { nextId } from '../ids.js';
import type { Tracker, TrackerBody } from '../types.js';

interface Row {
  id: string;
  name: string;
  description: string | null;
  categories: string | null;
  languages: string | null;
  vocabulary: string;
  exclude_vocabulary: string | null;
  created_on: string;
  updated_on: string;
}
const COLUMNS = ['id', 'name', 'description', 'categories', 'languages', 'vocabulary', 'exclude_vocabulary', 'created_on', 'updated_on'] as const;

function toTracker(raw: unknown): Tracker {
  const row = pick<Row>(raw, COLUMNS);
  const tracker: Tracker = { id: row.id, name: row.name, vocabulary: JSON.parse(row.vocabulary), createdOn: row.created_on, updatedOn: row.updated_on };
  if (row.description !== null) tracker.description = row.description;
  if (row.categories !== null) tracker.categories = JSON.parse(row.categories);
  if (row.languages !== null) tracker.languages = JSON.parse(row.languages);
  if (row.exclude_vocabulary !== null) tracker.excludeVocabulary = JSON.parse(row.exclude_vocabulary);
  return tracker;
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

export async function insertTracker(db: Sql, body: TrackerBody, now: string): Promise<Tracker> {
  const id = await nextId(db);
  await db.run(
    'INSERT INTO trackers (id, name, description, categories, languages, vocabulary, exclude_vocabulary, created_on, updated_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [id, body.name, body.description ?? null, json(body.categories), json(body.languages), JSON.stringify(body.vocabulary), json(body.excludeVocabulary), now, now],
  );
  await bumpVersion(db);
  return (await findTracker(db, id))!;
}

export async function replaceTracker(db: Sql, id: string, body: TrackerBody, now: string): Promise<Tracker> {
  await db.run(
    'UPDATE trackers SET name = ?, description = ?, categories = ?, languages = ?, vocabulary = ?, exclude_vocabulary = ?, updated_on = ? WHERE id = ?',
    [body.name, body.description ?? null, json(body.categories), json(body.languages), JSON.stringify(body.vocabulary), json(body.excludeVocabulary), now, id],
  );
  await bumpVersion(db);
  return (await findTracker(db, id))!;
}

export async function findTracker(db: Sql, id: string): Promise<Tracker | undefined> {
  const row = await db.get('SELECT * FROM trackers WHERE id = ?', [id]);
  return row === undefined ? undefined : toTracker(row);
}

export async function findTrackerByName(db: Sql, name: string): Promise<Tracker | undefined> {
  const row = await db.get('SELECT * FROM trackers WHERE name = ?', [name]);
  return row === undefined ? undefined : toTracker(row);
}

export async function listTrackerRows(db: Sql, name?: string): Promise<Tracker[]> {
  const rows = name === undefined ? await db.all('SELECT * FROM trackers ORDER BY created_on, id') : await db.all('SELECT * FROM trackers WHERE name = ? ORDER BY id', [name]);
  return rows.map(toTracker);
}

export async function countTrackers(db: Sql): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM trackers'))!.n;
}

export async function deleteTrackerRow(db: Sql, id: string): Promise<boolean> {
  const deleted = (await db.run('DELETE FROM trackers WHERE id = ?', [id])) > 0;
  if (deleted) await bumpVersion(db);
  return deleted;
}

/**
 * A counter that every change to the trackers table moves on, in the change's transaction: whoever caches
 * trackers (job runners in any process) reads it to know whether the cache still holds.
 */
async function bumpVersion(db: Sql): Promise<void> {
  await db.run(
    "INSERT INTO meta (key, value) VALUES ('trackers_version', '1') ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS TEXT)",
  );
}

export async function trackersVersion(db: Sql): Promise<string> {
  return (await db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'trackers_version'"))?.value ?? '0';
}

export function bodyOf(tracker: Tracker): TrackerBody {
  const { id: _id, createdOn: _c, updatedOn: _u, ...body } = tracker;
  return body;
}

export async function trackerIds(db: Sql): Promise<Set<string>> {
  return new Set((await db.all<{ id: string }>('SELECT id FROM trackers')).map((row) => row.id));
}
