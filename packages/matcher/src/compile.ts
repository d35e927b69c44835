// Trackers -> the compiled index: every phrase normalized once, phrases that normalize alike merged
// into one pattern, a trie over pattern stem sequences for the contiguous tiers, and an anchor list
// (rarest content stems) for the gap and fuzzy tiers.
import { ErrorCode, MatcherError } from './errors.js';
import { NEGATOR, SUBJECT_PRONOUNS, classOf } from './lexicon.js';
import { readTokens } from './nlp.js';
import { PARTICLE, isContentToken, missableContent, phraseFeatures, signatureBit, tokenWeight } from './features.js';
import { normalize } from './normalize.js';
import { stemOf } from './stem.js';
import { trackerIdFor } from './tracker-id.js';
import { TrieBuilder } from './trie.js';
import type { CompileOptions, CompiledIndex, Tracker } from './types.js';
import { checkTrackers } from './validate.js';

/** Trie entry flag: the pattern without its leading subject pronoun. */
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

/** CSR layout of lists indexed 0..lists.length-1. */
function packLists(lists: number[][]): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  for (let k = 0; k < lists.length; k++) start[k + 1] = start[k] + lists[k].length;
  const items = new Int32Array(start[lists.length]);
  lists.forEach((list, k) => items.set(list, start[k]));
  return { start, items };
}

