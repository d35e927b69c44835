// A pause that ends early when woken: the background loops (job queue, webhook deliverer) sleep until
// their next poll, or until someone writes work for them.
export interface Alarm {
  /** Ends the current pause now (or the next one at once, if none is under way). */
  wake(): void;
  /** Resolves after `ms`, or when woken. */
  pause(ms: number): Promise<void>;
}

export function createAlarm(): Alarm {
  let ring: (() => void) | null = null;
  let early = false;
  return {
    wake() {
      if (ring) ring();
      else early = true;
    },
    pause(ms) {
      if (early) {
        early = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          ring = null;
          resolve();
        }, ms);
        ring = () => {
          clearTimeout(timer);
          ring = null;
          resolve();
        };
      });
    },
  };
}
