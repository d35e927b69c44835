// Trackers -> the compiled index: every phrase normalized once, a trie over stem sequences for the
// contiguous tiers, and an anchor list (rarest content stems) for the gap and fuzzy tiers.
import { DEFAULTS } from './defaults.js';
import { ErrorCode, MatcherError } from './errors.js';
import { CONTENT, NEGATOR, SUBJECT_PRONOUNS, classOf } from './lexicon.js';
import { readTokens } from './nlp.js';
import { normalize } from './normalize.js';
import { stemOf } from './stem.js';
import { trackerIdFor } from './tracker-id.js';
import { TrieBuilder } from './trie.js';
import type { CompileOptions, CompiledIndex, Tracker } from './types.js';
import { checkTrackers } from './validate.js';

/** Trie entry flag: the phrase without its leading subject pronoun. */
export const PRONOUN_DROPPED = 1;

class Vocabulary {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(word, id);
      this.list.push(word);
    }
    return id;
  }
}

export function compile(trackers: readonly Tracker[], options: CompileOptions = {}): CompiledIndex {
  checkTrackers(trackers);
  const strict = options.strict ?? true;
  const lemmas = new Vocabulary();
  const stems = new Vocabulary();
  const lemmaStem: number[] = [];

  const trackerIds: string[] = [];
  const trackerNames: string[] = [];
  const phraseValue: string[] = [];
  const phraseTracker: number[] = [];
  const phraseExcluded: number[] = [];
  const phraseStart: number[] = [0];
  const tokenLemma: number[] = [];
  const tokenStem: number[] = [];
  const tokenNormal: string[] = [];

  const seenIds = new Set<string>();
  trackers.forEach((tracker, t) => {
    const id = tracker.id ?? trackerIdFor(tracker.name);
    if (seenIds.has(id)) {
      throw new MatcherError(ErrorCode.trackerInvalid, `tracker "${tracker.name}": id ${id} is used by another tracker`);
    }
    seenIds.add(id);
    trackerIds.push(id);
    trackerNames.push(tracker.name);
    const phrases = [
      ...tracker.vocabulary.map((value) => ({ value, excluded: 0 })),
      ...(tracker.excludeVocabulary ?? []).map((value) => ({ value, excluded: 1 })),
    ];
    for (const { value, excluded } of phrases) {
      const stream = normalize(readTokens(value), true);
      if (stream.count === 0) {
        if (strict) {
          throw new MatcherError(ErrorCode.trackerInvalid, `tracker "${tracker.name}": phrase ${JSON.stringify(value)} has no words to match`);
        }
        continue;
      }
      for (let i = 0; i < stream.count; i++) {
        const lemma = stream.lemma[i];
        const lemmaId = lemmas.id(lemma);
        if (lemmaId === lemmaStem.length) lemmaStem.push(stems.id(stemOf(lemma)));
        tokenLemma.push(lemmaId);
        tokenStem.push(lemmaStem[lemmaId]);
        tokenNormal.push(stream.normal![i]);
      }
      phraseValue.push(value);
      phraseTracker.push(t);
      phraseExcluded.push(excluded);
      phraseStart.push(tokenLemma.length);
    }
  });

  const lemmaClass = new Uint8Array(lemmas.list.map(classOf));
  const phraseCount = phraseValue.length;
  const phraseContent = new Uint8Array(phraseCount);
  const phraseNegated = new Uint8Array(phraseCount);
  const phraseWeight = new Float32Array(phraseCount);
  const trie = new TrieBuilder();
  const stemFrequency = new Int32Array(stems.list.length);

  for (let p = 0; p < phraseCount; p++) {
    const from = phraseStart[p], to = phraseStart[p + 1];
    let negators = 0, content = 0, weight = 0;
    const seen = new Set<number>();
    for (let k = from; k < to; k++) {
      const cls = lemmaClass[tokenLemma[k]];
      if (cls === NEGATOR) negators++;
      if (cls === CONTENT) {
        content++;
        weight += 1;
        if (!seen.has(tokenStem[k])) stemFrequency[tokenStem[k]]++;
        seen.add(tokenStem[k]);
      } else {
        weight += DEFAULTS.functionWeight;
      }
    }
    phraseContent[p] = Math.min(content, 255);
    phraseNegated[p] = negators & 1;
    phraseWeight[p] = weight;
    const stemSeq = tokenStem.slice(from, to);
    trie.insert(stemSeq, p, 0);
    // "I can't afford this" also matches "we can't afford this", starting at "can't".
    if (to - from >= 3 && SUBJECT_PRONOUNS.has(lemmas.list[tokenLemma[from]]) && content > 0) {
      trie.insert(stemSeq.slice(1), p, PRONOUN_DROPPED);
    }
  }

  const anchors: number[][] = Array.from({ length: stems.list.length }, () => []);
  let anchorTotal = 0;
  for (let p = 0; p < phraseCount; p++) {
    const contentStems = new Set<number>();
    for (let k = phraseStart[p]; k < phraseStart[p + 1]; k++) {
      if (lemmaClass[tokenLemma[k]] === CONTENT) contentStems.add(tokenStem[k]);
    }
    const rarest = [...contentStems].sort((a, b) => stemFrequency[a] - stemFrequency[b] || a - b).slice(0, DEFAULTS.anchorsPerPhrase);
    for (const stem of rarest) anchors[stem].push(p);
    anchorTotal += rarest.length;
  }
  const anchorStart = new Int32Array(stems.list.length + 1);
  const anchorPhrase = new Int32Array(anchorTotal);
  for (let s = 0, k = 0; s < stems.list.length; s++) {
    anchorStart[s] = k;
    for (const p of anchors[s]) anchorPhrase[k++] = p;
    anchorStart[s + 1] = k;
  }

  return {
    format: 1,
    trackerIds,
    trackerNames,
    phraseValue,
    phraseTracker: Int32Array.from(phraseTracker),
    phraseExcluded: Uint8Array.from(phraseExcluded),
    phraseStart: Int32Array.from(phraseStart),
    phraseContent,
    phraseNegated,
    phraseWeight,
    tokenLemma: Int32Array.from(tokenLemma),
    tokenStem: Int32Array.from(tokenStem),
    tokenNormal,
    lemmas: lemmas.list,
    lemmaStem: Int32Array.from(lemmaStem),
    lemmaClass,
    stems: stems.list,
    trie: trie.pack(stems.list.length),
    anchorStart,
    anchorPhrase,
  };
}
