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
    // Not an async wrapper: every tools/call passes here, and an async frame with its await
    // costs two more promises and microtask turns than one reaction on the handler's promise
    // (registered first, so the count drops before the caller sees the answer, as before).
    track: (fn) => {
      const done = (): void => {
        if (--inFlight === 0) drained?.();
      };
      return (...args) => {
        inFlight++;
        let running;
        try {
          running = fn(...args);
        } catch (error) {
          done();
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
        running.then(done, done);
        return running;
      };
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
