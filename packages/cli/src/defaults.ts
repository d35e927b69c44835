// The CLI's defaults, in one place.
export const DEFAULTS = Object.freeze({
  /** Files per batch-worker task in `match --workers`. */
  batchFiles: 16,
  /** Batches in flight per worker, so a worker never waits for the next one. */
  batchesPerWorker: 2,
  /** Compiled tracker sets kept in the index cache (the most recently used). */
  indexCacheEntries: 8,
  serveHost: '127.0.0.1',
  servePort: '8080',
  /** Jobs scheduled or running before `serve` answers async requests with 429. */
  serveMaxJobs: '16',
  /** Tries per sync request on 429, 5xx or no answer. */
  syncAttempts: '5',
});
