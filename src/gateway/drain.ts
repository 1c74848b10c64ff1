/** Counts requests in flight so shutdown can let them finish, for a bounded time. */
export interface Drain {
  /** Wraps a request handler so it counts while it runs. */
  track<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R>;
  /** Resolves when nothing is in flight, or after `ms`. */
  drain(ms: number): Promise<void>;
  /** Requests being handled now. */
  inFlight(): number;
}

/** Requests the agent sent before it closed stdin are still answered (bounded by the drain time). */
export const createDrain = (): Drain => {
  let inFlight = 0;
  let drained: (() => void) | undefined;
  return {
    track:
      (fn) =>
      async (...args) => {
        inFlight++;
        try {
          return await fn(...args);
        } finally {
          if (--inFlight === 0) drained?.();
        }
      },
    inFlight: () => inFlight,
    drain: async (ms) => {
      if (inFlight === 0) return;
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        drained = resolve;
        timer = setTimeout(resolve, ms);
      });
      clearTimeout(timer);
    },
  };
};
