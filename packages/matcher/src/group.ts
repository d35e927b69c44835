// Message refs per phrase -> Symbl's trackers-detected array: tracker order, then vocabulary order, then
// message order; trackers without matches left out.
import type { CompiledIndex, MessageRef, TrackerDetected } from './types.js';

export function group(index: CompiledIndex, refsByPhrase: Map<number, MessageRef[]>): TrackerDetected[] {
  const phrases = [...refsByPhrase.keys()].sort((a, b) => a - b);
  const out: TrackerDetected[] = [];
  let current: TrackerDetected | undefined;
  let currentTracker = -1;
  for (const phrase of phrases) {
    const tracker = index.phraseTracker[phrase];
    if (tracker !== currentTracker) {
      current = { id: index.trackerIds[tracker], name: index.trackerNames[tracker], matches: [] };
      out.push(current);
      currentTracker = tracker;
    }
    current!.matches.push({ type: 'vocabulary', value: index.phraseValue[phrase], messageRefs: refsByPhrase.get(phrase)!, insightRefs: [] });
  }
  return out;
}
