// Compact detections -> Symbl's trackers-detected array: tracker order, then vocabulary order, then
// message order; trackers without matches left out.
import type { Detections } from './detections.js';
import { TIERS } from './tiers/index.js';
import type { CompiledIndex, Message, MessageRef, TrackerDetected, TrackerMatch } from './types.js';

export function group(index: CompiledIndex, messages: readonly Message[], detections: Detections, details: boolean): TrackerDetected[] {
  const out: TrackerDetected[] = [];
  let tracker: TrackerDetected | undefined;
  let match: TrackerMatch | undefined;
  let currentTracker = -1;
  let currentPhrase = -1;
  for (let r = 0; r < detections.count; r++) {
    const phrase = detections.phrase[r];
    if (phrase !== currentPhrase) {
      const t = index.phraseTracker[phrase];
      if (t !== currentTracker) {
        tracker = { id: index.trackerIds[t], name: index.trackerNames[t], matches: [] };
        out.push(tracker);
        currentTracker = t;
      }
      match = { type: 'vocabulary', value: index.phraseValue[phrase], messageRefs: [], insightRefs: [] };
      tracker!.matches.push(match);
      currentPhrase = phrase;
    }
    const message = messages[detections.message[r]];
    const ref: MessageRef = { id: message.id, text: message.text, offset: detections.offset[r] };
    if (details) {
      ref.score = Math.round(detections.score[r] * 1000) / 1000;
      ref.tier = TIERS[detections.tier[r]].name;
    }
    match!.messageRefs.push(ref);
  }
  return out;
}
