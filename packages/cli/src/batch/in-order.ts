// Batches converted on the worker pool and on this thread at once, taken in batch order. The pool is kept
// a few tasks ahead; whenever the next result to take is not ready, this thread converts the next batch
// itself instead of waiting. So with N threads of matching, one of them is this one: one model load, one
// index copy and one JIT warm-up fewer than N workers, and no third busy thread on a two-core machine.

export interface InOrderOptions<T> {
  count: number;
  /** Converts batch k on the pool; absent without one. */
  remote?: (k: number) => Promise<T>;
  /** Converts batch k on this thread. */
  local: (k: number) => T;
  /** Pool tasks kept in flight. */
  remoteAhead: number;
  /** Batches converted and not yet taken, at most (memory stays flat however many batches there are). */
  limit: number;
}

interface Slot<T> {
  settled: boolean;
  value?: T;
  failed?: boolean;
  error?: unknown;
  promise?: Promise<void>;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Yields every batch's result in order. Leaving early (break, an error) waits for the pool's tasks. */
export async function* inOrder<T>(options: InOrderOptions<T>): AsyncGenerator<T> {
  const { count, remote, local, remoteAhead, limit } = options;
  const slots: Slot<T>[] = [];
  let next = 0, inFlight = 0;
  try {
    for (let taken = 0; taken < count; ) {
      while (remote && next < count && inFlight < remoteAhead && slots.length < limit) {
        const slot: Slot<T> = { settled: false };
        inFlight++;
        slot.promise = remote(next++).then(
          (value) => void Object.assign(slot, { settled: true, value }),
          (error: unknown) => void Object.assign(slot, { settled: true, failed: true, error }),
        ).finally(() => inFlight--);
        slots.push(slot);
      }
      const head = slots[0];
      if (head?.settled) {
        slots.shift();
        taken++;
        if (head.failed) throw head.error;
        yield head.value as T;
        continue;
      }
      if (next < count && slots.length < limit) {
        slots.push({ settled: true, value: local(next++) });
        // Let the pool's finished tasks in, and hand out the next ones, before converting again.
        if (remote) await turn();
        continue;
      }
      await head!.promise;
    }
  } finally {
    await Promise.allSettled(slots.map((slot) => slot.promise));
  }
}