export function compile(trackers: readonly Tracker[], options: CompileOptions = {}): CompiledIndex {
  checkTrackers(trackers);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new MatcherError(ErrorCode.optionInvalid, `compile options must be an object, got ${JSON.stringify(options)}`);
  }
  const strict = options.strict ?? true;
  const lemmas = new Vocabulary();
  const stems = new Vocabulary();
  const lemmaStem: number[] = [];

  const trackerIds: string[] = [];
  const trackerNames: string[] = [];
  const phraseValue: string[] = [];
  const phraseTracker: number[] = [];
  const patternIds = new Map<string, number>();
  const patternPhrases: number[][] = [];
  const patternExcluded: number[] = [];
  const patternStart: number[] = [0];
  const tokenLemma: number[] = [];
  const tokenStem: number[] = [];
  const tokenNormal: string[] = [];
  const tokenFlags: number[] = [];
  const patternActs: number[] = [];

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
      const source = readTokens(value);
      const stream = normalize(source, true);
      if (stream.count === 0) {
        if (strict) {
          throw new MatcherError(ErrorCode.trackerInvalid, `tracker "${tracker.name}": phrase ${JSON.stringify(value)} has no words to match`);
        }
        continue;
      }
      const phrase = phraseValue.length;
      phraseValue.push(value);
      phraseTracker.push(t);
      const key = `${excluded}\u0002${stream.lemma.join('\u0001')}\u0002${stream.normal!.join('\u0001')}`;
      const known = patternIds.get(key);
      if (known !== undefined) {
        patternPhrases[known].push(phrase);
        continue;
      }
      patternIds.set(key, patternPhrases.length);
      patternPhrases.push([phrase]);
      patternExcluded.push(excluded);
      const features = phraseFeatures(stream, source);
      patternActs.push(features.acts);
      tokenFlags.push(...features.flags);
      for (let i = 0; i < stream.count; i++) {
        const lemma = stream.lemma[i];
        const lemmaId = lemmas.id(lemma);
        if (lemmaId === lemmaStem.length) lemmaStem.push(stems.id(stemOf(lemma)));
        tokenLemma.push(lemmaId);
        tokenStem.push(lemmaStem[lemmaId]);
        tokenNormal.push(stream.normal![i]);
      }
      patternStart.push(tokenLemma.length);
    }
  });

  const lemmaClass = new Uint8Array(lemmas.list.map(classOf));
  const patternCount = patternPhrases.length;
  const patternContent = new Uint8Array(patternCount);
  const patternNegated = new Uint8Array(patternCount);
  const patternWeight = new Float32Array(patternCount);
  const trie = new TrieBuilder(stems.list.length);
  const stemFrequency = new Int32Array(stems.list.length);
  const contentStems: number[][] = [];

  for (let q = 0; q < patternCount; q++) {
    const from = patternStart[q], to = patternStart[q + 1];
    let negators = 0, content = 0, weight = 0;
    const distinct = new Set<number>();
    for (let k = from; k < to; k++) {
      const cls = lemmaClass[tokenLemma[k]];
      if (cls === NEGATOR && !(tokenFlags[k] & PARTICLE)) negators++;
      if (isContentToken(cls, tokenFlags[k])) {
        content++;
        distinct.add(tokenStem[k]);
      }
      weight += tokenWeight(cls, tokenFlags[k]);
    }
    for (const stem of distinct) stemFrequency[stem]++;
    contentStems.push([...distinct]);
    patternContent[q] = Math.min(content, 255);
    patternNegated[q] = negators & 1;
    patternWeight[q] = weight;
    const stemSeq = tokenStem.slice(from, to);
    trie.insert(stemSeq, q, 0);
    // "I can't afford this" also matches "we can't afford this", starting at "can't".
    if (to - from >= 3 && SUBJECT_PRONOUNS.has(lemmas.list[tokenLemma[from]]) && content > 0) {
      trie.insert(stemSeq.slice(1), q, PRONOUN_DROPPED);
    }
  }

  const tokenContent = new Uint8Array(tokenLemma.length);
  const tokenShare = new Float32Array(tokenLemma.length);
  const tokenShareAfter = new Float32Array(tokenLemma.length);
  for (let q = 0; q < patternCount; q++) {
    let after = 0;
    for (let k = patternStart[q + 1] - 1; k >= patternStart[q]; k--) {
      const cls = lemmaClass[tokenLemma[k]];
      tokenContent[k] = isContentToken(cls, tokenFlags[k]) ? 1 : 0;
      tokenShare[k] = tokenWeight(cls, tokenFlags[k]);
      tokenShareAfter[k] = after += tokenShare[k];
    }
  }

  // Each pattern's words as the candidate check reads them: content-token stems, rarest first (a rare
  // stem is the one most likely missing from a message), then function-token stems with their weights.
  const checkStart = new Int32Array(patternCount + 1);
  const patternSignature = new Int32Array(patternCount);
  const checkContentEnd = new Int32Array(patternCount);
  const checkStem = new Int32Array(tokenLemma.length);
  const checkWeight = new Float32Array(tokenLemma.length);
  for (let q = 0, at = 0; q < patternCount; q++) {
    checkStart[q] = at;
    const content: number[] = [];
    for (let k = patternStart[q]; k < patternStart[q + 1]; k++) if (tokenContent[k]) content.push(tokenStem[k]);
    content.sort((a, b) => stemFrequency[a] - stemFrequency[b] || a - b);
    for (const stem of content) {
      patternSignature[q] |= signatureBit(stem);
      checkStem[at] = stem;
      checkWeight[at++] = 1;
    }
    checkContentEnd[q] = at;
    for (let k = patternStart[q]; k < patternStart[q + 1]; k++) {
      if (tokenContent[k]) continue;
      checkStem[at] = tokenStem[k];
      checkWeight[at++] = tokenShare[k];
    }
  }
  checkStart[patternCount] = tokenLemma.length;

  const anchors: number[][] = Array.from({ length: stems.list.length }, () => []);
  contentStems.forEach((list, q) => {
    // One anchor more than the content words a gap match may miss, so every pattern that can match has
    // an anchor in the message.
    const anchorCount = missableContent(patternContent[q]) + 1;
    const rarest = list.sort((a, b) => stemFrequency[a] - stemFrequency[b] || a - b).slice(0, anchorCount);
    for (const stem of rarest) anchors[stem].push(q);
  });
  const anchorLists = packLists(anchors);
  // Beside each anchor entry, what the candidate check reads first, so that most candidates are turned
  // away without reading anything of their pattern's own (scattered) data.
  const anchorSignature = new Int32Array(anchorLists.items.length);
  const anchorAllowed = new Uint8Array(anchorLists.items.length);
  anchorLists.items.forEach((q, k) => {
    anchorSignature[k] = patternSignature[q];
    anchorAllowed[k] = missableContent(patternContent[q]);
  });
  const phraseLists = packLists(patternPhrases);

  return {
    format: 1,
    trackerIds,
    trackerNames,
    phraseValue,
    phraseTracker: Int32Array.from(phraseTracker),
    patternPhraseStart: phraseLists.start,
    patternPhrase: phraseLists.items,
    patternStart: Int32Array.from(patternStart),
    patternContent,
    patternNegated,
    patternWeight,
    patternExcluded: Uint8Array.from(patternExcluded),
    patternActs: Uint8Array.from(patternActs),
    tokenFlags: Uint8Array.from(tokenFlags),
    tokenContent,
    tokenShare,
    tokenShareAfter,
    tokenLemma: Int32Array.from(tokenLemma),
    tokenStem: Int32Array.from(tokenStem),
    tokenNormal,
    lemmas: lemmas.list,
    lemmaStem: Int32Array.from(lemmaStem),
    lemmaClass,
    stems: stems.list,
    trie: trie.pack(),
    checkStart,
    checkContentEnd,
    checkStem,
    checkWeight,
    anchorStart: anchorLists.start,
    anchorPattern: anchorLists.items,
    anchorSignature,
    anchorAllowed,
  };
}
