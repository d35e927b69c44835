// The trackers a job matches, under a key, cached per runner. Jobs with enableAllTrackers would otherwise
// read and parse every stored tracker (25,000 phrases at Symbl's maximum) and key them, once per job: the
// cache is keyed by the trackers table's version, which every tracker change moves on, so an edit made by
// any process is seen by the next job.
import type { ConversationRow } from '../conversations/repository.js';
import type { Tracker as MatcherTracker } from '@phrasewatch/matcher';
import type { Sql } from '../db/sql.js';
import { pickTrackers } from '../detect.js';
import type { Tracker } from '../types.js';
import { listTrackerRows, trackersVersion } from './repository.js';

export interface TrackerSet {
  /** Equal keys mean equal trackers: each key is compiled once. */
  key: string;
  trackers: MatcherTracker[];
}

const KEEP = 16;

export function trackerSets(db: Sql) {
  let version: string | null = null;
  let all: Tracker[] = [];
  let byId = new Map<string, Tracker>();
  let byName = new Map<string, Tracker>();
  const sets = new Map<string, TrackerSet>();

  return {
    async resolve(conversation: Pick<ConversationRow, 'trackerSpecs' | 'enableAll'>): Promise<TrackerSet> {
      const current = await trackersVersion(db);
      if (current !== version) {
        all = await listTrackerRows(db);
        byId = new Map(all.map((t) => [t.id, t]));
        byName = new Map(all.map((t) => [t.name, t]));
        sets.clear();
        version = current;
      }
      const key = `${current}|${conversation.enableAll ? 1 : 0}|${JSON.stringify(conversation.trackerSpecs)}`;
      let set = sets.get(key);
      if (set === undefined) {
        set = { key, trackers: pickTrackers(conversation, all, (id) => byId.get(id), (name) => byName.get(name)) };
        if (sets.size >= KEEP) sets.delete(sets.keys().next().value!);
        sets.set(key, set);
      }
      return set;
    },
  };
}

export type TrackerSets = ReturnType<typeof trackerSets>;
