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
  // Appended to one string (V8 joins the pieces once, when the text is written): faster than an array of
  // parts joined at the end, as most pieces are a few characters.
  let out = '[';
  let currentTracker = -1, currentPhrase = -1;
  for (let r = 0; r < detections.count; r++) {
    const phrase = detections.phrase[r];
    if (phrase !== currentPhrase) {
      const t = index.phraseTracker[phrase];
      if (currentPhrase >= 0) out += PHRASE_END;
      if (t !== currentTracker) {
        if (currentTracker >= 0) out += TRACKER_END + ',';
        out += trackerHead[t] ??= `{"id":${JSON.stringify(index.trackerIds[t])},"name":${JSON.stringify(index.trackerNames[t])},"matches":[`;
        currentTracker = t;
      } else {
        out += ',';
      }
      out += phraseHead[phrase] ??= `{"type":"vocabulary","value":${JSON.stringify(index.phraseValue[phrase])},"messageRefs":[`;
      currentPhrase = phrase;
    } else {
      out += ',';
    }
    const m = detections.message[r];
    out += refHead[m] ??= `{"id":${JSON.stringify(messages[m].id)},"text":${JSON.stringify(messages[m].text)},"offset":`;
    const offset = detections.offset[r];
    // A similar match's -1 is most refs: a constant, not a number turned into text.
    out += offset === -1 ? '-1' : String(offset);
    if (details) out += `,"score":${Math.round(detections.score[r] * 1000) / 1000},"tier":"${TIERS[detections.tier[r]].name}"`;
    out += '}';
  }
  return out + PHRASE_END + TRACKER_END + ']';
}
