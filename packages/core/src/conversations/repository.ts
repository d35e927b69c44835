// Conversations, their messages and their stored detections, in SQL.
import { pick, type Db } from '../db/driver.js';
import { nextId } from '../ids.js';
import type { InputMessage, StoredMessage, TrackerDetected, TrackerSpec } from '../types.js';

export interface ConversationRow {
  id: string;
  name: string;
  trackerSpecs: TrackerSpec[];
  enableAll: boolean;
  threshold: number | null;
}

export function insertConversation(db: Db, id: string, name: string, now: string): void {
  db.prepare('INSERT INTO conversations (id, name, created_on) VALUES (?, ?, ?)').run(id, name, now);
}

export function findConversation(db: Db, id: string): ConversationRow | undefined {
  const raw = db.prepare('SELECT id, name, tracker_specs, enable_all, threshold FROM conversations WHERE id = ?').get(id);
  if (raw === undefined) return undefined;
  const row = pick<{ id: string; name: string; tracker_specs: string; enable_all: number; threshold: number | null }>(raw, ['id', 'name', 'tracker_specs', 'enable_all', 'threshold']);
  return { id: row.id, name: row.name, trackerSpecs: JSON.parse(row.tracker_specs), enableAll: row.enable_all === 1, threshold: row.threshold };
}

/** Trackers asked for by every request on the conversation so far, so detections cover all of them. */
export function mergeTrackerSpecs(db: Db, id: string, specs: TrackerSpec[], enableAll: boolean, threshold: number | undefined): void {
  const current = findConversation(db, id)!;
  const merged = [...current.trackerSpecs];
  const key = (s: TrackerSpec): string => ('id' in s ? `id:${s.id}` : `name:${s.name}`);
  for (const spec of specs) {
    const at = merged.findIndex((s) => key(s) === key(spec));
    if (at >= 0) merged[at] = spec;
    else merged.push(spec);
  }
  db.prepare('UPDATE conversations SET tracker_specs = ?, enable_all = ?, threshold = ? WHERE id = ?').run(
    JSON.stringify(merged), current.enableAll || enableAll ? 1 : 0, threshold ?? current.threshold, id,
  );
}

/** A message already in the Conversation API shape (streamed, or matched elsewhere) as a request message. */
export function asInputMessage(m: { text: string; from?: InputMessage['from']; startTime?: string; endTime?: string }): InputMessage {
  return { payload: { content: m.text }, from: m.from, duration: { startTime: m.startTime, endTime: m.endTime } };
}

/** Inserts in order and returns the new message ids. */
export function insertMessages(db: Db, conversationId: string, messages: InputMessage[]): string[] {
  const last = db.prepare('SELECT max(seq) AS seq FROM messages WHERE conversation_id = ?').get(conversationId) as { seq: number | null };
  let seq = (last.seq ?? -1) + 1;
  const insert = db.prepare('INSERT INTO messages (id, conversation_id, seq, text, from_json, start_time, end_time) VALUES (?, ?, ?, ?, ?, ?, ?)');
  return messages.map((message) => {
    const id = nextId(db);
    insert.run(id, conversationId, seq++, message.payload.content, JSON.stringify(message.from ?? {}), message.duration?.startTime ?? null, message.duration?.endTime ?? null);
    return id;
  });
}

export function listConversationRows(db: Db): Array<{ id: string; name: string; createdOn: string; messageCount: number }> {
  return db
    .prepare('SELECT c.id, c.name, c.created_on, (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) AS n FROM conversations c ORDER BY c.created_on, c.id')
    .all()
    .map((raw) => {
      const row = raw as { id: string; name: string; created_on: string; n: number };
      return { id: row.id, name: row.name, createdOn: row.created_on, messageCount: row.n };
    });
}

export function listMessages(db: Db, conversationId: string): StoredMessage[] {
  return db.prepare('SELECT id, text, from_json, start_time, end_time FROM messages WHERE conversation_id = ? ORDER BY seq').all(conversationId).map((raw) => {
    const row = pick<{ id: string; text: string; from_json: string | null; start_time: string | null; end_time: string | null }>(raw, ['id', 'text', 'from_json', 'start_time', 'end_time']);
    const message: StoredMessage = { id: row.id, text: row.text, from: row.from_json ? JSON.parse(row.from_json) : {}, conversationId };
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

export function saveDetections(db: Db, conversationId: string, detected: TrackerDetected[], hits: Hit[], now: string): void {
  db.prepare(
    'INSERT INTO detections (conversation_id, trackers_detected, computed_on) VALUES (?, ?, ?) ON CONFLICT(conversation_id) DO UPDATE SET trackers_detected = excluded.trackers_detected, computed_on = excluded.computed_on',
  ).run(conversationId, JSON.stringify(detected), now);
  db.prepare('DELETE FROM hits WHERE conversation_id = ?').run(conversationId);
  const insert = db.prepare('INSERT INTO hits (conversation_id, tracker_id, tracker_name, message_id, speaker, day) VALUES (?, ?, ?, ?, ?, ?)');
  for (const hit of hits) insert.run(conversationId, hit.trackerId, hit.trackerName, hit.messageId, hit.speaker, hit.day);
}

export function loadDetections(db: Db, conversationId: string): TrackerDetected[] | undefined {
  const row = db.prepare('SELECT trackers_detected FROM detections WHERE conversation_id = ?').get(conversationId) as { trackers_detected: string } | undefined;
  return row === undefined ? undefined : JSON.parse(row.trackers_detected);
}
