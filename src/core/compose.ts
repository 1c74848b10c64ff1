import type {
  ContextMiddleware,
  Handler,
  Middleware,
  ToolCallContext,
  ToolCallOutcome,
} from './tool-call.js';

/**
 * Chains middleware around a terminal handler (Hono's onion); `next()` may be called once.
 *
 * The chain is linked once, here, from the terminal outwards: a call runs the first link, whose
 * `next()` runs the second, and so on. A step marked with `passingContext` (it calls
 * `next(ctx)` with the context it was given) gets one `next` made here, shared by every call,
 * that keeps its once-only guard in a bit of the call's trace; any other step gets, per call, a
 * small closure (its `next`, which holds the call's context and whether it ran). No dispatcher
 * or index in between; a step that returns without calling `next()` costs nothing further. A
 * step that throws (rather than rejecting) throws out of `next()`, and out of the chain, as it
 * did.
 */
export const compose = (middleware: readonly Middleware[], terminal: Handler): Handler => {
  let chain = terminal;
  let bit = 1;
  for (const step of [...middleware].reverse()) {
    // Past 30 links the guard has no bits left: those take the closure per call.
    const passes = PASSING.has(step) && bit <= MAX_BIT;
    chain = passes ? linkPassing(step, chain, bit) : link(step, chain);
    if (passes) bit *= 2;
  }
  return chain;
};

const MAX_BIT = 2 ** 30;

/** Steps that hand their context to `next(ctx)` (see `passingContext`). */
const PASSING = new WeakSet<Middleware>();

/**
 * Marks a step that always calls `next(ctx)` with the context it was given, never `next()`:
 * `compose` then links it without a closure per call. Such a step works under any `next` (one
 * that takes no argument ignores it), so wrappers such as the tracing steps may still hand it
 * their own.
 */
export const passingContext = (step: ContextMiddleware): Middleware => {
  PASSING.add(step);
  return step;
};

/** `step` in front of `rest`: the step gets a `next()` that runs `rest` once. */
const link =
  (step: Middleware, rest: Handler): Handler =>
  (ctx: ToolCallContext): Promise<ToolCallOutcome> => {
    let ran = false;
    return step(ctx, () => {
      if (ran) return Promise.reject(new Error('next() called multiple times'));
      ran = true;
      return rest(ctx);
    });
  };

/**
 * A context-passing `step` in front of `rest`: one `next` for every call, which marks this
 * link's bit in the call's trace (`linked`) the first time, and refuses a second time.
 */
const linkPassing = (step: Middleware, rest: Handler, bit: number): Handler => {
  const next = (ctx: ToolCallContext): Promise<ToolCallOutcome> => {
    const { trace } = ctx;
    const linked = trace.linked ?? 0;
    if ((linked & bit) !== 0) return Promise.reject(new Error('next() called multiple times'));
    trace.linked = linked | bit;
    return rest(ctx);
  };
  return (ctx: ToolCallContext): Promise<ToolCallOutcome> =>
    (step as unknown as ContextMiddleware)(ctx, next);
};
