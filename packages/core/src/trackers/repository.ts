// Trackers in SQL. Callers hold the transaction; these functions only read and write rows.
import { pick, type Db } from '../db/driver.js';
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

export function insertTracker(db: Db, body: TrackerBody, now: string): Tracker {
  const id = nextId(db);
  db.prepare(
    'INSERT INTO trackers (id, name, description, categories, languages, vocabulary, exclude_vocabulary, created_on, updated_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, body.name, body.description ?? null, json(body.categories), json(body.languages), JSON.stringify(body.vocabulary), json(body.excludeVocabulary), now, now);
  return findTracker(db, id)!;
}

export function replaceTracker(db: Db, id: string, body: TrackerBody, now: string): Tracker {
  db.prepare(
    'UPDATE trackers SET name = ?, description = ?, categories = ?, languages = ?, vocabulary = ?, exclude_vocabulary = ?, updated_on = ? WHERE id = ?',
  ).run(body.name, body.description ?? null, json(body.categories), json(body.languages), JSON.stringify(body.vocabulary), json(body.excludeVocabulary), now, id);
  return findTracker(db, id)!;
}

export function findTracker(db: Db, id: string): Tracker | undefined {
  const row = db.prepare('SELECT * FROM trackers WHERE id = ?').get(id);
  return row === undefined ? undefined : toTracker(row);
}

export function findTrackerByName(db: Db, name: string): Tracker | undefined {
  const row = db.prepare('SELECT * FROM trackers WHERE name = ?').get(name);
  return row === undefined ? undefined : toTracker(row);
}

export function listTrackerRows(db: Db, name?: string): Tracker[] {
  const rows = name === undefined ? db.prepare('SELECT * FROM trackers ORDER BY created_on, id').all() : db.prepare('SELECT * FROM trackers WHERE name = ? ORDER BY id').all(name);
  return rows.map(toTracker);
}

export function countTrackers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM trackers').get() as { n: number }).n;
}

export function deleteTrackerRow(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM trackers WHERE id = ?').run(id).changes > 0;
}

export function bodyOf(tracker: Tracker): TrackerBody {
  const { id: _id, createdOn: _c, updatedOn: _u, ...body } = tracker;
  return body;
}
