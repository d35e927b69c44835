// The CLI's defaults, in one place.
export const DEFAULTS = Object.freeze({
  /** Files per batch-worker task in `match --workers`. */
  batchFiles: 16,
  /** Batches in flight per worker, so a worker never waits for the next one. */
  batchesPerWorker: 2,
  /**
   * Input below which `match` without --workers runs on one thread (see batch/threads.ts): on a 2-core
   * machine two threads broke even at about 8 MB of dialog files (7,400 Taskmaster files) and lost up to
   * 0.5 s below that. Since the matcher keeps the matches of lines it has met, one thread gains most on
   * repeated lines: at 17 MB two threads ran 0.80-1.02x as fast as one on the corpus written four times,
   * 1.01-1.15x on text that does not repeat, so the bound stays where it was.
   */
  poolMinBytes: 8 * 1024 * 1024,
  /**
   * Bytes of output `--out` holds before the writer waits, when it names a device or FIFO (regular files
   * are written synchronously, see output/fd-output.ts). Writes go from a libuv thread; with Node's 16 KiB
   * a batch waited for each file's results to be written (about 100 µs a file).
   */
  outBufferBytes: 4 * 1024 * 1024,
  /** Compiled tracker sets kept in the index cache (the most recently used). */
  indexCacheEntries: 8,
  serveHost: '127.0.0.1',
  servePort: '8080',
  /** Jobs scheduled or running before `serve` answers async requests with 429. */
  serveMaxJobs: '16',
  /** Tries per sync request on 429, 5xx or no answer. */
  syncAttempts: '5',
});
