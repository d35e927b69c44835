export { CoreError, CoreErrorCode } from './errors.js';
export { DEFAULTS } from './defaults.js';
export { parseConversation, parseJson } from './conversation.js';
export type { Conversation } from './conversation.js';
export { parseTrackerList } from './trackers.js';
export { openStore } from './open-store.js';
export type { Store, StoreOptions, SyncOptions } from './store.js';
export type { PullReport, PushReport, SyncStatus } from './sync/engine.js';
export type { StatsQuery, TrackerStats } from './stats.js';
export type { Stream, StreamMessage, StreamOptions, TrackerResponse } from './stream.js';
export type {
  InputMessage, Job, JobStatus, PatchOperation, ProcessTextRequest, StoredMessage, Tracker, TrackerBody, TrackerDetected, TrackerResult, TrackerSpec,
} from './types.js';
export { INPUT_FORMATS, detectFormat, readConversations } from './formats/index.js';
export type { InputConversation, InputFileMessage, InputFormat } from './formats/index.js';
