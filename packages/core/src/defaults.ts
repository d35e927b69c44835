/** Every tunable of core, in one place. */
export const DEFAULTS = Object.freeze({
  /** Symbl's account maximum. */
  maxTrackers: 500,
  /** Symbl refuses request bodies over 1 MB with 413. */
  maxBodyBytes: 1024 * 1024,
  /** Symbl recommends 5 to 50 phrases a tracker; outside that range a tracker is accepted with a warning. */
  minRecommendedPhrases: 5,
  maxRecommendedPhrases: 50,
  /** Webhook deliveries: attempts, and the first retry's delay (doubling after each failure). */
  webhookAttempts: 5,
  webhookRetryDelayMs: 200,
  webhookTimeoutMs: 10_000,
  /**
   * A delivery's hold on its notification, renewed every third of this while the request runs: when the
   * deliverer dies, another process takes the notification (and the job's later ones) after this.
   */
  webhookLeaseMs: 3_000,
  /** A job's lease: its owner renews it every third of this; a dead owner's job is run again after it. */
  leaseMs: 30_000,
  /** How often runners look in the store for jobs and notifications other processes wrote. */
  pollMs: 250,
  /** How often a BullMQ process puts unfinished jobs the queue lacks back on it. */
  reconcileMs: 5_000,
  /** Redis key prefix of the BullMQ queue. */
  queuePrefix: 'phrasewatch',
  /** The longest close() waits for webhook deliveries before leaving them for the next process. */
  shutdownMs: 5_000,
  /** How long a write waits in all for another process's SQLite write lock before it fails (503). */
  busyTimeoutMs: 30_000,
  /** Connections per process to PostgreSQL. */
  postgresConnections: 10,
  /** Sync requests: tries on 429, 5xx or no answer; the first retry's delay (doubling); the wait for an answer. */
  syncAttempts: 5,
  syncRetryDelayMs: 500,
  syncTimeoutMs: 30_000,
});

export type CoreDefaults = typeof DEFAULTS;
