// Trackers -> the compiled index: every phrase normalized once, phrases that normalize alike merged
// into one pattern, a trie over pattern stem sequences for the contiguous tiers, and an anchor list
// (rarest content stems) for the gap and fuzzy tiers.
import { ErrorCode, MatcherError } from './errors.js';
import { NEGATOR, SUBJECT_PRONOUNS, classOf } from './lexicon.js';
import { readPhraseTokens, type TokenSource } from './nlp.js';
import { MISSABLE, PARTICLE, THING, THING_PRONOUNS, isContentToken, missableContent, phraseFeatures, signatureBit, tokenWeight, type PhraseFeatures } from './features.js';
import { FRAME_GROUPS, swappableFrameAt } from './frames.js';
import { mainClauseEnd, mayOpenClause } from './main-clause.js';
import { MAX_PARAPHRASED, PARAPHRASES, THING_NAMED, paraphrasesIn } from './paraphrases.js';
import { SENTENCE_BEFORE, normalize, type TokenStream } from './normalize.js';
import { stemOf } from './stem.js';
import { trackerIdFor } from './tracker-id.js';
import { IntList } from './int-list.js';
import { PatternSet } from './pattern-set.js';
import { TrieBuilder } from './trie.js';
import type { CompileOptions, CompiledIndex, Tracker } from './types.js';
import { checkTrackers } from './validate.js';

/** Trie entry flag: the pattern without its leading subject pronoun. */
export const PRONOUN_DROPPED = 1;
/**
 * A trie entry of a phrase said otherwise: its offer frame as another ("what would you like" for "what
 * can I get you"), or a thing pronoun as another ("Is that correct" for "Is this correct").
 */
export const SAID_OTHERWISE = 2;
/**
 * A trie entry said otherwise whose "it" a message may say as a noun phrase naming the thing ("How much is
 * the pro plan?" for "How much is it?"; paraphrases.ts THING_NAMED, tiers/contiguous.ts).
 */
export const NAMES_THING = 4;
/** With NAMES_THING: the phrase as written, entered again only for a message that names its thing. */
export const NAMED_ONLY = 8;
/** The PatternSet key of a main clause's pattern, kept apart from a phrase's own pattern of the same words. */
const MAIN_CLAUSE = 2;
/** A phrase with more thing pronouns than this gets no variants of them (their number grows as 3^n). */
const MAX_THING_SWAPS = 2;
const THING_GROUP: ReadonlyArray<readonly string[]> = THING_PRONOUNS.map((word) => [word]);

/** A place in a pattern's tokens (from `at`, `length` of them) that may say any member of `group` (insertVariants). */
interface Place {
  at: number;
  length: number;
  group: ReadonlyArray<readonly string[]>;
}

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

