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
  /** Sync requests: tries on 429, 5xx or no answer; the first retry's delay (doubling); the wait for an answer. */
  syncAttempts: 5,
  syncRetryDelayMs: 500,
  syncTimeoutMs: 30_000,
});

export type CoreDefaults = typeof DEFAULTS;
