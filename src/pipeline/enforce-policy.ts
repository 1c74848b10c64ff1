import {
  accessClassFor,
  evaluatePolicy,
  examineArguments,
  type CompiledPolicy,
  type ExaminedArgument,
  type PolicyCall,
  type PolicyDecision,
  type RateLimiter,
  type RootsView,
} from '../core/policy/index.js';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { withFlows } from '../core/flows/with-flows.js';
import type { Middleware, ToolCallContext, ToolCallOutcome } from '../core/tool-call.js';
import type { FlowControl } from './control-flows.js';

/** A question to the human about one call. */
export interface ApprovalRequest {
  /** The call being approved (the gateway knows which agent session it came from). */
  readonly callId: string;
  readonly server: string;
  readonly tool: string;
  readonly exposed: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly agent: string | undefined;
  readonly reason: string;
  /** The rule that asked, and every rule that matched (pre-approval needs all the ask rules). */
  readonly rule: string;
  readonly rules: readonly string[];
  /** What the human must see in full before approving (what the matching rules looked at, paths, URLs). */
  readonly examined: readonly ExaminedArgument[];
  readonly signal: AbortSignal | undefined;
  /** Keeps the agent's request alive while a human takes their time; absent without a progress token. */
  readonly onProgress: ((progress: Progress) => void) | undefined;
}

/**
 * The human's answer; `unavailable` when nobody could be asked (no channel reaches a human),
 * `unshowable` when a prompt could not show what is being approved (nobody was asked there).
 */
export type ApprovalAnswer =
  | {
      readonly approved: true;
      readonly scope: 'once' | 'session';
      /** Who approved: `elicitation`, `console`, `terminal` or `preapproved`. */
      readonly channel?: string;
    }
  | {
      readonly approved: false;
      readonly why: 'declined' | 'cancelled' | 'timeout' | 'unavailable' | 'unshowable';
      /** Says more than the standard sentence for `why`. */
      readonly detail?: string;
      readonly channel?: string;
    };

/** Port: asks the human (through the approval channels in the gateway). */
export type AskHuman = (request: ApprovalRequest) => Promise<ApprovalAnswer>;

/** What the policy step reads per call; getters, so a reloaded config applies to the next call. */
export interface EnforcePolicyOptions {
  readonly policy: () => CompiledPolicy;
  readonly limiter: () => RateLimiter;
  readonly server: (
    name: string,
  ) => { readonly tags: readonly string[]; readonly trustAnnotations: boolean } | undefined;
  readonly askHuman: AskHuman;
  readonly now: () => number;
  /** The MCP roots the agent gave a backend (relative paths may resolve under them). */
  readonly roots?: (server: string) => RootsView | undefined;
  /** Flow rules, combined with the ordinary ones before anyone is asked (DESIGN §12). */
  readonly flows?: FlowControl | undefined;
}

const WHY_DENIED: Record<Exclude<ApprovalAnswer, { approved: true }>['why'], string> = {
  declined: 'the human declined the approval request',
  cancelled: 'the human cancelled the approval request',
  timeout: 'nobody answered the approval request in time',
  unavailable: "this call needs a human's approval, and no approval channel could ask one",
  unshowable:
    "this call needs a human's approval, and its arguments are too long to show in full in an approval prompt",
};

/**
 * Policy step: allow, deny, ask a human, or hold back for a rate limit; the decision goes to the
 * trace. Not an async function: a call that nobody is asked about is decided at once, and an
 * async frame would cost every call a promise of its own plus the tick that unwraps next()'s.
 */
export const enforcePolicy = (options: EnforcePolicyOptions): Middleware =>
  function enforcePolicy(ctx, next) {
    const policy = options.policy();
    const call = toPolicyCall(ctx, policy, options);
    let decision = evaluatePolicy(policy, call);
    const flow = options.flows?.check(ctx);
    if (flow !== undefined) decision = withFlows(decision, flow);
    if (decision.final !== 'allow' && decision.effect === 'ask')
      return askThenDecide(options, ctx, policy, call, decision, next);
    return decide(options, ctx, call, decision, next);
  };

