import type { AuditSink } from '../core/audit/audit-sink.js';
import type { FindSecrets } from '../core/audit/redact-secrets.js';
import type { CompiledFlows } from '../core/flows/compile-flows.js';
import { evaluateFlows, type FlowVerdict } from '../core/flows/evaluate-flows.js';
import { bitsOf, SENSITIVE, UNTRUSTED, type SessionLabel } from '../core/flows/flow-label.js';
import type { FlowSource, LabelChange } from '../core/flows/flow-session.js';
import type { LabelResolver } from '../core/flows/resolve-labels.js';
import { takeInResult, takesInNothing } from '../core/flows/take-in-result.js';
import type { Middleware, ToolCallContext, ToolCallOutcome } from '../core/tool-call.js';

/** What flow control reads per call; getters, so a reloaded config applies to the next call. */
export interface FlowControlOptions {
  readonly flows: () => CompiledFlows;
  readonly labels: () => LabelResolver;
  readonly findSecrets: FindSecrets;
  readonly sink: AuditSink;
  /**
   * Whether results reach the step with findings (result scanning is in the pipeline). Without,
   * a result of a tool that is neither `untrusted` nor `sensitive` can change nothing.
   */
  readonly resultFindings: boolean;
}

/** Flow control's two halves: a check the policy step combines with its rules, and a step for results. */
export interface FlowControl {
  /** The flow rules' verdict on a call, or undefined when none matched (or no session). */
  check(ctx: ToolCallContext): FlowVerdict | undefined;
  /** A human approved a flow `ask` for the whole session: forget these labels (audited). */
  trust(ctx: ToolCallContext, labels: readonly SessionLabel[], rules: readonly string[]): void;
  /** Pipeline step: what a delivered result brings into the session (labels, fingerprints). */
  readonly step: Middleware;
}

/** Builds flow control over the agent session that each call carries (`ctx.flow`). */
export const createFlowControl = (options: FlowControlOptions): FlowControl => {
  const labelsOf = (ctx: ToolCallContext) =>
    options.labels().labelsFor(ctx.server, ctx.tool, ctx.definition?.annotations);
  const audit = (
    ctx: ToolCallContext,
    sessionId: string,
    change: LabelChange,
    cause: 'tool' | 'finding' | 'secret' | 'approval',
    rules: readonly string[] | undefined,
  ): void => {
    options.sink.append({
      type: 'label',
      session_id: sessionId,
      call: { id: ctx.id },
      server: ctx.server,
      tool: ctx.tool,
      event: change.event,
      changed: change.changed,
      labels: change.labels,
      cause,
      ...(rules === undefined || rules.length === 0 ? {} : { rules }),
    });
  };
  return {
    check(ctx) {
      const session = ctx.flow;
      if (session === undefined) return undefined;
      const flows = options.flows();
      if (flows.rules.length === 0) return undefined;
      // A session with no labels yet (most, most of the time) matches only rules that need
      // none: when there are none, the call is not even put together for evaluateFlows.
      if (session.labels === 0 && !flows.someWithoutLabels) return undefined;
      return evaluateFlows(
        flows,
        session,
        {
          server: ctx.server,
          tool: ctx.tool,
          agent: ctx.session.agent,
          toolLabels: labelsOf(ctx).bits,
          args: ctx.args,
        },
        options.findSecrets,
      );
    },
    trust(ctx, labels, rules) {
      const session = ctx.flow;
      if (session === undefined) return;
      const change = session.clear(bitsOf(labels));
      if (change !== undefined) audit(ctx, session.id, change, 'approval', rules);
    },
    step: function controlFlows(ctx, next) {
      // Without a session nothing is taken in: the call passes without a step of its own.
      if (ctx.flow === undefined) return next();
      // Nor with a result that can bring nothing in whatever it holds (see takesInNothing): no
      // findings can come, and the tool's labels (fixed for the call) neither mark nor taint.
      if (!options.resultFindings && (labelsOf(ctx).bits & (SENSITIVE | UNTRUSTED)) === 0)
        return next();
      // A handler, not an async function: its frame and await cost more on every call.
      return next().then((outcome) => takeIn(ctx, outcome));
    },
  };

  function takeIn(ctx: ToolCallContext, outcome: ToolCallOutcome): ToolCallOutcome {
    const session = ctx.flow;
    if (outcome.kind !== 'ok' || session === undefined) return outcome;
    const flows = options.flows();
    if (flows.mode === 'off') return outcome;
    const toolLabels = labelsOf(ctx).bits;
    if (takesInNothing(session, toolLabels, outcome.findings)) return outcome;
    const source: FlowSource = {
      callId: ctx.id,
      server: ctx.server,
      tool: ctx.tool,
      receipt: ctx.trace.callReceipt,
    };
    const changes = takeInResult(
      session,
      flows,
      {
        toolLabels,
        result: outcome.result,
        findings: outcome.findings ?? [],
        source,
      },
      options.findSecrets,
    );
    for (const change of changes) audit(ctx, session.id, change, change.cause, change.rules);
    return outcome;
  }
};
