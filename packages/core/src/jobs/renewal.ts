// A lease kept while work runs: renewed at a fixed step until stopped. Jobs and webhook deliveries both
// hold their rows this way, so that a dead owner's row is taken over soon and a live owner keeps it.

export interface Renewal {
  /** True once a renewal found the lease gone (another owner has the row). */
  readonly lost: boolean;
  stop(): void;
}

/** Calls `renew` every `everyMs` until stopped; `renew` resolves to whether the lease was still held. */
export function keepRenewed(everyMs: number, renew: () => Promise<boolean>, onError: (error: Error) => void): Renewal {
  let lost = false;
  const timer = setInterval(() => {
    renew().then(
      (held) => (lost ||= !held),
      (error: Error) => onError(error),
    );
  }, everyMs);
  return {
    get lost() {
      return lost;
    },
    stop: () => clearInterval(timer),
  };
}
