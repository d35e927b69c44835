// Runs jobs one at a time in the order they were queued, which keeps appends to one conversation in
// arrival order. Each job yields to the event loop first, so callers get their answer before work starts.
export interface Runner {
  enqueue(jobId: string): void;
  /** Resolves when the queue is empty and nothing runs. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function createRunner(run: (jobId: string) => void): Runner {
  const queue: string[] = [];
  let active: Promise<void> | null = null;
  let stopped = false;

  const loop = async (): Promise<void> => {
    while (queue.length > 0 && !stopped) {
      await new Promise((resolve) => setImmediate(resolve));
      if (stopped) break;
      run(queue.shift()!);
    }
    active = null;
  };

  return {
    enqueue(jobId) {
      queue.push(jobId);
      active ??= loop();
    },
    async idle() {
      while (active) await active;
    },
    async stop() {
      stopped = true;
      while (active) await active;
    },
  };
}
