/** Counts requests in flight so shutdown can let them finish, for a bounded time. */
export interface Drain {
  /** Wraps a request handler so it counts while it runs. */
  track<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R>;
  /** Resolves when nothing is in flight, or after `ms`. */
  drain(ms: number): Promise<void>;
  /** Requests being handled now. */
  inFlight(): number;
}

/** A call that runs a task once its outcome is known (the front's `IncomingCall.whenSettled`). */
interface Settling {
  whenSettled(task: () => void, key: object): void;
}

const isSettling = (value: unknown): value is Settling =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<Settling>).whenSettled === 'function';

/** Requests the agent sent before it closed stdin are still answered (bounded by the drain time). */
export const createDrain = (): Drain => {
  let inFlight = 0;
  let drained: (() => void) | undefined;
  return {
    // Not an async wrapper: every tools/call passes here, and an async frame with its await
    // costs two more promises and microtask turns than one reaction on the handler's promise
    // (registered first, so the count drops before the caller sees the answer, as before).
    //
    // A tools/call from the front (an argument with `whenSettled`) counts down in the front's
    // settle task instead, which runs at the same point: no promise and reaction of its own.
    track: (fn) => {
      const done = (): void => {
        if (--inFlight === 0) drained?.();
      };
      return (...args) => {
        inFlight++;
        const call = args[0];
        const settles = isSettling(call);
        if (settles) call.whenSettled(done, call);
        let running;
        try {
          running = fn(...args);
        } catch (error) {
          // The front settles a call whose handler threw, and its task counts it down then.
          if (!settles) done();
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
        if (!settles) running.then(done, done);
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
