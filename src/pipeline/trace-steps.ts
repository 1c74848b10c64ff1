import type {
  CallObserver,
  CallTelemetry,
  StepObserver,
  StepPhase,
  TracedStep,
} from '../core/telemetry/call-telemetry.js';
import type {
  CallTrace,
  Handler,
  Middleware,
  ToolCallContext,
  ToolCallOutcome,
} from '../core/tool-call.js';

/** Wraps the pipeline's steps so that each call, step and backend hop is observed. */
export interface PipelineTracing {
  /** The outermost step: the call from arrival to answer. Undefined when nothing is traced. */
  readonly call: Middleware | undefined;
  step(
    step: TracedStep,
    phase: StepPhase,
    middleware: Middleware | undefined,
  ): Middleware | undefined;
  forward(handler: Handler): Handler;
}

/** No telemetry: every step is used as it is, so a call pays nothing for tracing. */
export const NOT_TRACED: PipelineTracing = {
  call: undefined,
  step: (_step, _phase, middleware) => middleware,
  forward: (handler) => handler,
};

/** Tracing through the telemetry port: one observer per call, shared by its steps. */
export const traceSteps = (telemetry: CallTelemetry): PipelineTracing => {
  // Keyed by the call's trace object, which every step shares (the backend hop gets a copy of
  // the context with its own `_meta`, but the same trace).
  const observers = new WeakMap<CallTrace, CallObserver>();

  const before =
    (step: TracedStep, middleware: Middleware): Middleware =>
    async (ctx, next) => {
      const observer = observers.get(ctx.trace);
      if (observer === undefined) return middleware(ctx, next);
      let span: StepObserver | undefined = observer.step(step, 'before', ctx);
      const close = (outcome?: ToolCallOutcome): void => {
        span?.end(ctx, outcome);
        span = undefined;
      };
      let outcome: ToolCallOutcome | undefined;
      try {
        outcome = await middleware(ctx, () => {
          close();
          return next();
        });
        return outcome;
      } finally {
        // Still open: the step answered without calling next() (a denial, a block).
        close(outcome);
      }
    };

  const after =
    (step: TracedStep, middleware: Middleware): Middleware =>
    async (ctx, next) => {
      const observer = observers.get(ctx.trace);
      if (observer === undefined) return middleware(ctx, next);
      let span: StepObserver | undefined;
      let outcome: ToolCallOutcome | undefined;
      try {
        outcome = await middleware(ctx, async () => {
          try {
            return await next();
          } finally {
            span = observer.step(step, 'after', ctx);
          }
        });
        return outcome;
      } finally {
        span?.end(ctx, outcome);
      }
    };

  return {
    call: async function traceCall(ctx, next) {
      const observer = telemetry.begin(ctx);
      observers.set(ctx.trace, observer);
      let outcome: ToolCallOutcome;
      try {
        outcome = await next();
      } catch (error) {
        observer.end(ctx, undefined, error);
        throw error;
      }
      observer.end(ctx, outcome);
      return outcome;
    },
    step: (step, phase, middleware) =>
      middleware === undefined
        ? undefined
        : phase === 'before'
          ? before(step, middleware)
          : after(step, middleware),
    forward: (handler) =>
      async function traceForward(ctx: ToolCallContext): Promise<ToolCallOutcome> {
        const observer = observers.get(ctx.trace);
        if (observer === undefined) return handler(ctx);
        const hop = observer.forward(ctx);
        let outcome: ToolCallOutcome;
        try {
          outcome = await handler(hop.meta === ctx.meta ? ctx : withMeta(ctx, hop.meta));
        } catch (error) {
          hop.end(undefined, error);
          throw error;
        }
        hop.end(outcome);
        return outcome;
      },
  };
};

/**
 * The context with other `_meta`, everything else read through from `ctx`: a spread would copy
 * own members only and lose what a context class reads on demand (its `signal`).
 */
const withMeta = (
  ctx: ToolCallContext,
  meta: Readonly<Record<string, unknown>> | undefined,
): ToolCallContext =>
  Object.create(ctx, { meta: { value: meta, enumerable: true } }) as ToolCallContext;
