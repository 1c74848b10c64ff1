import type { Handler, Middleware, ToolCallContext, ToolCallOutcome } from './tool-call.js';

/**
 * Chains middleware around a terminal handler (Hono's onion); `next()` may be called once.
 *
 * The chain is linked once, here, from the terminal outwards: a call runs the first link, whose
 * `next()` runs the second, and so on. Per call and step that is one small closure (the step's
 * `next`, which holds the call's context and whether it ran), with no dispatcher or index in
 * between; a step that returns without calling `next()` costs nothing further. A step that
 * throws (rather than rejecting) throws out of `next()`, and out of the chain, as it did.
 */
export const compose = (middleware: readonly Middleware[], terminal: Handler): Handler => {
  let chain = terminal;
  for (const step of [...middleware].reverse()) chain = link(step, chain);
  return chain;
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
