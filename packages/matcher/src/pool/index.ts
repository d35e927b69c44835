// Node-only entry of @phrasewatch/matcher: the worker pool.
export { createMatcherPool } from './pool.js';
export type { MatcherPool, MatcherPoolOptions } from './pool.js';
