import { compose } from '../core/compose.js';
import type { CallTelemetry } from '../core/telemetry/call-telemetry.js';
import type { ForwardToolCall, Handler, Middleware } from '../core/tool-call.js';
import { NOT_TRACED, traceSteps } from './trace-steps.js';

/** Everything the pipeline is built from; each step is optional until configured. */
export interface PipelineDeps {
  readonly forward: ForwardToolCall;
  readonly steps: {
    readonly audit?: Middleware | undefined;
    readonly review?: Middleware | undefined;
    readonly policy?: Middleware | undefined;
    readonly flows?: Middleware | undefined;
    readonly scanArguments?: Middleware | undefined;
    readonly scanResult?: Middleware | undefined;
    readonly recordCall?: Middleware | undefined;
  };
  /** Spans and metrics per call; absent (the default) means the steps run unwrapped. */
  readonly telemetry?: CallTelemetry | undefined;
}

/**
 * THE order of the security pipeline, written once:
 * audit is outermost so denials, blocks and backend failures are all recorded;
 * a tool withheld by its review (poisoned description, unapproved change) stops next;
 * policy runs before scanning so a denied call never has its arguments inspected (it also
 * applies the flow rules, which need the session's labels before anyone is asked);
 * flows sits outside result scanning, so the session takes in a result as the agent gets it
 * (findings included, nothing from a blocked result) and its label records precede `result`;
 * the result is scanned after `next()` returns, before audit sees the outcome;
 * the `call` record is written last, right before forwarding, so it holds the final decision
 * and the argument findings, and exists on disk (in `sync` mode) before the backend acts.
 * With telemetry, the call's span wraps all of it and each step's own work gets a child span.
 */
export const createPipeline = ({ forward, steps, telemetry }: PipelineDeps): Handler => {
  const trace = telemetry === undefined ? NOT_TRACED : traceSteps(telemetry);
  return compose(
    [
      trace.call,
      trace.step('audit', 'after', steps.audit),
      steps.review,
      trace.step('policy', 'before', steps.policy),
      trace.step('flow', 'after', steps.flows),
      trace.step('scan', 'before', steps.scanArguments),
      trace.step('scan', 'after', steps.scanResult),
      trace.step('audit', 'before', steps.recordCall),
    ].filter((step): step is Middleware => step !== undefined),
    trace.forward(forward),
  );
};
