import type { CallOrigin, ToolCallContext, ToolCallOutcome } from '../tool-call.js';

/** The steps of a call that get a child span of their own (the backend gets a client span). */
export type TracedStep = 'policy' | 'flow' | 'scan' | 'audit';

/**
 * Where a step's own work sits around `next()`: before it (policy, scanning the arguments,
 * writing the call record) or after it (taking the result into the session's flow state,
 * scanning the result, writing the result record).
 */
export type StepPhase = 'before' | 'after';

/**
 * Port: what the pipeline tells telemetry about each call. The pipeline only holds one when
 * telemetry is configured; without it no step is wrapped and a call costs nothing extra.
 */
export interface CallTelemetry {
  /** A call arrived: starts its span (continuing the agent's trace) and returns its observer. */
  begin(ctx: ToolCallContext): CallObserver;
  /**
   * A call that names no tool of the catalog, answered before any step ran: it still gets its
   * span (with no children) and is counted.
   */
  unrouted(call: UnroutedCall, outcome: ToolCallOutcome): void;
}

/** What is known of a call whose tool name routes nowhere. */
export interface UnroutedCall {
  /** The tool name the agent sent. */
  readonly name: string;
  readonly meta: Readonly<Record<string, unknown>> | undefined;
  readonly origin: CallOrigin | undefined;
  /** Seconds from arrival to the answer. */
  readonly seconds: number;
}

/** One call's telemetry, fed by the steps as they run. */
export interface CallObserver {
  /** A step begins its own work, before or after the rest of the pipeline runs. */
  step(step: TracedStep, phase: StepPhase, ctx: ToolCallContext): StepObserver;
  /**
   * The call goes to its backend: starts the backend's span and returns the `_meta` to send,
   * carrying that span as the W3C trace context.
   */
  forward(ctx: ToolCallContext): ForwardObserver;
  /** The call ended with an outcome (its receipt attached), or a step threw. */
  end(ctx: ToolCallContext, outcome: ToolCallOutcome | undefined, error?: unknown): void;
}

/** One step's span. */
export interface StepObserver {
  /** The step's own work is done; `outcome` is what it returned, when it ends the call there. */
  end(ctx: ToolCallContext, outcome?: ToolCallOutcome): void;
}

/** The backend's span. */
export interface ForwardObserver {
  /** `_meta` for the backend: the agent's, with `traceparent` naming the backend span. */
  readonly meta: Readonly<Record<string, unknown>> | undefined;
  end(outcome: ToolCallOutcome | undefined, error?: unknown): void;
}
