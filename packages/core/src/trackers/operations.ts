// Symbl's Management API as functions over the store: validation, limits, and one transaction each.
import { CoreError, CoreErrorCode, notFound } from '../errors.js';
import type { Sql } from '../db/sql.js';
import type { PatchOperation, Tracker, TrackerResult } from '../types.js';
import { queueChange } from '../sync/repository.js';
import { applyPatch } from './patch.js';
import {
  bodyOf, countTrackers, deleteTrackerRow, findTracker, findTrackerByName, insertTracker, listTrackerRows, replaceTracker,
} from './repository.js';
import { checkBodySize, checkTrackerBody, warningsFor } from './validate.js';

export interface TrackerLimits {
  maxTrackers: number;
  maxBodyBytes: number;
}

const withWarnings = (tracker: Tracker, warnings: string[] | undefined): TrackerResult => (warnings ? { tracker, warnings } : { tracker });

function duplicateName(name: string): CoreError {
  return new CoreError(CoreErrorCode.trackerDuplicateName, `a tracker named ${JSON.stringify(name)} exists already`, 409);
}

/**
 * Two processes creating the same name at once both pass the check above; the database's unique index
 * refuses the second, which is the same 409.
 */
async function nameTaken<T>(name: string | null, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || (code === 'SQLITE_CONSTRAINT' && /UNIQUE/.test((error as Error).message))) {
      throw new CoreError(CoreErrorCode.trackerDuplicateName, name === null ? 'a tracker with that name exists already' : `a tracker named ${JSON.stringify(name)} exists already`, 409);
    }
    throw error;
  }
}

/** Every change is also queued for the next sync push (queueChange), in the same transaction. */
export function trackerOperations(db: Sql, limits: TrackerLimits, now: () => string) {
  const checkRoom = async (adding: number): Promise<void> => {
    const count = await countTrackers(db);
    if (count + adding > limits.maxTrackers) {
      throw new CoreError(CoreErrorCode.trackerLimit, `the store holds ${count} trackers; adding ${adding} would pass the limit of ${limits.maxTrackers}`, 400);
    }
  };
  const existing = async (id: string): Promise<Tracker> => {
    const tracker = await findTracker(db, id);
    if (!tracker) throw notFound(CoreErrorCode.trackerNotFound, 'tracker', id);
    return tracker;
  };
  const replace = async (id: string, next: unknown): Promise<TrackerResult> => {
    const body = checkTrackerBody(next);
    const clash = await findTrackerByName(db, body.name);
    if (clash && clash.id !== id) throw duplicateName(body.name);
    const tracker = await replaceTracker(db, id, body, now());
    await queueChange(db, 'update', id, tracker.updatedOn);
    return withWarnings(tracker, warningsFor(body));
  };

  return {
    async createTracker(input: unknown): Promise<TrackerResult> {
      checkBodySize(input, limits.maxBodyBytes);
      const body = checkTrackerBody(input);
      return nameTaken(body.name, db.transaction(async () => {
        if (await findTrackerByName(db, body.name)) throw duplicateName(body.name);
        await checkRoom(1);
        const tracker = await insertTracker(db, body, now());
        await queueChange(db, 'create', tracker.id, tracker.createdOn);
        return withWarnings(tracker, warningsFor(body));
      }));
    },

    /** All or nothing: one invalid or clashing tracker refuses the whole request. */
    async createTrackers(input: unknown): Promise<{ trackers: Tracker[]; warnings?: string[] }> {
      checkBodySize(input, limits.maxBodyBytes);
      if (!Array.isArray(input) || input.length === 0) throw new CoreError(CoreErrorCode.trackerInvalid, 'a bulk request must be a non-empty array of trackers');
      const bodies = input.map((item, i) => checkTrackerBody(item, `trackers[${i}]`));
      const names = new Set<string>();
      for (const body of bodies) {
        if (names.has(body.name)) throw duplicateName(body.name);
        names.add(body.name);
      }
      return nameTaken(null, db.transaction(async () => {
        for (const body of bodies) if (await findTrackerByName(db, body.name)) throw duplicateName(body.name);
        await checkRoom(bodies.length);
        const trackers: Tracker[] = [];
        for (const body of bodies) trackers.push(await insertTracker(db, body, now()));
        for (const tracker of trackers) await queueChange(db, 'create', tracker.id, tracker.createdOn);
        const warnings = bodies.flatMap((body) => warningsFor(body) ?? []);
        return warnings.length > 0 ? { trackers, warnings } : { trackers };
      }));
    },

    async listTrackers(query: { name?: string } = {}): Promise<{ trackers: Tracker[] }> {
      return { trackers: await listTrackerRows(db, query.name) };
    },

    async getTracker(id: string): Promise<{ tracker: Tracker }> {
      return { tracker: await existing(id) };
    },

    /** Symbl's PUT: the body replaces the tracker (an `id` in it must be the same). */
    async updateTracker(id: string, input: unknown): Promise<TrackerResult> {
      checkBodySize(input, limits.maxBodyBytes);
      const givenId = (input as { id?: unknown } | null)?.id;
      if (givenId !== undefined && givenId !== id) {
        throw new CoreError(CoreErrorCode.trackerInvalid, `tracker: "id" ${JSON.stringify(givenId)} does not match the id in the path, ${JSON.stringify(id)}`);
      }
      return nameTaken(null, db.transaction(async () => {
        await existing(id);
        return replace(id, input);
      }));
    },

    async patchTracker(id: string, ops: PatchOperation[] | unknown): Promise<TrackerResult> {
      checkBodySize(ops, limits.maxBodyBytes);
      return nameTaken(null, db.transaction(async () => replace(id, applyPatch(bodyOf(await existing(id)), ops))));
    },

    async deleteTracker(id: string): Promise<{ id: string; type: 'tracker'; deleted: true }> {
      return db.transaction(async () => {
        if (!(await deleteTrackerRow(db, id))) throw notFound(CoreErrorCode.trackerNotFound, 'tracker', id);
        await queueChange(db, 'delete', id, now());
        return { id, type: 'tracker' as const, deleted: true as const };
      });
    },
  };
}

export type TrackerOperations = ReturnType<typeof trackerOperations>;
