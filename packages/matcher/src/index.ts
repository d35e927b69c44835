export { compile } from './compile.js';
export { indexFromBytes, indexToBytes } from './index-bytes.js';
export { match, matchJson, shareMemo } from './match.js';
export { createSharedMemo } from './shared-memo.js';
export type { SharedMemo, SharedMemoOptions } from './shared-memo.js';
export { DEFAULTS } from './defaults.js';
export { MatcherError, PhrasewatchError, ErrorCode } from './errors.js';
export { trackerIdFor } from './tracker-id.js';
export { dialogueActs, lemmatize, tagWords } from './nlp.js';
export type { DialogueAct } from './acts.js';
export type { TaggedWord } from './nlp.js';
export type {
  CompiledIndex,
  CompileOptions,
  InsightRef,
  MatchOptions,
  Message,
  MessageRef,
  TierName,
  Tracker,
  TrackerDetected,
  TrackerMatch,
  TrackersDetectedJson,
} from './types.js';
