// Conversations, their messages and their stored detections, in SQL.
import { insertMany, pick, type Sql } from '../db/sql.js';
import { nextIds } from '../ids.js';
import type { InputMessage, StoredMessage, TrackerDetected, TrackerSpec } from '../types.js';

export interface ConversationRow {
  id: string;
  name: string;
  trackerSpecs: TrackerSpec[];
  enableAll: boolean;
  threshold: number | null;
  createdOn: string;
}

export async function insertConversation(db: Sql, id: string, name: string, now: string): Promise<void> {
  await db.run('INSERT INTO conversations (id, name, created_on) VALUES (?, ?, ?)', [id, name, now]);
}

export async function findConversation(db: Sql, id: string): Promise<ConversationRow | undefined> {
  const raw = await db.get('SELECT id, name, tracker_specs, enable_all, threshold, created_on FROM conversations WHERE id = ?', [id]);
  if (raw === undefined) return undefined;
  const row = pick<{ id: string; name: string; tracker_specs: string; enable_all: number; threshold: number | null; created_on: string }>(raw, ['id', 'name', 'tracker_specs', 'enable_all', 'threshold', 'created_on']);
  return { id: row.id, name: row.name, trackerSpecs: JSON.parse(row.tracker_specs), enableAll: row.enable_all === 1, threshold: row.threshold, createdOn: row.created_on };
}

/** Trackers asked for by every request on the conversation so far, so detections cover all of them. */
export function mergedSpecs(current: ConversationRow, specs: TrackerSpec[], enableAll: boolean, threshold: number | undefined): ConversationRow {
  const merged = [...current.trackerSpecs];
  const key = (s: TrackerSpec): string => ('id' in s ? `id:${s.id}` : `name:${s.name}`);
  for (const spec of specs) {
    const at = merged.findIndex((s) => key(s) === key(spec));
    if (at >= 0) merged[at] = spec;
    else merged.push(spec);
  }
  return { ...current, trackerSpecs: merged, enableAll: current.enableAll || enableAll, threshold: threshold ?? current.threshold };
}

export async function mergeTrackerSpecs(db: Sql, id: string, specs: TrackerSpec[], enableAll: boolean, threshold: number | undefined): Promise<void> {
  const next = mergedSpecs((await findConversation(db, id))!, specs, enableAll, threshold);
  await db.run('UPDATE conversations SET tracker_specs = ?, enable_all = ?, threshold = ? WHERE id = ?', [
    JSON.stringify(next.trackerSpecs), next.enableAll ? 1 : 0, next.threshold, id,
  ]);
}

/** A message already in the Conversation API shape (streamed, or matched elsewhere) as a request message. */
export function asInputMessage(m: { text: string; from?: InputMessage['from']; startTime?: string; endTime?: string }): InputMessage {
  return { payload: { content: m.text }, from: m.from, duration: { startTime: m.startTime, endTime: m.endTime } };
}

/**
 * Appends in order and returns the message ids: `ids` when the caller fixed them beforehand (a job's, at
 * submission), fresh ones otherwise.
 */
export async function insertMessages(db: Sql, conversationId: string, messages: InputMessage[], ids?: string[]): Promise<string[]> {
  const last = await db.get<{ seq: number | null }>('SELECT max(seq) AS seq FROM messages WHERE conversation_id = ?', [conversationId]);
  const seq = (last?.seq ?? -1) + 1;
  const assigned = ids ?? (await nextIds(db, messages.length));
  await insertMany(db, 'messages', ['id', 'conversation_id', 'seq', 'text', 'from_json', 'start_time', 'end_time'], messages.map((message, i) => [
    assigned[i], conversationId, seq + i, JSON.stringify(message.payload.content), JSON.stringify(message.from ?? {}), message.duration?.startTime ?? null, message.duration?.endTime ?? null,
  ]));
  return assigned;
}

export interface ConversationSummary {
  id: string;
  name: string;
  createdOn: string;
  messageCount: number;
  /** Messages matched, counted once per tracker. */
  hits: number;
}

export async function listConversationRows(db: Sql): Promise<ConversationSummary[]> {
  const rows = await db.all<{ id: string; name: string; created_on: string; n: number; hits: number | null }>(
    `SELECT c.id, c.name, c.created_on, (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) AS n,
       (SELECT sum(h.hits) FROM hit_counts h WHERE h.conversation_id = c.id) AS hits
     FROM conversations c ORDER BY c.created_on, c.id`,
  );
  return rows.map((row) => ({ id: row.id, name: row.name, createdOn: row.created_on, messageCount: row.n, hits: row.hits ?? 0 }));
}

/** Conversation ids named `name`, oldest first: the CLI accepts a name where it takes an id. */
export async function conversationIdsNamed(db: Sql, name: string): Promise<string[]> {
  return (await db.all<{ id: string }>('SELECT id FROM conversations WHERE name = ? ORDER BY created_on, id', [name])).map((r) => r.id);
}

export async function listMessages(db: Sql, conversationId: string): Promise<StoredMessage[]> {
  return (await db.all('SELECT id, text, from_json, start_time, end_time FROM messages WHERE conversation_id = ? ORDER BY seq', [conversationId])).map((raw) => {
    const row = pick<{ id: string; text: string; from_json: string | null; start_time: string | null; end_time: string | null }>(raw, ['id', 'text', 'from_json', 'start_time', 'end_time']);
    const message: StoredMessage = { id: row.id, text: JSON.parse(row.text) as string, from: row.from_json ? JSON.parse(row.from_json) : {}, conversationId };
    if (row.start_time !== null) message.startTime = row.start_time;
    if (row.end_time !== null) message.endTime = row.end_time;
    return message;
  });
}

export interface Hit {
  trackerId: string;
  trackerName: string;
  messageId: string;
  speaker: string | null;
  day: string;
}

export async function saveDetections(db: Sql, conversationId: string, detected: TrackerDetected[], hits: Hit[], now: string): Promise<void> {
  await db.run(
    'INSERT INTO detections (conversation_id, trackers_detected, computed_on) VALUES (?, ?, ?) ON CONFLICT (conversation_id) DO UPDATE SET trackers_detected = excluded.trackers_detected, computed_on = excluded.computed_on',
    [conversationId, JSON.stringify(detected), now],
  );
  await db.run('DELETE FROM hit_counts WHERE conversation_id = ?', [conversationId]);
  const counts = new Map<string, { hit: Hit; hits: number }>();
  for (const hit of hits) {
    const key = JSON.stringify([hit.trackerId, hit.trackerName, hit.speaker, hit.day]);
    const entry = counts.get(key);
    if (entry) entry.hits++;
    else counts.set(key, { hit, hits: 1 });
  }
  await insertMany(db, 'hit_counts', ['conversation_id', 'tracker_id', 'tracker_name', 'speaker', 'day', 'hits'], [...counts.values()].map(({ hit, hits }) => [
    conversationId, hit.trackerId, hit.trackerName, hit.speaker, hit.day, hits,
  ]));
}

export async function loadDetections(db: Sql, conversationId: string): Promise<TrackerDetected[] | undefined> {
  const row = await db.get<{ trackers_detected: string }>('SELECT trackers_detected FROM detections WHERE conversation_id = ?', [conversationId]);
  return row === undefined ? undefined : JSON.parse(row.trackers_detected);
}
