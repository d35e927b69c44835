// Per-index state that is not part of the plain compiled data: string -> id maps, words met in messages
// but not in any phrase, fuzzy neighbor caches, and scratch buffers reused for every message.
import { anchorChecksOf } from './anchor-checks.js';
import { BestHits } from './best-hits.js';
import { DEFAULTS } from './defaults.js';
import { CONTENT, SUBJECT_PRONOUNS, classOf, sameSideOf } from './lexicon.js';
import { NAME, OPTIONAL } from './features.js';
import { scopeOf } from './negation.js';
import { abilityOf, antonymsOf, genericsOf, synonymsOf } from './synonyms.js';
import { framesOf, type Frames } from './frames.js';
import { REQUEST_VERBS, requestRoleAt, wantsAfter } from './requests.js';
import { MessageMemo } from './message-memo.js';
import type { SharedMemoView } from './shared-memo.js';
import { isDerivedForm, isDoubledEnding, stemOf } from './stem.js';
import { FuzzyIndex, type Neighbors } from './tiers/fuzzy.js';
import { ABILITY, REQUEST, wordTraitsOf, wordTraitsOfLemma } from './tiers/word-traits.js';
import { childStemBits } from './trie.js';
import type { CompiledIndex } from './types.js';

export interface Runtime {
  readonly index: CompiledIndex;
  /** Two more content stems beside each anchor entry (see anchor-checks.ts). */
  readonly anchorChecks: Int32Array;
  /** Traits of each phrase lemma (tiers/word-traits.ts). */
  readonly wordTraits: Uint8Array;
  /** Traits of any lemma id, a message's words included. */
  traitsOfId(id: number): number;
  /** Per trie node, the stems of its children as a 32-bit set (trie.ts, childStemBits). */
  readonly trieChildBits: Int32Array;
  /** Stem id of "it", which a message may say as the thing it names (tiers/contiguous.ts, walkNamed). */
  readonly thingStem: number;
  /** Lemma id of a word: phrase words first, then words met only in messages (ids >= index.lemmas.length). */
  lemmaId(word: string): number;
  wordOf(id: number): string;
  stemOfId(id: number): number;
  classOfId(id: number): number;
  /** How the word bears on a negation's reach (negation.ts). */
  scopeOfId(id: number): number;
  neighborsOf(id: number): Neighbors;
  /** A request verb's neighbours: its fuzzy ones and the phrases' other request verbs (requests.ts). */
  requestNeighborsOf(id: number): Neighbors;
  /**
   * A light word's neighbours, or null: its word of ability ("could" -> "able") and its antonyms among the
   * phrases' content words ("right" -> "wrong").
   */
  lightNeighborsOf(id: number): Neighbors | null;
  /**
   * Per phrase token: a request verb of the speaker's ("can I get", ASKS) or of an offer ("would you
   * like", OFFERS), which another of the same role may stand for. Made on first use: only a message's
   * request verb is compared with it.
   */
  requestTokens(): Uint8Array;
  /** The offer and request frames the phrases open with (frames.ts). Made on first use. */
  frames(): Frames;
  /**
   * Per phrase token: 1 for a subject pronoun of a verb of wanting ("I" of "I would like"; requests.ts,
   * wantsAfter), whom a message's other side may not stand for. Made on first use.
   */
  wantingSubjects(): Uint8Array;
  /** Per pattern: the weight of its optional words (features.ts OPTIONAL), which a match may leave out. Made on first use. */
  optionalShares(): Float32Array;
  /** Per phrase lemma: some phrase names an item by it ("a Mocha"), so a message's "a mocha" is one too. */
  readonly namedLemma: Uint8Array;
  /** Whether two lemma ids with one stem are forms of one word (see isDerivedForm). */
  derived(a: number, b: number): boolean;
  /** Whether two lemma ids with one stem are one word misspelled (see isDoubledEnding). */
  doubled(a: number, b: number): boolean;
  /** Forget message-only words when too many have been seen; call between messages. */
  trim(): void;
  readonly scratch: Scratch;
  /** Matches of the message texts met so far. */
  readonly memo: MessageMemo;
  /** The memo this thread shares with others matching with the same index (shareMemo), if any. */
  shared: SharedMemoView | null;
}

