export { CoreError, CoreErrorCode } from './errors.js';
export { parseConversation, parseJson } from './conversation.js';
export type { Conversation } from './conversation.js';
export { parseTrackerList } from './trackers.js';