/** CSR layout of 0..count-1 grouped by `groupOf`, in order within each group (a counting sort). */
function groupBy(groupOf: Int32Array, count: number): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(count + 1);
  for (const g of groupOf) start[g + 1]++;
  for (let g = 0; g < count; g++) start[g + 1] += start[g];
  const fill = start.slice(0, count);
  const items = new Int32Array(groupOf.length);
  groupOf.forEach((g, k) => (items[fill[g]++] = k));
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
  const normals = new Vocabulary();
  const lemmaStem: number[] = [];

  const trackerIds: string[] = [];
  const trackerNames: string[] = [];
  const phraseValue: string[] = [];
  const phraseTracker = new IntList();
  // (pattern, phrase) pairs: a phrase is in its own pattern and in its main clause's, if it has one.
  const pairPattern = new IntList(), pairPhrase = new IntList();
  /** Per pattern: its main clause's pattern (main-clause.ts), -1 if none. */
  const mainClauseOf = new IntList();
  let phraseCount = 0;
  for (const tracker of trackers) phraseCount += tracker.vocabulary.length + (tracker.excludeVocabulary?.length ?? 0);
  const patterns = new PatternSet(phraseCount);
  let lemmaIds = new Int32Array(64), normalIds = new Int32Array(64);
  const tokenStemList = new IntList();
  const tokenFlagList = new IntList();
  const patternActs = new IntList();

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
      const source = readPhraseTokens(value);
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
      const count = stream.count;
      if (count > lemmaIds.length) {
        lemmaIds = new Int32Array(count * 2);
        normalIds = new Int32Array(count * 2);
      }
      for (let i = 0; i < count; i++) {
        const lemma = stream.lemma[i];
        const lemmaId = lemmas.id(lemma);
        if (lemmaId === lemmaStem.length) lemmaStem.push(stems.id(stemOf(lemma)));
        lemmaIds[i] = lemmaId;
        normalIds[i] = normals.id(stream.normal![i]);
      }
      const known = patterns.count;
      const q = patterns.idOf(lemmaIds, normalIds, count, excluded);
      pairPattern.push(q);
      pairPhrase.push(phrase);
      if (q < known) {
        if (mainClauseOf.items[q] >= 0) {
          pairPattern.push(mainClauseOf.items[q]);
          pairPhrase.push(phrase);
        }
        continue;
      }
      const features = addPattern(stream, source, count);
      mainClauseOf.push(-1);
      // "We have a special promotion going on if you book this before" also as its main clause alone, a
      // pattern of its own (never exact) that every tier matches. Not of an excluded phrase: it would
      // exclude more than the phrase says.
      const mainEnd = excluded || !mayOpenClause(stream.lemma, stream.normal!, count) ? -1 : mainClauseEnd({
        count,
        lemma: (k) => stream.lemma[k],
        normal: (k) => stream.normal![k],
        isContent: (k) => isContentToken(classOf(stream.lemma[k]), features.flags[k]) && !(features.flags[k] & MISSABLE),
        opensSentence: (k) => (stream.flags[k] & SENTENCE_BEFORE) !== 0,
      });
      if (mainEnd < 0) continue;
      const main = patterns.idOf(lemmaIds, normalIds, mainEnd, MAIN_CLAUSE);
      mainClauseOf.items[q] = main;
      pairPattern.push(main);
      pairPhrase.push(phrase);
      if (main <= q) continue;
      addPattern({ ...stream, count: mainEnd }, source, mainEnd);
      mainClauseOf.push(-1);
    }
  });

  /** A new pattern's acts and tokens' stems and flags, from its stream (the first `count` tokens). */
  function addPattern(stream: TokenStream, source: TokenSource, count: number): PhraseFeatures {
    const features = phraseFeatures(stream, source);
    patternActs.push(features.acts);
    for (let i = 0; i < count; i++) {
      tokenStemList.push(lemmaStem[lemmaIds[i]]);
      tokenFlagList.push(features.flags[i]);
    }
    return features;
  }

  // The words of every frame, paraphrase and thing pronoun have ids, so that a phrase's can be swapped for
  // another of its group (below).
  for (const words of [...FRAME_GROUPS.flat(), ...PARAPHRASES.flat(), THING_PRONOUNS]) {
    for (const word of words) if (lemmas.id(word) === lemmaStem.length) lemmaStem.push(stems.id(stemOf(word)));
  }
  const lemmaClass = new Uint8Array(lemmas.list.map(classOf));
  const patternCount = patterns.count;
  const tokenLemma = patterns.lemma.toArray();
  const tokenStem = tokenStemList.toArray();
  const tokenFlags = Uint8Array.from(tokenFlagList.toArray());
  const patternStart = patterns.start.toArray();
  const patternContent = new Uint8Array(patternCount);
  const patternNegated = new Uint8Array(patternCount);
  const patternWeight = new Float32Array(patternCount);
  const tokenCount = tokenLemma.length;
  // Shared prefixes leave about one edge per two tokens in real vocabularies (the table grows if not).
  const trie = new TrieBuilder({ stemCount: stems.list.length, edges: tokenCount >> 1 });
  const stemFrequency = new Int32Array(stems.list.length);
  const stemSeen = new Int32Array(stems.list.length).fill(-1);
  const tokenContent = new Uint8Array(tokenCount);
  const tokenShare = new Float32Array(tokenCount);
  const tokenShareAfter = new Float32Array(tokenCount);

  for (let q = 0; q < patternCount; q++) {
    const from = patternStart[q], to = patternStart[q + 1];
    let negators = 0, content = 0, weight = 0, others = 0;
    for (let k = from; k < to; k++) {
      if (!isContentToken(lemmaClass[tokenLemma[k]], tokenFlags[k])) continue;
      if (!(tokenFlags[k] & MISSABLE)) others++;
    }
    for (let k = to - 1; k >= from; k--) {
      const cls = lemmaClass[tokenLemma[k]];
      if (cls === NEGATOR && !(tokenFlags[k] & PARTICLE)) negators++;
      const isContent = isContentToken(cls, tokenFlags[k]);
      if (isContent) content++;
      // An -ly adverb or a count counts toward the content words a match may miss, but is not one of those that
      // must be there (nor an anchor, nor in the candidate checks' content list), unless the phrase has
      // no other content word ("it'll be out shortly").
      if (isContent && !(tokenFlags[k] & MISSABLE && others > 0)) {
        tokenContent[k] = 1;
        // Counted once per pattern that has it.
        if (stemSeen[tokenStem[k]] !== q) {
          stemSeen[tokenStem[k]] = q;
          stemFrequency[tokenStem[k]]++;
        }
      }
      tokenShare[k] = tokenWeight(cls, tokenFlags[k]);
      tokenShareAfter[k] = weight += tokenShare[k];
    }
    patternContent[q] = Math.min(content, 255);
    patternNegated[q] = negators & 1;
    patternWeight[q] = weight;
    const stemSeq = tokenStem.subarray(from, to);
    // (A main clause is never the phrase as written.)
    const own = patterns.excluded.items[q] === MAIN_CLAUSE ? SAID_OTHERWISE : 0;
    trie.insert(stemSeq, q, own);
    // "I can't afford this" also matches "we can't afford this", starting at "can't".
    const drops = to - from >= 3 && SUBJECT_PRONOUNS.has(lemmas.list[tokenLemma[from]]) && content > 0;
    if (drops) trie.insert(stemSeq.subarray(1), q, PRONOUN_DROPPED | own);
    insertFrameSwaps(trie, q, from, to);
    // (Not in a word or two of nothing else: "it" is no "that".)
    if (content > 0 || to - from >= 3) insertThingSwaps(trie, q, from, to, drops);
    // A multi-word way of saying something said another way of its group (paraphrases.ts): "anything
    // else I can help you with" also as "anything else I can do for you".
    const wordAt = (k: number): string => lemmas.list[tokenLemma[k]];
    const paraphrased = paraphrasesIn(wordAt, from, to);
    if (paraphrased.length <= MAX_PARAPHRASED) insertVariants(trie, q, from, to, paraphrased, drops);
  }

  // Every choice of a member of its group at each place (from `at`, `length` of the pattern's tokens),
  // the pattern's own (every place as written) left out: each a contiguous entry of the same pattern,
  // found as a similar match, and without the leading subject where the pattern's own is entered so.
  function insertVariants(builder: TrieBuilder, q: number, from: number, to: number, places: readonly Place[], drops: boolean): void {
    const word = (k: number): string => lemmas.list[tokenLemma[k]];
    const choices = places.reduce((product, place) => product * place.group.length, places.length === 0 ? 0 : 1);
    for (let choice = 0; choice < choices; choice++) {
      const stems: number[] = [];
      let changed = false, k = from, rest = choice, flags = SAID_OTHERWISE;
      for (const { at, length, group } of places) {
        for (; k < at; k++) stems.push(tokenStem[k]);
        const words = group[rest % group.length];
        rest = Math.floor(rest / group.length);
        if (!(words.length === length && words.every((w, i) => word(at + i) === w))) changed = true;
        if (THING_NAMED.has(group) && words.includes('it')) flags |= NAMES_THING;
        for (const w of words) stems.push(lemmaStem[lemmas.id(w)]);
        k = at + length;
      }
      for (; k < to; k++) stems.push(tokenStem[k]);
      // "How much is it?" as written is found by its own entry; naming its thing, by this one.
      if (!changed && flags & NAMES_THING) flags |= NAMED_ONLY;
      else if (!changed) continue;
      const variant = Int32Array.from(stems);
      builder.insert(variant, q, flags);
      if (drops && places[0].at > from) builder.insert(variant.subarray(1), q, flags | PRONOUN_DROPPED);
    }
  }

  // "it", "this" and "that" say a thing alike (features.ts THING): "We can't afford it" for "I can't
  // afford this".
  function insertThingSwaps(builder: TrieBuilder, q: number, from: number, to: number, drops: boolean): void {
    const places: Place[] = [];
    // Not a last word after "be": "How is this" is no "how is it going".
    for (let k = from; k < to; k++) {
      if (tokenFlags[k] & THING && !(k === to - 1 && k > from && lemmas.list[tokenLemma[k - 1]] === 'be')) places.push({ at: k, length: 1, group: THING_GROUP });
    }
    if (places.length <= MAX_THING_SWAPS) insertVariants(builder, q, from, to, places, drops);
  }

  // An offer is said with any of its frames: "What can I get you" is also found as "what would you like",
  // "Can I get you anything else" as "do you want anything else" (after words that weigh nothing, and an
  // opening "what"); so is what the speaker will do: "let me transfer you" as "I'll transfer you"
  // (frames.ts FRAME_GROUPS).
  function insertFrameSwaps(builder: TrieBuilder, q: number, from: number, to: number): void {
    const word = (k: number): string => lemmas.list[tokenLemma[k]];
    let start = from;
    while (start < to && tokenShare[start] === 0) start++;
    if (start < to && word(start) === 'what') start++;
    const found = swappableFrameAt(word, start, to);
    if (found !== undefined) insertVariants(builder, q, from, to, [{ at: start, length: found.frame.length, group: found.group }], false);
  }

  // Each pattern's words as the candidate check reads them: content-token stems, rarest first (a rare
  // stem is the one most likely missing from a message), then function-token stems with their weights.
  // Its anchors are its first distinct content stems in that order: one more than the content words a
  // gap match may miss, so every pattern that can match has an anchor in the message.
  const checkStart = new Int32Array(patternCount + 1);
  const patternSignature = new Int32Array(patternCount);
  const checkContentEnd = new Int32Array(patternCount);
  const checkStem = new Int32Array(tokenCount);
  const checkWeight = new Float32Array(tokenCount);
  const anchorStem = new IntList(), anchorOf = new IntList();
  // Ties go to the stem seen later: a phrase's object ("mocha" of "Can I get a mocha") says more than its verb.
  const rarer = (a: number, b: number): boolean => stemFrequency[a] < stemFrequency[b] || (stemFrequency[a] === stemFrequency[b] && a > b);
  for (let q = 0, at = 0; q < patternCount; q++) {
    checkStart[q] = at;
    for (let k = patternStart[q]; k < patternStart[q + 1]; k++) {
      if (!tokenContent[k]) continue;
      // Insertion sort: a pattern has a few content words.
      let i = at++;
      for (; i > checkStart[q] && rarer(tokenStem[k], checkStem[i - 1]); i--) checkStem[i] = checkStem[i - 1];
      checkStem[i] = tokenStem[k];
    }
    checkContentEnd[q] = at;
    let anchorsLeft = missableContent(patternContent[q]) + 1;
    for (let i = checkStart[q]; i < at; i++) {
      patternSignature[q] |= signatureBit(checkStem[i]);
      checkWeight[i] = 1;
      if (anchorsLeft > 0 && (i === checkStart[q] || checkStem[i] !== checkStem[i - 1])) {
        anchorStem.push(checkStem[i]);
        anchorOf.push(q);
        anchorsLeft--;
      }
    }
    for (let k = patternStart[q]; k < patternStart[q + 1]; k++) {
      if (tokenContent[k]) continue;
      checkStem[at] = tokenStem[k];
      checkWeight[at++] = tokenShare[k];
    }
  }
  checkStart[patternCount] = tokenCount;

  // Patterns under each anchor stem, in pattern order.
  const byStem = groupBy(anchorStem.toArray(), stems.list.length);
  const anchorPattern = new Int32Array(byStem.items.length);
  // Beside each anchor entry, what the candidate check reads first, so that most candidates are turned
  // away without reading anything of their pattern's own (scattered) data.
  const anchorSignature = new Int32Array(anchorPattern.length);
  const anchorAllowed = new Uint8Array(anchorPattern.length);
  byStem.items.forEach((entry, k) => {
    const q = anchorOf.items[entry];
    anchorPattern[k] = q;
    anchorSignature[k] = patternSignature[q];
    anchorAllowed[k] = missableContent(patternContent[q]);
  });
  const pairs = groupBy(pairPattern.toArray(), patternCount);
  const pairPhrases = pairPhrase.toArray();
  const phraseLists = { start: pairs.start, items: pairs.items.map((pair) => pairPhrases[pair]) };

  return {
    format: 2,
    trackerIds,
    trackerNames,
    phraseValue,
    phraseTracker: phraseTracker.toArray(),
    patternPhraseStart: phraseLists.start,
    patternPhrase: phraseLists.items,
    patternStart,
    patternContent,
    patternNegated,
    patternWeight,
    patternExcluded: Uint8Array.from(patterns.excluded.toArray(), (key) => (key === 1 ? 1 : 0)),
    patternActs: Uint8Array.from(patternActs.toArray()),
    tokenFlags,
    tokenContent,
    tokenShare,
    tokenShareAfter,
    tokenLemma,
    tokenStem,
    tokenNormal: patterns.normal.toArray(),
    normals: normals.list,
    lemmas: lemmas.list,
    lemmaStem: Int32Array.from(lemmaStem),
    lemmaClass,
    stems: stems.list,
    trie: trie.pack(),
    checkStart,
    checkContentEnd,
    checkStem,
    checkWeight,
    anchorStart: byStem.start,
    anchorPattern,
    anchorSignature,
    anchorAllowed,
  };
}