/** The decision once any human has answered: the rate limit last, then on to the call or not. */
const decide = (
  options: EnforcePolicyOptions,
  ctx: ToolCallContext,
  call: PolicyCall,
  decided: PolicyDecision,
  next: () => Promise<ToolCallOutcome>,
): Promise<ToolCallOutcome> => {
  let decision = decided;
  const limiter = options.limiter();
  // Without limits there is nothing to take, nor a clock to read.
  if (decision.final === 'allow' && limiter.limits) {
    const limited = limiter.take(call, options.now());
    if (!limited.ok) {
      decision = {
        ...decision,
        effect: 'deny',
        final: 'deny',
        decidingRule: `limit:${limited.limitId}`,
        reason: `rate limit "${limited.limitId}" reached; retry after ${limited.retryAfterSeconds} s`,
        retryAfterSeconds: limited.retryAfterSeconds,
      };
    }
  }
  ctx.trace.decision = decision;
  return decision.final === 'allow' ? next() : Promise.resolve({ kind: 'denied', decision });
};

const askThenDecide = async (
  options: EnforcePolicyOptions,
  ctx: ToolCallContext,
  policy: CompiledPolicy,
  call: PolicyCall,
  asked: PolicyDecision,
  next: () => Promise<ToolCallOutcome>,
): Promise<ToolCallOutcome> => {
  const decision = await ask(
    ctx,
    asked,
    options.askHuman,
    () => examineArguments(policy, call, asked),
    () => {
      // "Trust this session": a human's session-wide approval of a flow ask clears what it was
      // about, in the session that asked (ctx.flow) and no other.
      if (asked.flow?.clears !== undefined)
        options.flows?.trust(ctx, asked.flow.clears, asked.flow.rules);
    },
  );
  return await decide(options, ctx, call, decision, next);
};

const toPolicyCall = (
  ctx: ToolCallContext,
  policy: CompiledPolicy,
  options: EnforcePolicyOptions,
): PolicyCall => {
  const server = options.server(ctx.server);
  return {
    server: ctx.server,
    tool: ctx.tool,
    args: ctx.args,
    agent: ctx.session.agent,
    access: accessClassFor(
      policy,
      ctx.server,
      ctx.tool,
      ctx.definition?.annotations,
      server?.trustAnnotations ?? false,
    ),
    serverTags: server?.tags ?? [],
    roots: options.roots?.(ctx.server),
  };
};

const ask = async (
  ctx: ToolCallContext,
  decision: PolicyDecision,
  askHuman: AskHuman,
  examine: () => readonly ExaminedArgument[],
  onSessionApproval: () => void,
): Promise<PolicyDecision> => {
  // "session" means the agent session that made this call: another client's approval never counts.
  if (ctx.approvals?.covers(ctx.server, ctx.tool) === true) {
    return {
      ...decision,
      final: 'allow',
      approval: { scope: 'session', approved: true },
      reason: 'approved earlier in this session',
    };
  }
  const answer = await askHuman({
    callId: ctx.id,
    server: ctx.server,
    tool: ctx.tool,
    exposed: ctx.exposed,
    args: ctx.args,
    agent: ctx.session.agent,
    reason: decision.reason,
    rule: decision.decidingRule,
    rules: decision.rules,
    examined: examine(),
    signal: ctx.signal,
    onProgress: ctx.onProgress,
  });
  if (answer.approved) {
    if (answer.scope === 'session') {
      ctx.approvals?.add(ctx.server, ctx.tool);
      onSessionApproval();
    }
    return {
      ...decision,
      final: 'allow',
      approval: {
        scope: answer.scope,
        approved: true,
        ...(answer.channel === undefined ? {} : { channel: answer.channel }),
      },
      reason: answer.channel === 'preapproved' ? 'pre-approved' : 'approved by the human',
    };
  }
  return {
    ...decision,
    final: 'deny',
    approval: {
      scope: 'once',
      approved: false,
      ...(answer.channel === undefined ? {} : { channel: answer.channel }),
    },
    reason: deniedReason(answer, decision),
  };
};

const deniedReason = (
  answer: Exclude<ApprovalAnswer, { approved: true }>,
  decision: PolicyDecision,
): string => {
  const why =
    answer.detail === undefined
      ? WHY_DENIED[answer.why]
      : `${WHY_DENIED[answer.why]}: ${answer.detail}`;
  // A flow ask keeps its own reason: it names the calls that made approval necessary.
  return decision.flow === undefined ? why : `${why} (${decision.reason})`;
};
