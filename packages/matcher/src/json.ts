// Compact detections -> Symbl's trackers-detected array as JSON text, without building the objects: the
// same text as JSON.stringify(group(...)), but each message's id and text are escaped once however many
// phrases it matches (about ten a message on realistic trackers), and each tracker's and phrase's once
// per index.
import type { Detections } from './detections.js';
import { TIERS } from './tiers/index.js';
import type { CompiledIndex, Message } from './types.js';

interface Heads {
  /** `{"id":…,"name":…,"matches":[` per tracker, filled on first use. */
  tracker: Array<string | undefined>;
  /** `{"type":"vocabulary","value":…,"messageRefs":[` per phrase, filled on first use. */
  phrase: Array<string | undefined>;
}

const heads = new WeakMap<CompiledIndex, Heads>();

function headsOf(index: CompiledIndex): Heads {
  let found = heads.get(index);
  if (found === undefined) heads.set(index, (found = { tracker: [], phrase: [] }));
  return found;
}

const PHRASE_END = '],"insightRefs":[]}';
const TRACKER_END = ']}';

export function groupJson(index: CompiledIndex, messages: readonly Message[], detections: Detections, details: boolean): string {
  if (detections.count === 0) return '[]';
  const { tracker: trackerHead, phrase: phraseHead } = headsOf(index);
  const refHead: Array<string | undefined> = new Array(messages.length);
  const parts: string[] = ['['];
  let currentTracker = -1, currentPhrase = -1;
  for (let r = 0; r < detections.count; r++) {
    const phrase = detections.phrase[r];
    if (phrase !== currentPhrase) {
      const t = index.phraseTracker[phrase];
      if (currentPhrase >= 0) parts.push(PHRASE_END);
      if (t !== currentTracker) {
        if (currentTracker >= 0) parts.push(TRACKER_END, ',');
        parts.push((trackerHead[t] ??= `{"id":${JSON.stringify(index.trackerIds[t])},"name":${JSON.stringify(index.trackerNames[t])},"matches":[`));
        currentTracker = t;
      } else {
        parts.push(',');
      }
      parts.push((phraseHead[phrase] ??= `{"type":"vocabulary","value":${JSON.stringify(index.phraseValue[phrase])},"messageRefs":[`));
      currentPhrase = phrase;
    } else {
      parts.push(',');
    }
    const m = detections.message[r];
    parts.push((refHead[m] ??= `{"id":${JSON.stringify(messages[m].id)},"text":${JSON.stringify(messages[m].text)},"offset":`), String(detections.offset[r]));
    if (details) parts.push(`,"score":${Math.round(detections.score[r] * 1000) / 1000},"tier":"${TIERS[detections.tier[r]].name}"`);
    parts.push('}');
  }
  parts.push(PHRASE_END, TRACKER_END, ']');
  return parts.join('');
}
