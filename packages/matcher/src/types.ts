/** A tracker as Symbl's Management API takes it. `id` is optional: compile derives a stable one from the name. */
export interface Tracker {
  id?: string;
  name: string;
  vocabulary: string[];
  /** A message that matches one of these phrases yields no match for this tracker. */
  excludeVocabulary?: string[];
}

/** A message in Symbl's Conversation API shape; fields other than id and text are ignored. */
export interface Message {
  id: string;
  text: string;
  [field: string]: unknown;
}

export type TierName = 'exact' | 'lemma' | 'stem' | 'gap' | 'fuzzy';

export interface MessageRef {
  id: string;
  text: string;
  /** Start of the matched span in `text` (UTF-16 code units), or -1 for a contextually similar match. */
  offset: number;
  /** Present only with `details: true`. */
  score?: number;
  tier?: TierName;
}

export interface InsightRef {
  id: string;
  text: string;
  offset: number;
  type: string;
}

export interface TrackerMatch {
  type: 'vocabulary';
  value: string;
  messageRefs: MessageRef[];
  insightRefs: InsightRef[];
}

/** One entry of Symbl's trackers-detected array. */
export interface TrackerDetected {
  id: string;
  name: string;
  matches: TrackerMatch[];
}

/** A trackers-detected array as JSON text (see matchJson). */
export interface TrackersDetectedJson {
  json: string;
  /** Message refs in it. */
  messageRefs: number;
}

export interface CompileOptions {
  /** Reject trackers whose phrases normalize to nothing (default true). */
  strict?: boolean;
}

export interface MatchOptions {
  /** Symbl's confidenceThreshold: refs scoring below it are dropped. 0.5 to 1.0. */
  threshold?: number;
  /** Add `score` and `tier` to every message ref. */
  details?: boolean;
}

/**
 * The compiled tracker index: plain data (strings and typed arrays) so that it structured-clones
 * cheaply into a worker. Read it only through the matcher's functions; its layout may change.
 */
export interface CompiledIndex {
  readonly format: 2;
  readonly trackerIds: string[];
  readonly trackerNames: string[];
  /** Phrases of all trackers, vocabulary then excludeVocabulary, in tracker order. */
  readonly phraseValue: string[];
  readonly phraseTracker: Int32Array;
  /**
   * Patterns: the distinct normalized token sequences. Phrases that normalize alike ("Is it" in ten
   * trackers) share one pattern, matched once per message. Phrases of pattern q:
   * patternPhrase[patternPhraseStart[q] .. patternPhraseStart[q + 1]]. A phrase that ends with a
   * condition, time or reason clause is also in its main clause's pattern (main-clause.ts), never exact.
   */
  readonly patternPhraseStart: Int32Array;
  readonly patternPhrase: Int32Array;
  /** Token range of pattern q: patternStart[q] .. patternStart[q + 1]. */
  readonly patternStart: Int32Array;
  readonly patternContent: Uint8Array;
  readonly patternNegated: Uint8Array;
  readonly patternWeight: Float32Array;
  /** 1 where the pattern's phrases are excluded ones. */
  readonly patternExcluded: Uint8Array;
  /** Mask of the dialogue acts of the pattern's clauses (see acts.ts); 0 when none is known. */
  readonly patternActs: Uint8Array;
  /** Pattern tokens, flat. */
  readonly tokenLemma: Int32Array;
  readonly tokenStem: Int32Array;
  /** Normal form of each pattern token, as an index in `normals`. */
  readonly tokenNormal: Int32Array;
  /** Flag bits per pattern token: word class, light auxiliary, answer particle (see features.ts). */
  readonly tokenFlags: Uint8Array;
  /** 1 where a pattern token is a content word (see isContentToken). */
  readonly tokenContent: Uint8Array;
  /** Each pattern token's share of its pattern's weight (see tokenWeight). */
  readonly tokenShare: Float32Array;
  /** The shares of a pattern token and of every later token of its pattern, summed. */
  readonly tokenShareAfter: Float32Array;
  readonly lemmas: string[];
  /** Normal forms by id (see tokenNormal). */
  readonly normals: string[];
  readonly lemmaStem: Int32Array;
  readonly lemmaClass: Uint8Array;
  readonly stems: string[];
  readonly trie: TrieData;
  /**
   * Each pattern's token stems for the candidate check (CSR over patterns): content stems rarest first,
   * up to checkContentEnd[q], then function stems, each with its weight in the pattern.
   */
  readonly checkStart: Int32Array;
  readonly checkContentEnd: Int32Array;
  readonly checkStem: Int32Array;
  readonly checkWeight: Float32Array;
  /** Patterns listed under their rarest content stems (CSR over stem ids). */
  readonly anchorStart: Int32Array;
  readonly anchorPattern: Int32Array;
  /** Per anchor entry: its pattern's content stems as a signature (signatureBit, OR-ed). */
  readonly anchorSignature: Int32Array;
  /** Per anchor entry: the content words its pattern may miss (missableContent). */
  readonly anchorAllowed: Uint8Array;
}

export interface TrieData {
  /** Child of the root for each stem id, or -1. */
  readonly root: Int32Array;
  /** Open-addressing edge table: (node, stem) -> child, size a power of two. */
  readonly edgeNode: Int32Array;
  readonly edgeStem: Int32Array;
  readonly edgeChild: Int32Array;
  /** Pattern entries ending at node n: outStart[n] .. outStart[n + 1] in outPattern / outFlags. */
  readonly outStart: Int32Array;
  readonly outPattern: Int32Array;
  /** 1 where the entry is a pattern with its leading subject pronoun dropped. */
  readonly outFlags: Uint8Array;
}
