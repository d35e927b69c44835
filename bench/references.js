// Two references for the benchmark, each returning Symbl's trackers-detected shape:
// - Aho–Corasick over lowercased text (modern-ahocorasick, whole words): exact matching only, the speed a
//   user gets by giving up every other tier.
// - The naive way: fuse.js, each phrase searched in each message, no index at all.
import AhoCorasick from 'modern-ahocorasick';
import Fuse from 'fuse.js';
import { trackerIdFor } from '@phrasewatch/matcher';

/** Groups [phrase, message, offset] hits into trackers-detected: trackers, phrases and messages in input order. */
function grouped(trackers, phrases, messages, hits) {
  const byPhrase = new Map();
  for (const [phrase, m, offset] of hits) {
    let refs = byPhrase.get(phrase);
    if (refs === undefined) byPhrase.set(phrase, (refs = new Map()));
    if (!refs.has(m)) refs.set(m, { id: messages[m].id, text: messages[m].text, offset });
  }
  const byTracker = new Map();
  for (const k of [...byPhrase.keys()].sort((a, b) => a - b)) {
    const refs = [...byPhrase.get(k).entries()].sort((a, b) => a[0] - b[0]).map(([, ref]) => ref);
    const t = phrases[k].tracker;
    if (!byTracker.has(t)) byTracker.set(t, []);
    byTracker.get(t).push({ type: 'vocabulary', value: phrases[k].value, messageRefs: refs, insightRefs: [] });
  }
  return [...byTracker.keys()].sort((a, b) => a - b).map((t) => ({ id: trackers[t].id ?? trackerIdFor(trackers[t].name), name: trackers[t].name, matches: byTracker.get(t) }));
}

function phrasesOf(trackers) {
  return trackers.flatMap((tracker, t) => tracker.vocabulary.map((value) => ({ tracker: t, value })));
}

export function ahoCorasick(trackers) {
  const phrases = phrasesOf(trackers);
  const automaton = new AhoCorasick(phrases.map((p) => p.value.toLowerCase()));
  return (messages) => {
    const hits = [];
    messages.forEach((message, m) => {
      for (const hit of automaton.search(message.text.toLowerCase(), { wholeWord: true, locale: 'en' })) hits.push([hit.patternIndex, m, hit.start]);
    });
    return grouped(trackers, phrases, messages, hits);
  };
}

/** fuse.js's own scale: 0 is a perfect match; its default threshold is 0.6, too loose for phrases. */
const FUSE_THRESHOLD = 0.3;

export function naiveFuse(trackers) {
  const phrases = phrasesOf(trackers);
  return (messages) => {
    const hits = [];
    messages.forEach((message, m) => {
      const fuse = new Fuse([message.text], { includeScore: true, ignoreLocation: true, threshold: FUSE_THRESHOLD });
      phrases.forEach((p, k) => {
        if (fuse.search(p.value).length > 0) hits.push([k, m, -1]);
      });
    });
    return grouped(trackers, phrases, messages, hits);
  };
}
