// Sync of trackers with a remote Symbl API. push: the outbox, oldest first; each tracker's entries leave
// the outbox only once the remote has its change, so a failure anywhere loses nothing. pull: remote
// trackers merged in. Links map local and remote ids; a name that exists on the other side links the two
// instead of failing; concurrent edits go to the newer updatedOn; every conflict is kept for status.
import { createHash } from 'node:crypto';
import type { Sql } from '../db/sql.js';
import { deleteTrackerRow, findTracker, findTrackerByName, insertTracker, replaceTracker } from '../trackers/repository.js';
import type { Tracker, TrackerBody } from '../types.js';
import { RemoteError, type RemoteApi, type RemoteTracker } from './remote.js';
import {
  allLinks, conflicts, dropPending, getMeta, hasPending, link, linkOfLocal, linkOfRemote, outbox, queueChange, reportConflict, setMeta, settle, unlink, type Conflict,
} from './repository.js';

export interface PushReport {
  pushed: number;
  pending: number;
  error?: string;
}

export interface PullReport {
  created: number;
  updated: number;
  deleted: number;
  error?: string;
}

export interface SyncStatus {
  pending: Array<{ op: string; trackerId: string; name?: string }>;
  linked: number;
  conflicts: Conflict[];
  lastPush?: string;
  lastPull?: string;
  lastError?: string;
}

const FIELDS = ['name', 'description', 'categories', 'languages', 'vocabulary', 'excludeVocabulary'] as const;

export function contentOf(t: TrackerBody): TrackerBody {
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) if (t[field] !== undefined) out[field] = t[field];
  return out as unknown as TrackerBody;
}

const hashOf = (t: TrackerBody): string => createHash('sha256').update(JSON.stringify(contentOf(t))).digest('hex');
const newer = (a: string | undefined, b: string | undefined): boolean => (a ?? '') > (b ?? '');