/** The phrases' written forms of their words, with the lemma id of each, once each. */
function writtenForms(index: CompiledIndex): Array<[string, number]> {
  const seen = new Set<string>();
  const forms: Array<[string, number]> = [];
  for (let k = 0; k < index.tokenLemma.length; k++) {
    const form = index.normals[index.tokenNormal[k]], id = index.tokenLemma[k];
    const key = `${form} ${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    forms.push([form, id]);
  }
  return forms;
}

/**
 * Phrase words as written that are no phrase's lemma, each with the one lemma the phrases give it: wink-nlp
 * lemmatizes by its part-of-speech guess, which a short phrase and a message often make differently
 * ("lower the price": the adjective "low"; "can you lower the price": the verb "lower"), and leaves a
 * capitalized first word as written ("Worst service ever": "worst", where "worst service" has "bad"). A
 * message word read as such a lemma is the phrase's word. A form the phrases give two lemmas is left out.
 */
function writtenAliases(index: CompiledIndex, lemmaIds: ReadonlyMap<string, number>): Map<string, number> {
  const aliases = new Map<string, number>();
  for (let k = 0; k < index.tokenLemma.length; k++) {
    const form = index.normals[index.tokenNormal[k]], id = index.tokenLemma[k];
    if (lemmaIds.has(form)) continue;
    const seen = aliases.get(form);
    aliases.set(form, seen === undefined || seen === id ? id : -1);
  }
  for (const [form, id] of aliases) if (id < 0) aliases.delete(form);
  return aliases;
}

/** Per phrase token, the role of a request verb (requests.ts, requestRoleAt): ASKS, OFFERS or 0. */
function requestTokensOf(index: CompiledIndex, traits: Uint8Array): Uint8Array {
  const requestAt = new Uint8Array(index.tokenLemma.length);
  const phraseWord = (t: number): string => index.lemmas[index.tokenLemma[t]];
  for (let q = 0; q + 1 < index.patternStart.length; q++) {
    const from = index.patternStart[q], to = index.patternStart[q + 1];
    // Only a request verb's own tokens are read again (most phrase tokens are not one).
    for (let k = from; k < to; k++) if (traits[index.tokenLemma[k]] & REQUEST) requestAt[k] = requestRoleAt(phraseWord, from, k, to);
  }
  return requestAt;
}

function optionalSharesOf(index: CompiledIndex): Float32Array {
  const shares = new Float32Array(index.patternStart.length - 1);
  for (let q = 0; q < shares.length; q++) {
    for (let k = index.patternStart[q]; k < index.patternStart[q + 1]; k++) if (index.tokenFlags[k] & OPTIONAL) shares[q] += index.tokenShare[k];
  }
  return shares;
}

function wantingSubjectsOf(index: CompiledIndex): Uint8Array {
  const subjects = new Uint8Array(index.tokenLemma.length);
  const phraseWord = (t: number): string => index.lemmas[index.tokenLemma[t]];
  for (let q = 0; q + 1 < index.patternStart.length; q++) {
    const to = index.patternStart[q + 1];
    for (let k = index.patternStart[q]; k < to; k++) if (SUBJECT_PRONOUNS.has(phraseWord(k)) && wantsAfter(phraseWord, k, to)) subjects[k] = 1;
  }
  return subjects;
}

/**
 * Lemmas the phrases write as names often enough to be items ("Mocha", "Cortado"): a quarter of their
 * uses or more. Fewer are capitals at the start of a phrase ("Order", "Great").
 */
function namedLemmasOf(index: CompiledIndex): Uint8Array {
  const { tokenLemma, tokenFlags } = index;
  const named = new Uint32Array(index.lemmas.length), uses = new Uint32Array(index.lemmas.length);
  for (let k = 0; k < tokenLemma.length; k++) {
    uses[tokenLemma[k]]++;
    if (tokenFlags[k] & NAME) named[tokenLemma[k]]++;
  }
  const out = new Uint8Array(named.length);
  for (let lemma = 0; lemma < named.length; lemma++) if (named[lemma] > 0 && named[lemma] * DEFAULTS.namedShare >= uses[lemma]) out[lemma] = 1;
  return out;
}

/** Buffers sized to the index, stamped with a message serial instead of being cleared. */
export interface Scratch {
  serial: number;
  readonly stemSeen: Uint32Array;
  /** Stems whose anchor list this message has read. */
  readonly stemAnchored: Uint32Array;
  readonly patternSeen: Uint32Array;
  /**
   * The tokens each stem of the message is at (its own or a fuzzy neighbour's), as bit sets of
   * `stemTokenWords` 32-bit words each: those of stem s (when stemSeen[s] is the message's serial) at
   * stemTokens[stemSlot[s] * stemTokenWords ...]. Alignment reads a pattern's positions from them instead
   * of scanning the message.
   */
  readonly stemSlot: Int32Array;
  stemTokens: Uint32Array;
  stemTokenWords: number;
  /** The best hit of each pattern in the current message, stamped with `serial`. */
  readonly best: BestHits;
  /**
   * Phrases given a row in the current message (stamped with `serial`) and the row: a phrase in two
   * patterns (its own and its main clause's) gets one, the better. Empty where no phrase is in two.
   */
  readonly phraseStamp: Uint32Array;
  readonly phraseRow: Int32Array;
}

const runtimes = new WeakMap<CompiledIndex, Runtime>();

export function runtimeFor(index: CompiledIndex): Runtime {
  let runtime = runtimes.get(index);
  if (runtime === undefined) {
    runtime = createRuntime(index);
    runtimes.set(index, runtime);
  }
  return runtime;
}

function createRuntime(index: CompiledIndex): Runtime {
  const known = index.lemmas.length;
  const lemmaIds = new Map<string, number>();
  index.lemmas.forEach((lemma, id) => lemmaIds.set(lemma, id));
  const synonymIds = new Map(lemmaIds);
  for (const [form, id] of writtenAliases(index, lemmaIds)) lemmaIds.set(form, id);
  const stemIds = new Map<string, number>();
  index.stems.forEach((stem, id) => stemIds.set(stem, id));
  /** `near` with those of `words` that are phrase lemmas `accept` lets in appended, each at `sim`; null for none. */
  const appended = (near: Neighbors, words: readonly string[], sim: number, accept: (id: number) => boolean): Neighbors | null => {
    if (words.length === 0) return null;
    const lemmas = Array.from(near.lemmas), sims = Array.from(near.sims);
    for (const word of words) {
      const id = synonymIds.get(word);
      if (id === undefined || !accept(id) || lemmas.includes(id)) continue;
      lemmas.push(id);
      sims.push(sim);
    }
    return lemmas.length === near.lemmas.length ? null : { lemmas: Int32Array.from(lemmas), sims: Float32Array.from(sims) };
  };
  /** A word's fuzzy neighbours and the phrases' content words that are its synonyms (of another stem). */
  const withSynonyms = (near: Neighbors, word: string, stem: number): Neighbors =>
    appended(near, synonymsOf(word), DEFAULTS.synonymSimilarity, (id) => index.lemmaClass[id] === CONTENT && index.lemmaStem[id] !== stem) ?? near;
  /** Then the general nouns of which the word names a kind, after all others. */
  const withKinds = (near: Neighbors, word: string, stem: number): Neighbors => {
    const more = appended(near, genericsOf(word), DEFAULTS.kindSimilarity, (id) => index.lemmaStem[id] !== stem);
    return more === null ? near : { ...more, kindsFrom: near.lemmas.length };
  };
  /** The phrases' word of ability the word stands for ("able" for "can"), with the synonyms' weight. */
  const withAbility = (near: Neighbors, word: string): Neighbors => appended(near, abilityOf(word), DEFAULTS.synonymSimilarity, () => true) ?? near;
  /** The phrases' pronoun of the speaker's that the word stands for ("we" for "I"). */
  const withSide = (near: Neighbors, word: string): Neighbors => appended(near, sameSideOf(word), DEFAULTS.sideSimilarity, () => true) ?? near;
  /** Then the phrases' content words (or "can": "unable" for "can't") that mean what the word does with a negation, last of all. */
  const withAntonyms = (near: Neighbors, word: string, stem: number): Neighbors => {
    const accept = (id: number) => (index.lemmaClass[id] === CONTENT || (knownTraits[id] & ABILITY) !== 0) && index.lemmaStem[id] !== stem;
    const more = appended(near, antonymsOf(word), DEFAULTS.synonymSimilarity, accept);
    return more === null ? near : { ...more, kindsFrom: near.kindsFrom ?? near.lemmas.length, antonymsFrom: near.lemmas.length };
  };

  let extraIds = new Map<string, number>();
  let extraWords: string[] = [];
  let extraStem: number[] = [];
  let extraClass: number[] = [];
  const knownScope = Uint8Array.from(index.lemmas, scopeOf);
  let extraScope: number[] = [];
  const knownTraits = wordTraitsOf(index.lemmas);
  let extraTraits: number[] = [];
  let extraNeighbors: Array<Neighbors | undefined> = [];
  const knownNeighbors: Array<Neighbors | undefined> = new Array(known);
  let fuzzy: FuzzyIndex | undefined;
  let derivedPairs = new Map<number, boolean>();
  let requestNeighbors = new Map<number, Neighbors>();
  let lightNeighbors = new Map<number, Neighbors | null>();
  // The phrases' request verbs that a message's may stand for, as lemma ids.
  const requestIds = REQUEST_VERBS.map((verb) => synonymIds.get(verb) ?? -1).filter((id) => id >= 0);
  const namedLemma = namedLemmasOf(index);
  let requestAt: Uint8Array | undefined;
  let frames: Frames | undefined;
  let wanting: Uint8Array | undefined;
  let optionals: Float32Array | undefined;

  const sharedPhrases = index.patternPhrase.length > index.phraseValue.length;
  const scratch: Scratch = {
    serial: 0,
    stemSeen: new Uint32Array(index.stems.length),
    stemAnchored: new Uint32Array(index.stems.length),
    patternSeen: new Uint32Array(index.patternExcluded.length),
    stemSlot: new Int32Array(index.stems.length),
    stemTokens: new Uint32Array(256),
    stemTokenWords: 1,
    best: new BestHits(index.patternExcluded.length),
    phraseStamp: new Uint32Array(sharedPhrases ? index.phraseValue.length : 0),
    phraseRow: new Int32Array(sharedPhrases ? index.phraseValue.length : 0),
  };

  return {
    index,
    anchorChecks: anchorChecksOf(index),
    wordTraits: knownTraits,
    trieChildBits: childStemBits(index.trie),
    // (compile.ts gives every thing pronoun an id.)
    thingStem: index.lemmaStem[lemmaIds.get('it') ?? -1] ?? -1,
    scratch,
    memo: new MessageMemo(),
    shared: null,
    lemmaId(word) {
      const id = lemmaIds.get(word);
      if (id !== undefined) return id;
      let extra = extraIds.get(word);
      if (extra === undefined) {
        extra = extraWords.length;
        extraIds.set(word, extra);
        extraWords.push(word);
        extraStem.push(stemIds.get(stemOf(word)) ?? -1);
        extraClass.push(classOf(word));
        extraScope.push(scopeOf(word));
        extraTraits.push(wordTraitsOfLemma(word));
        extraNeighbors.push(undefined);
      }
      return known + extra;
    },
    wordOf: (id) => (id < known ? index.lemmas[id] : extraWords[id - known]),
    stemOfId: (id) => (id < known ? index.lemmaStem[id] : extraStem[id - known]),
    classOfId: (id) => (id < known ? index.lemmaClass[id] : extraClass[id - known]),
    scopeOfId: (id) => (id < known ? knownScope[id] : extraScope[id - known]),
    traitsOfId: (id) => (id < known ? knownTraits[id] : extraTraits[id - known]),
    neighborsOf(id) {
      const cache = id < known ? knownNeighbors : extraNeighbors;
      const slot = id < known ? id : id - known;
      let found = cache[slot];
      if (found === undefined) {
        fuzzy ??= new FuzzyIndex(index.lemmas, index.lemmaClass, index.lemmaStem, writtenForms(index));
        const word = this.wordOf(id), stem = id < known ? index.lemmaStem[id] : extraStem[id - known];
        found = withAntonyms(withKinds(withSynonyms(withAbility(fuzzy.neighbors(word, id, stem), word), word, stem), word, stem), word, stem);
        cache[slot] = found;
      }
      return found;
    },
    lightNeighborsOf(id) {
      let found = lightNeighbors.get(id);
      if (found === undefined) {
        const none: Neighbors = { lemmas: new Int32Array(0), sims: new Float32Array(0) };
        const word = this.wordOf(id);
        const near = withAntonyms(withSide(withAbility(none, word), word), word, this.stemOfId(id));
        found = near === none ? null : near;
        lightNeighbors.set(id, found);
      }
      return found;
    },
    requestNeighborsOf(id) {
      let found = requestNeighbors.get(id);
      if (found === undefined) {
        const fuzzyOnes = this.classOfId(id) === CONTENT ? this.neighborsOf(id) : undefined;
        const lemmas = [...(fuzzyOnes?.lemmas ?? [])], sims = [...(fuzzyOnes?.sims ?? [])];
        for (const other of requestIds) {
          if (other === id || lemmas.includes(other)) continue;
          lemmas.push(other);
          sims.push(DEFAULTS.stemSimilarity);
        }
        found = withAbility({ lemmas: Int32Array.from(lemmas), sims: Float32Array.from(sims) }, this.wordOf(id));
        requestNeighbors.set(id, found);
      }
      return found;
    },
    requestTokens() {
      return (requestAt ??= requestTokensOf(index, knownTraits));
    },
    frames() {
      return (frames ??= framesOf(index));
    },
    wantingSubjects() {
      return (wanting ??= wantingSubjectsOf(index));
    },
    optionalShares() {
      return (optionals ??= optionalSharesOf(index));
    },
    namedLemma,
    derived(a, b) {
      const key = a * 0x200000 + b;
      let same = derivedPairs.get(key);
      if (same === undefined) derivedPairs.set(key, (same = isDerivedForm(this.wordOf(a), this.wordOf(b))));
      return same;
    },
    doubled(a, b) {
      return isDoubledEnding(this.wordOf(a), this.wordOf(b));
    },
    trim() {
      if (extraWords.length <= DEFAULTS.unknownWordCacheSize) return;
      extraIds = new Map();
      derivedPairs = new Map();
      requestNeighbors = new Map();
      lightNeighbors = new Map();
      extraWords = [];
      extraStem = [];
      extraClass = [];
      extraScope = [];
      extraTraits = [];
      extraNeighbors = [];
    },
  };
}
