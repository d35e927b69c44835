// Symbl's Management API as functions over the store: validation, limits, and one transaction each.
import { CoreError, CoreErrorCode, notFound } from '../errors.js';
import type { Db } from '../db/driver.js';
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

/** Every change is also queued for the next sync push (queueChange), in the same transaction. */
export function trackerOperations(db: Db, limits: TrackerLimits, now: () => string) {
  const checkRoom = (adding: number): void => {
    const count = countTrackers(db);
    if (count + adding > limits.maxTrackers) {
      throw new CoreError(CoreErrorCode.trackerLimit, `the store holds ${count} trackers; adding ${adding} would pass the limit of ${limits.maxTrackers}`, 400);
    }
  };
  const existing = (id: string): Tracker => {
    const tracker = findTracker(db, id);
    if (!tracker) throw notFound(CoreErrorCode.trackerNotFound, 'tracker', id);
    return tracker;
  };
  const replace = (id: string, next: unknown): TrackerResult => {
    const body = checkTrackerBody(next);
    const clash = findTrackerByName(db, body.name);
    if (clash && clash.id !== id) throw duplicateName(body.name);
    const tracker = replaceTracker(db, id, body, now());
    queueChange(db, 'update', id, tracker.updatedOn);
    return withWarnings(tracker, warningsFor(body));
  };

  return {
    createTracker(input: unknown): TrackerResult {
      checkBodySize(input, limits.maxBodyBytes);
      const body = checkTrackerBody(input);
      return db.transaction(() => {
        if (findTrackerByName(db, body.name)) throw duplicateName(body.name);
        checkRoom(1);
        const tracker = insertTracker(db, body, now());
        queueChange(db, 'create', tracker.id, tracker.createdOn);
        return withWarnings(tracker, warningsFor(body));
      })();
    },

    /** All or nothing: one invalid or clashing tracker refuses the whole request. */
    createTrackers(input: unknown): { trackers: Tracker[]; warnings?: string[] } {
      checkBodySize(input, limits.maxBodyBytes);
      if (!Array.isArray(input) || input.length === 0) throw new CoreError(CoreErrorCode.trackerInvalid, 'a bulk request must be a non-empty array of trackers');
      const bodies = input.map((item, i) => checkTrackerBody(item, `trackers[${i}]`));
      const names = new Set<string>();
      for (const body of bodies) {
        if (names.has(body.name)) throw duplicateName(body.name);
        names.add(body.name);
      }
      return db.transaction(() => {
        for (const body of bodies) if (findTrackerByName(db, body.name)) throw duplicateName(body.name);
        checkRoom(bodies.length);
        const trackers = bodies.map((body) => insertTracker(db, body, now()));
        for (const tracker of trackers) queueChange(db, 'create', tracker.id, tracker.createdOn);
        const warnings = bodies.flatMap((body) => warningsFor(body) ?? []);
        return warnings.length > 0 ? { trackers, warnings } : { trackers };
      })();
    },

    listTrackers(query: { name?: string } = {}): { trackers: Tracker[] } {
      return { trackers: listTrackerRows(db, query.name) };
    },

    getTracker(id: string): { tracker: Tracker } {
      return { tracker: existing(id) };
    },

    /** Symbl's PUT: the body replaces the tracker (an `id` in it must be the same). */
    updateTracker(id: string, input: unknown): TrackerResult {
      checkBodySize(input, limits.maxBodyBytes);
      const givenId = (input as { id?: unknown } | null)?.id;
      if (givenId !== undefined && givenId !== id) {
        throw new CoreError(CoreErrorCode.trackerInvalid, `tracker: "id" ${JSON.stringify(givenId)} does not match the id in the path, ${JSON.stringify(id)}`);
      }
      return db.transaction(() => {
        existing(id);
        return replace(id, input);
      })();
    },

    patchTracker(id: string, ops: PatchOperation[] | unknown): TrackerResult {
      checkBodySize(ops, limits.maxBodyBytes);
      return db.transaction(() => replace(id, applyPatch(bodyOf(existing(id)), ops)))();
    },

    deleteTracker(id: string): { id: string; type: 'tracker'; deleted: true } {
      return db.transaction(() => {
        if (!deleteTrackerRow(db, id)) throw notFound(CoreErrorCode.trackerNotFound, 'tracker', id);
        queueChange(db, 'delete', id, now());
        return { id, type: 'tracker' as const, deleted: true as const };
      })();
    },
  };
}

export type TrackerOperations = ReturnType<typeof trackerOperations>;