export function syncEngine(db: Sql, remote: RemoteApi, now: () => string, maxBodyBytes: number) {
  const conflict = (c: Omit<Conflict, 'createdOn'>): Promise<void> => reportConflict(db, { ...c, createdOn: now() });
  const linkTo = (localId: string, r: RemoteTracker): Promise<void> =>
    link(db, { localId, remoteId: r.id, remoteUpdatedOn: r.updatedOn ?? null, remoteHash: hashOf(r) }, now());
  // Changed since the last sync: a new updatedOn, or new content (two edits can share a millisecond, and
  // an older remote API may send no updatedOn at all).
  const remoteChanged = (r: RemoteTracker, l: { remoteUpdatedOn: string | null; remoteHash: string | null }): boolean =>
    hashOf(r) !== l.remoteHash || (r.updatedOn !== undefined && l.remoteUpdatedOn !== null && r.updatedOn !== l.remoteUpdatedOn);

  /** Remote content into the local tracker, without queueing it back. */
  const applyRemote = async (localId: string, r: RemoteTracker): Promise<boolean> => {
    try {
      await db.transaction(async () => {
        await replaceTracker(db, localId, contentOf(r), now());
        await dropPending(db, localId);
        await linkTo(localId, r);
      });
      return true;
    } catch (error) {
      await conflict({ localId, remoteId: r.id, kind: 'name_clash', resolution: 'skipped', detail: `remote tracker "${r.name}" could not be applied: ${(error as Error).message}` });
      return false;
    }
  };

  /** Local and remote trackers of one name: link them; the newer updatedOn wins. */
  const reconcile = async (local: Tracker, r: RemoteTracker, kind: string, upTo: number): Promise<void> => {
    if (newer(r.updatedOn, local.updatedOn)) {
      await applyRemote(local.id, r);
      await conflict({ localId: local.id, remoteId: r.id, kind, resolution: 'remote_kept', detail: `"${local.name}": the remote version is newer (${r.updatedOn} > ${local.updatedOn})` });
      return;
    }
    const updated = (await remote.update(r.id, contentOf(local))) ?? r;
    await db.transaction(async () => {
      await linkTo(local.id, updated);
      await settle(db, local.id, upTo);
    });
    await conflict({ localId: local.id, remoteId: r.id, kind, resolution: 'local_kept', detail: `"${local.name}": the local version is newer (${local.updatedOn} >= ${r.updatedOn ?? 'unknown'})` });
  };

  const pushCreate = async (local: Tracker, upTo: number, created?: RemoteTracker): Promise<void> => {
    const r = created ?? (await remote.create(contentOf(local)));
    if (r === undefined) {
      const existing = await remote.findByName(local.name);
      if (!existing) throw new RemoteError(409, `create "${local.name}": the remote says the name exists but does not list it`);
      await reconcile(local, existing, 'name_exists_remotely', upTo);
      return;
    }
    await db.transaction(async () => {
      await linkTo(local.id, r);
      await settle(db, local.id, upTo);
    });
  };

  const pushUpdate = async (local: Tracker, remoteId: string, upTo: number): Promise<void> => {
    const l = (await linkOfLocal(db, local.id))!;
    const current = await remote.get(remoteId);
    if (current === undefined) {
      await conflict({ localId: local.id, remoteId, kind: 'deleted_remotely', resolution: 'recreated', detail: `"${local.name}" was deleted remotely and edited locally` });
      await unlink(db, local.id);
      await pushCreate(local, upTo);
      return;
    }
    if (remoteChanged(current, l)) {
      await reconcile(local, current, 'concurrent_edit', upTo);
      return;
    }
    const updated = (await remote.update(remoteId, contentOf(local))) ?? current;
    await db.transaction(async () => {
      await linkTo(local.id, updated);
      await settle(db, local.id, upTo);
    });
  };

  return {
    async push(): Promise<PushReport> {
      let pushed = 0;
      try {
        // One step per tracker, in the order its first change was queued, with the tracker as it is now.
        const entries = await outbox(db);
        const last = new Map<string, number>();
        for (const e of entries) last.set(e.trackerId, e.seq);
        const order = [...new Set(entries.map((e) => e.trackerId))];
        const creates: Array<{ local: Tracker; upTo: number }> = [];
        const flushCreates = async (): Promise<void> => {
          // Bulk requests, each under the remote's body limit; one by one where a name clashes.
          while (creates.length > 0) {
            const batch: typeof creates = [];
            let bytes = 2;
            while (creates.length > 0 && (batch.length === 0 || bytes + JSON.stringify(contentOf(creates[0].local)).length + 1 < maxBodyBytes * 0.9)) {
              bytes += JSON.stringify(contentOf(creates[0].local)).length + 1;
              batch.push(creates.shift()!);
            }
            const made = batch.length > 1 ? await remote.createMany(batch.map((c) => contentOf(c.local))) : undefined;
            for (let k = 0; k < batch.length; k++) {
              await pushCreate(batch[k].local, batch[k].upTo, made?.[k]);
              pushed++;
            }
          }
        };
        for (const trackerId of order) {
          const upTo = last.get(trackerId)!;
          const local = await findTracker(db, trackerId);
          const linked = await linkOfLocal(db, trackerId);
          if (local && !linked) {
            creates.push({ local, upTo });
            continue;
          }
          await flushCreates();
          if (!local) {
            if (linked) await remote.remove(linked.remoteId);
            await db.transaction(async () => {
              await unlink(db, trackerId);
              await settle(db, trackerId, upTo);
            });
          } else {
            await pushUpdate(local, linked!.remoteId, upTo);
          }
          pushed++;
        }
        await flushCreates();
        await setMeta(db, 'sync.last_push', now());
        return { pushed, pending: (await outbox(db)).length };
      } catch (error) {
        await setMeta(db, 'sync.last_error', `${now()} push: ${(error as Error).message}`);
        return { pushed, pending: (await outbox(db)).length, error: (error as Error).message };
      }
    },

    async pull(): Promise<PullReport> {
      const report: PullReport = { created: 0, updated: 0, deleted: 0 };
      try {
        const remoteTrackers = await remote.list();
        const seen = new Set<string>();
        for (const r of remoteTrackers) {
          seen.add(r.id);
          const l = await linkOfRemote(db, r.id);
          if (l) {
            const local = await findTracker(db, l.localId);
            if (!local || !remoteChanged(r, l)) continue; // deleted locally: the next push deletes it remotely
            if (await hasPending(db, local.id)) {
              if (newer(r.updatedOn, local.updatedOn)) {
                if (await applyRemote(local.id, r)) report.updated++;
                await conflict({ localId: local.id, remoteId: r.id, kind: 'concurrent_edit', resolution: 'remote_kept', detail: `"${r.name}": the remote version is newer` });
              } else {
                await conflict({ localId: local.id, remoteId: r.id, kind: 'concurrent_edit', resolution: 'local_kept', detail: `"${local.name}": the local version is newer; the next push sends it` });
              }
            } else if (await applyRemote(local.id, r)) {
              report.updated++;
            }
            continue;
          }
          const sameName = await findTrackerByName(db, r.name);
          if (sameName && !await linkOfLocal(db, sameName.id)) {
            if (newer(r.updatedOn, sameName.updatedOn) || !await hasPending(db, sameName.id)) {
              if (await applyRemote(sameName.id, r)) report.updated++;
              await conflict({ localId: sameName.id, remoteId: r.id, kind: 'name_exists_locally', resolution: 'remote_kept', detail: `"${r.name}" exists on both sides; linked, the remote version kept` });
            } else {
              await link(db, { localId: sameName.id, remoteId: r.id, remoteUpdatedOn: r.updatedOn ?? null, remoteHash: hashOf(r) }, now());
              await conflict({ localId: sameName.id, remoteId: r.id, kind: 'name_exists_locally', resolution: 'local_kept', detail: `"${r.name}" exists on both sides; linked, the local version is newer` });
            }
            continue;
          }
          try {
            await db.transaction(async () => {
              const created = await insertTracker(db, contentOf(r), now());
              await linkTo(created.id, r);
            });
            report.created++;
          } catch (error) {
            await conflict({ localId: null, remoteId: r.id, kind: 'name_clash', resolution: 'skipped', detail: `remote tracker "${r.name}" could not be created locally: ${(error as Error).message}` });
          }
        }
        for (const l of await allLinks(db)) {
          if (seen.has(l.remoteId)) continue;
          const local = await findTracker(db, l.localId);
          if (local && await hasPending(db, local.id)) {
            await unlink(db, local.id);
            await queueChange(db, 'create', local.id, now());
            await conflict({ localId: local.id, remoteId: l.remoteId, kind: 'deleted_remotely', resolution: 'local_kept', detail: `"${local.name}" was deleted remotely but changed locally; the next push recreates it` });
            continue;
          }
          await db.transaction(async () => {
            if (local) await deleteTrackerRow(db, local.id);
            await unlink(db, l.localId);
          });
          if (local) report.deleted++;
        }
        await setMeta(db, 'sync.last_pull', now());
        return report;
      } catch (error) {
        await setMeta(db, 'sync.last_error', `${now()} pull: ${(error as Error).message}`);
        return { ...report, error: (error as Error).message };
      }
    },

    async status(): Promise<SyncStatus> {
      const pending: SyncStatus['pending'] = [];
      for (const e of await outbox(db)) {
        const name = (await findTracker(db, e.trackerId))?.name;
        pending.push({ op: e.op, trackerId: e.trackerId, ...(name === undefined ? {} : { name }) });
      }
      const status: SyncStatus = { pending, linked: (await allLinks(db)).length, conflicts: await conflicts(db) };
      const lastPush = await getMeta(db, 'sync.last_push'), lastPull = await getMeta(db, 'sync.last_pull'), lastError = await getMeta(db, 'sync.last_error');
      if (lastPush) status.lastPush = lastPush;
      if (lastPull) status.lastPull = lastPull;
      if (lastError) status.lastError = lastError;
      return status;
    },
  };
}

