// Hit counts over the store, computed in SQL: per tracker, per conversation, per speaker and per day.
// A hit is one message matched by one tracker; the store keeps their counts per conversation, tracker,
// speaker and day.
import type { Param, Sql } from './db/sql.js';
import { UNDATED } from './detect.js';
import { CoreError, CoreErrorCode } from './errors.js';

export interface StatsQuery {
  /** ISO dates or times; compared by day (UTC), inclusive. */
  from?: string;
  to?: string;
  trackerIds?: string[];
  speaker?: string;
}

export interface TrackerStats {
  trackers: Array<{ trackerId: string; name: string; hits: number }>;
  conversations: Array<{ conversationId: string; trackerId: string; name: string; hits: number }>;
  speakers: Array<{ speaker: string | null; trackerId: string; name: string; hits: number }>;
  days: Array<{ day: string; trackerId: string; name: string; hits: number }>;
}

function day(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw new CoreError(CoreErrorCode.requestInvalid, `"${field}" must be an ISO date or time, got ${JSON.stringify(value)}`);
  }
  return new Date(value).toISOString().slice(0, 10);
}

export async function trackerStats(db: Sql, query: StatsQuery = {}): Promise<TrackerStats> {
  const where: string[] = [];
  const params: Param[] = [];
  const from = day('from', query.from), to = day('to', query.to);
  if (from) (where.push('day >= ?'), params.push(from));
  if (to) (where.push('day <= ?'), params.push(to));
  // Hits in messages without a wall-clock time have no day: a date range leaves them out, explicitly.
  if (from || to) (where.push('day <> ?'), params.push(UNDATED));
  if (query.trackerIds !== undefined) {
    if (!Array.isArray(query.trackerIds) || query.trackerIds.some((id) => typeof id !== 'string')) {
      throw new CoreError(CoreErrorCode.requestInvalid, '"trackerIds" must be an array of tracker ids');
    }
    where.push(`tracker_id IN (${query.trackerIds.map(() => '?').join(', ') || "''"})`);
    params.push(...query.trackerIds);
  }
  if (query.speaker !== undefined) (where.push('speaker = ?'), params.push(query.speaker));
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  // tracker_name is grouped too, as PostgreSQL requires: a tracker id has one name in its hits.
  const group = (column: string): Promise<Array<Record<string, unknown>>> =>
    db.all(`SELECT ${column}, tracker_id, tracker_name, sum(hits) AS hits FROM hit_counts ${filter} GROUP BY ${column}, tracker_id, tracker_name ORDER BY ${column} NULLS FIRST, tracker_name, tracker_id`, params);
  const base = (r: Record<string, unknown>) => ({ trackerId: r.tracker_id as string, name: r.tracker_name as string, hits: r.hits as number });
  const trackers = await db.all<Record<string, unknown>>(
    `SELECT tracker_id, tracker_name, sum(hits) AS hits FROM hit_counts ${filter} GROUP BY tracker_id, tracker_name ORDER BY hits DESC, tracker_name, tracker_id`, params,
  );
  return {
    trackers: trackers.map(base),
    conversations: (await group('conversation_id')).map((r) => ({ conversationId: r.conversation_id as string, ...base(r) })),
    speakers: (await group('speaker')).map((r) => ({ speaker: r.speaker as string | null, ...base(r) })),
    days: (await group('day')).map((r) => ({ day: r.day as string, ...base(r) })),
  };
}
