/** Every tunable of the matcher, in one place. */
export const DEFAULTS = Object.freeze({
  /**
   * Default confidenceThreshold, Symbl's own default. Confidence is calibrated (confidence.ts) so that
   * 0.5 is the tuned operating point: a similar match with raw score `similarFloor`.
   */
  threshold: 0.5,
  /**
   * Raw gap/fuzzy score reported as confidence 0.5: the middle of the run of raw thresholds with the best
   * F1 on the dev set (0.50-0.82), and the lowest raw score of the hand-labelled wild pairs
   * (`node bench/curve.js` prints both curves).
   */
  similarFloor: 0.65,
  /** Confidence of the best gap/fuzzy match (raw `similarCeiling`); stem matches report 0.9. */
  similarConfidenceTop: 0.85,
  minThreshold: 0.5,
  maxThreshold: 1,
  /** Scores of the contiguous tiers. */
  exactScore: 1,
  lemmaScore: 0.95,
  /** A contiguous match whose leading subject pronoun differs ("we can't" for "I can't"). */
  pronounScore: 0.9,
  stemScore: 0.85,
  /** Ceiling for gap and fuzzy scores, so that they rank under every contiguous match. */
  similarCeiling: 0.84,
  /** Weight of a function word in a phrase, against 1 for a content word. */
  functionWeight: 0.5,
  /**
   * Similarity of a word the message has in place of the phrase's: another determiner before the same
   * word ("the order" for "your order"), "have"/"get" for "be" ("we'll have it ready" for "it'll be ready").
   */
  standInSimilarity: 0.8,
  /** A lemma the phrases write as a name in one use of this many or more is an item ("a mocha"). */
  namedShare: 4,
  /** Message tokens before the phrase's word after "be" searched for the "have" of "have it ready". */
  causativeReach: 4,
  /** Lowest weighted share of a phrase a gap match must cover. */
  minCoverage: 0.6,
  /** Content words of a phrase a gap match may miss: one per this many. */
  contentPerMissing: 4,
  /** Extra message tokens a gap window may hold beyond the phrase length. */
  maxExtraTokens: 4,
  extraPenalty: 0.03,
  /** Penalty per backward move in the message when reading the phrase's words in order, and the most allowed. */
  movePenalty: 0.08,
  maxMoves: 2,
  /** Tokens before a match searched for a negation that flips it. */
  negationLookBehind: 3,
  /** Tokens before a match searched at most, however many of them a negation reaches through. */
  negationReachMax: 12,
  /** Fuzzy: shortest word considered, most length difference, worst fuse.js score accepted. */
  fuzzyMinLength: 4,
  fuzzyMaxLengthDelta: 2,
  fuzzyMaxScore: 0.26,
  /** Similarity given to a fuzzy word pair is 1 - fuse score, capped here. */
  fuzzySimilarityCap: 0.85,
  /** Similarity of two words that share a stem but not a lemma. */
  stemSimilarity: 0.9,
  /** Similarity of a word and its synonym (synonyms.ts): as of one stem, so a gap match, not a fuzzy one. */
  synonymSimilarity: 0.9,
  /** Similarity of the speaker's other pronoun ("we" for "I", "us" for "me"), as a contiguous match whose subject differs. */
  sideSimilarity: 0.9,
  /**
   * Similarity of a word naming a kind of a phrase's general noun ("latte" for "drink", synonyms.ts): as
   * of one stem, but it is no evidence of the phrase, like a word in place of the phrase's.
   */
  kindSimilarity: 0.9,
  /** A one-word phrase matches fuzzily only with a word this long or longer. */
  fuzzySingleWordMinLength: 6,
  /** Conversations per pool task in matchMany. */
  poolBatchSize: 16,
  /**
   * Young-generation size of each pool worker, in MB. Smaller than V8's default: the matcher makes little
   * garbage now, and a young generation swept through a large stretch of memory pushes the index and the
   * model out of the cache the two cores share (realistic set, one thread: 2.8-2.9 s at 16 MB against
   * 3.5-3.7 s at 64 MB; 8 and 32 MB between them).
   */
  poolYoungGenerationMb: 16,
  /**
   * Words longer than this (in UTF-16 units) are matched literally: never stemmed, never fuzzed. Real
   * words are far shorter; a 40,000-character "word" would make stemming and fuzzing cost its square.
   */
  maxWordLength: 64,
  /**
   * wink-nlp reads a run of non-space characters longer than this in pieces of this length: its
   * tokenizer takes time quadratic in a token's length (40,000 characters: 0.75 s; 1 MB: minutes).
   */
  maxRunLength: 256,
  /** Longest word the fuzzy tier considers. */
  fuzzyMaxLength: 32,
  /** Combining marks kept after one character; the rest of a longer run is ignored when matching. */
  maxCombiningMarks: 4,
  /**
   * Bounds of the memo of matched message texts (message-memo.ts), per index: characters of text and
   * rows held (about 2 and 13 bytes each, so about 5 MB at most) before it is emptied, and the longest
   * text kept, since a long message is seldom repeated word for word. The 3,710 Taskmaster dialogs hold
   * 10,219 distinct texts: 0.53 M characters and 110,000 rows with the realistic trackers.
   */
  memoChars: 1_000_000,
  memoRows: 250_000,
  memoMaxTextLength: 2_000,
  /** Unknown words remembered per index before the cache is cleared. */
  unknownWordCacheSize: 50_000,
});

export type Defaults = typeof DEFAULTS;
