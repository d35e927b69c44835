// Failed sign-in attempts per client: past `max` failures in `windowMs`, a client gets 429 with
// Retry-After until its oldest counted failure leaves the window. Memory is bounded: past `maxClients`
// tracked addresses, the ones seen longest ago are forgotten.
export interface FailureLimiter {
  /** Seconds until `client` may try again, or 0 when it may try now. */
  retryAfter(client: string): number;
  fail(client: string): void;
  succeed(client: string): void;
}

export function failureLimiter(options: { max: number; windowMs: number; now?: () => number; maxClients?: number }): FailureLimiter {
  const now = options.now ?? (() => Date.now());
  const maxClients = options.maxClients ?? 10_000;
  const failures = new Map<string, number[]>();
  const recent = (client: string): number[] => {
    const since = now() - options.windowMs;
    const list = (failures.get(client) ?? []).filter((t) => t > since);
    if (list.length === 0) failures.delete(client);
    else failures.set(client, list);
    return list;
  };
  return {
    retryAfter(client) {
      const list = recent(client);
      if (list.length < options.max) return 0;
      return Math.max(1, Math.ceil((list[list.length - options.max] + options.windowMs - now()) / 1000));
    },
    fail(client) {
      const list = recent(client);
      list.push(now());
      failures.delete(client);
      failures.set(client, list);
      if (failures.size > maxClients) failures.delete(failures.keys().next().value!);
    },
    succeed(client) {
      failures.delete(client);
    },
  };
}
