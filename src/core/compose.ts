import type { Handler, Middleware, ToolCallContext, ToolCallOutcome } from './tool-call.js';

/** Chains middleware around a terminal handler (Hono's onion); `next()` may be called once. */
export const compose = (middleware: readonly Middleware[], terminal: Handler): Handler => {
  if (middleware.length === 0) return terminal;
  return (ctx: ToolCallContext): Promise<ToolCallOutcome> => {
    let index = -1;
    const dispatch = (i: number): Promise<ToolCallOutcome> => {
      if (i <= index) return Promise.reject(new Error('next() called multiple times'));
      index = i;
      const step = middleware[i];
      if (step === undefined) return terminal(ctx);
      return step(ctx, () => dispatch(i + 1));
    };
    return dispatch(0);
  };
};
