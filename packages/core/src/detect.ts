// A conversation's trackers-detected: the trackers its requests asked for, matched over all its messages,
// with insightRefs for matches inside a question or action item, and one hit per (tracker, message) for
// statistics.
import { compile, match, type CompiledIndex, type Tracker as MatcherTracker } from '@phrasewatch/matcher';
import type { ConversationRow, Hit } from './conversations/repository.js';
import { insightsOf } from './insights/index.js';
import type { StoredMessage, Tracker, TrackerDetected, TrackerSpec } from './types.js';

export interface TrackerSource {
  byId(id: string): Promise<Tracker | undefined>;
  byName(name: string): Promise<Tracker | undefined>;
  all(): Promise<Tracker[]>;
}

const toMatcher = (t: Tracker): MatcherTracker => ({ id: t.id, name: t.name, vocabulary: t.vocabulary, excludeVocabulary: t.excludeVocabulary });

/** Stored trackers first (as asked, or all), then inline ones; a tracker counted twice is kept once. */
export async function resolveTrackers(conversation: Pick<ConversationRow, 'trackerSpecs' | 'enableAll'>, source: TrackerSource): Promise<MatcherTracker[]> {
  const all = conversation.enableAll ? await source.all() : [];
  const asked = new Map<string, Tracker | undefined>();
  const named = new Map<string, Tracker | undefined>();
  for (const spec of conversation.trackerSpecs as TrackerSpec[]) {
    if ('id' in spec) asked.set(spec.id, await source.byId(spec.id));
    else named.set(spec.name, await source.byName(spec.name));
  }
  return pickTrackers(conversation, all, (id) => asked.get(id), (name) => named.get(name));
}

/**
 * resolveTrackers over trackers in hand: `all` when the conversation enables all, `byId` for the ones
 * asked by id, `byName` for stored trackers an inline one shares its name with: the inline vocabulary
 * applies, under the stored tracker's id, as Symbl reports it.
 */
export function pickTrackers(
  conversation: Pick<ConversationRow, 'trackerSpecs' | 'enableAll'>,
  all: readonly Tracker[],
  byId: (id: string) => Tracker | undefined,
  byName: (name: string) => Tracker | undefined,
): MatcherTracker[] {
  const out = new Map<string, MatcherTracker>();
  const key = (t: MatcherTracker): string => t.id ?? `name:${t.name}`;
  const add = (t: MatcherTracker): void => {
    if (!out.has(key(t))) out.set(key(t), t);
  };
  if (conversation.enableAll) for (const t of all) add(toMatcher(t));
  for (const spec of conversation.trackerSpecs as TrackerSpec[]) {
    if ('id' in spec) {
      const stored = byId(spec.id);
      // A tracker deleted since the request no longer applies.
      if (stored) add(toMatcher(stored));
    } else {
      const stored = byName(spec.name);
      const inline: MatcherTracker = { ...(stored ? { id: stored.id } : {}), name: spec.name, vocabulary: spec.vocabulary, excludeVocabulary: spec.excludeVocabulary };
      if (stored) out.set(key(inline), inline);
      else add(inline);
    }
  }
  return [...out.values()];
}

/** Compiling 25,000 phrases takes ~0.2 s: keep the last few indexes, keyed by the trackers' content. */
const cache = new Map<string, CompiledIndex>();
const CACHE_SIZE = 8;

export function indexFor(trackers: MatcherTracker[], key = JSON.stringify(trackers)): CompiledIndex {
  let index = cache.get(key);
  if (index === undefined) {
    index = compile(trackers);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, index);
  }
  return index;
}

export function detectTrackers(trackers: MatcherTracker[], messages: StoredMessage[], threshold: number | undefined): { detected: TrackerDetected[]; hits: Hit[] } {
  if (trackers.length === 0 || messages.length === 0) return { detected: [], hits: [] };
  return detectWith(indexFor(trackers), messages, threshold);
}

export function detectWith(index: CompiledIndex, messages: StoredMessage[], threshold: number | undefined): { detected: TrackerDetected[]; hits: Hit[] } {
  if (messages.length === 0) return { detected: [], hits: [] };
  const detected = match(index, messages, threshold === undefined ? {} : { threshold });
  attachInsightRefs(detected, messages);
  return { detected, hits: hitsOf(detected, messages) };
}

/** The speaker a hit is counted for; a NUL (which a TEXT column cannot hold everywhere) becomes U+FFFD. */
const speakerOf = (message: StoredMessage): string | null => (message.from.name ?? message.from.userId ?? null)?.replaceAll('\u0000', '\uFFFD') ?? null;

/** The day of hits in messages that carry no wall-clock time (subtitles without a known start). */
export const UNDATED = 'undated';

/** One hit per (tracker, message), however many of the tracker's phrases matched the message. */
export function hitsOf(detected: TrackerDetected[], messages: StoredMessage[]): Hit[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const hits: Hit[] = [];
  for (const tracker of detected) {
    const seen = new Set<string>();
    for (const m of tracker.matches) {
      for (const ref of m.messageRefs) {
        const message = byId.get(ref.id);
        if (seen.has(ref.id) || message === undefined) continue;
        seen.add(ref.id);
        hits.push({ trackerId: tracker.id, trackerName: tracker.name, messageId: ref.id, speaker: speakerOf(message), day: message.startTime?.slice(0, 10) ?? UNDATED });
      }
    }
  }
  return hits;
}

function attachInsightRefs(detected: TrackerDetected[], messages: StoredMessage[]): void {
  const byMessage = new Map<string, ReturnType<typeof insightsOf>>();
  // A follow-up is an action item too: its sentence is referred to once, as the action item.
  for (const insight of insightsOf(messages).filter((i) => i.type !== 'follow_up')) {
    const list = byMessage.get(insight.messageIds[0]) ?? [];
    list.push(insight);
    byMessage.set(insight.messageIds[0], list);
  }
  for (const tracker of detected) {
    for (const m of tracker.matches) {
      for (const ref of m.messageRefs) {
        for (const insight of byMessage.get(ref.id) ?? []) {
          const inside = ref.offset >= insight.start && ref.offset < insight.start + insight.text.length;
          if (ref.offset >= 0 && !inside) continue;
          m.insightRefs.push({ id: insight.id, text: insight.text, offset: ref.offset >= 0 ? ref.offset - insight.start : -1, type: insight.type });
        }
      }
    }
  }
}
