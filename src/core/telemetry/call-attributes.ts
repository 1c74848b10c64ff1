import type { AuditOutcomeStatus } from '../audit/audit-record.js';
import { auditStatusOf } from '../audit/build-records.js';
import type { GatewayErrorCode } from '../errors.js';
import { labelsOf, type LabelBits } from '../flows/flow-label.js';
import type { PolicyDecision } from '../policy/decision.js';
import type { Finding } from '../scanner/finding.js';
import type { CallOrigin, ToolCallContext, ToolCallOutcome } from '../tool-call.js';
import { EXECUTE_TOOL, GATEWAY_ATTR, SEMCONV, TOOLS_CALL } from './semconv.js';

/** An OpenTelemetry attribute value, as core knows it (no SDK types here). */
export type AttributeValue = string | number | boolean | readonly string[];

/** A set of attributes, by name. */
export type Attributes = Readonly<Record<string, AttributeValue>>;

/** How the gateway reaches a backend, for the backend span's network attributes. */
export type BackendAddress =
  { readonly kind: 'stdio' } | { readonly kind: 'remote'; readonly url: string };

/** `tools/call <name the agent used>` (span name rule of the MCP conventions). */
export const callSpanName = (ctx: ToolCallContext): string => `${TOOLS_CALL} ${ctx.exposed}`;

/** `tools/call <the backend's own tool name>`. */
export const backendSpanName = (ctx: ToolCallContext): string => `${TOOLS_CALL} ${ctx.tool}`;

/** The call span's attributes, known when the call arrives. */
export const callSpanAttributes = (ctx: ToolCallContext): Attributes => ({
  ...unroutedSpanAttributes(ctx.exposed, ctx.origin),
  [GATEWAY_ATTR.server]: ctx.server,
  [GATEWAY_ATTR.tool]: ctx.tool,
  [GATEWAY_ATTR.callId]: ctx.id,
});

/** The attributes of a call known before it is routed: its name and where it came from. */
export const unroutedSpanAttributes = (
  name: string,
  origin: CallOrigin | undefined,
): Attributes => {
  const attributes: Record<string, AttributeValue> = {
    [SEMCONV.mcpMethodName]: TOOLS_CALL,
    [SEMCONV.genAiOperationName]: EXECUTE_TOOL,
    [SEMCONV.genAiToolName]: name,
  };
  if (origin !== undefined) {
    attributes[SEMCONV.jsonrpcRequestId] = String(origin.requestId);
    attributes[SEMCONV.networkTransport] = transportOf(origin);
    if (origin.sessionId !== undefined) attributes[SEMCONV.mcpSessionId] = origin.sessionId;
    if (origin.protocolVersion !== undefined)
      attributes[SEMCONV.mcpProtocolVersion] = origin.protocolVersion;
  }
  return attributes;
};

const transportOf = (origin: CallOrigin): 'pipe' | 'tcp' =>
  origin.transport === 'stdio' ? 'pipe' : 'tcp';

/** `tools/call <name>` for a call that routes nowhere: its span and metric attributes. */
export const unroutedMeasurements = (
  name: string,
  origin: CallOrigin | undefined,
  outcome: ToolCallOutcome,
): {
  readonly summary: OutcomeSummary;
  readonly duration: Attributes;
  readonly call: Attributes;
} => {
  const summary = summarizeOutcome(outcome);
  const duration: Record<string, AttributeValue> = {
    [SEMCONV.genAiToolName]: name,
    [SEMCONV.mcpMethodName]: TOOLS_CALL,
    [SEMCONV.genAiOperationName]: EXECUTE_TOOL,
  };
  if (summary.errorType !== undefined) duration[SEMCONV.errorType] = summary.errorType;
  if (origin !== undefined) duration[SEMCONV.networkTransport] = transportOf(origin);
  return {
    summary,
    duration,
    call: { [SEMCONV.genAiToolName]: name, [GATEWAY_ATTR.outcome]: summary.status },
  };
};

/** The backend span's attributes: the backend's own tool name and how it is reached. */
export const backendSpanAttributes = (
  ctx: ToolCallContext,
  address: BackendAddress | undefined,
): Attributes => {
  const attributes: Record<string, AttributeValue> = {
    [SEMCONV.mcpMethodName]: TOOLS_CALL,
    [SEMCONV.genAiOperationName]: EXECUTE_TOOL,
    [SEMCONV.genAiToolName]: ctx.tool,
    [GATEWAY_ATTR.server]: ctx.server,
  };
  if (address?.kind === 'stdio') attributes[SEMCONV.networkTransport] = 'pipe';
  if (address?.kind === 'remote') {
    attributes[SEMCONV.networkTransport] = 'tcp';
    const url = parseUrl(address.url);
    if (url !== undefined) {
      attributes[SEMCONV.serverAddress] = url.hostname;
      const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
      attributes[SEMCONV.serverPort] = port;
    }
  }
  return attributes;
};

const parseUrl = (text: string): URL | undefined => {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
};

/**
 * Gateway errors the agent receives as JSON-RPC errors, with their codes; every other failure
 * reaches it as a tool result with `isError`. Mirrors frontend/to-mcp-response.ts (a test holds
 * the two together).
 */
const RPC_ERROR_CODES: Partial<Record<GatewayErrorCode, number>> = {
  TOOL_NOT_FOUND: -32602,
  USAGE: -32602,
  CONFIG_NOT_FOUND: -32603,
  CONFIG_INVALID: -32603,
  TOOL_NAME_COLLISION: -32603,
  CONSOLE_UNAVAILABLE: -32603,
  APPROVAL_NOT_FOUND: -32603,
};

/** The JSON-RPC error code the agent receives for an outcome, or undefined for a tool result. */
export const rpcErrorCodeOf = (outcome: ToolCallOutcome): number | undefined => {
  if (outcome.kind !== 'failed') return undefined;
  const { error } = outcome;
  if (error.code === 'BACKEND_ERROR') {
    const code = error.details?.['rpcCode'];
    return typeof code === 'number' ? code : -32603;
  }
  return RPC_ERROR_CODES[error.code];
};

/** How an outcome ends a span, after the conventions: error.type and a status message. */
export interface OutcomeSummary {
  readonly status: AuditOutcomeStatus;
  /** The JSON-RPC error code as a string, `tool_error` for an `isError` result, else undefined. */
  readonly errorType: string | undefined;
  /** For the span status: what went wrong, in the gateway's words. */
  readonly message: string | undefined;
  /** Who refused the call, when the gateway did rather than the backend. */
  readonly deniedBy: 'policy' | 'flow' | 'limit' | 'scan' | 'review' | 'audit' | undefined;
  readonly attributes: Attributes;
}

/** Sums up an outcome for the call span and the metrics. */
export const summarizeOutcome = (outcome: ToolCallOutcome): OutcomeSummary => {
  const status = auditStatusOf(outcome);
  const code = rpcErrorCodeOf(outcome);
  const errorType = code !== undefined ? String(code) : status === 'ok' ? undefined : 'tool_error';
  const deniedBy = deniedByOf(outcome);
  const attributes: Record<string, AttributeValue> = { [GATEWAY_ATTR.outcome]: status };
  if (errorType !== undefined) attributes[SEMCONV.errorType] = errorType;
  if (code !== undefined) attributes[SEMCONV.rpcResponseStatusCode] = String(code);
  if (deniedBy !== undefined) attributes[GATEWAY_ATTR.deniedBy] = deniedBy;
  if (outcome.kind === 'failed') attributes['mcp_gateway.error.code'] = outcome.error.code;
  if (outcome.receipt !== undefined) {
    attributes[GATEWAY_ATTR.auditSeq] = outcome.receipt.seq;
    attributes[GATEWAY_ATTR.auditHash] = outcome.receipt.hash;
  }
  return { status, errorType, message: messageOf(outcome), deniedBy, attributes };
};

const deniedByOf = (outcome: ToolCallOutcome): OutcomeSummary['deniedBy'] => {
  switch (outcome.kind) {
    case 'ok':
      return undefined;
    case 'denied':
      return outcome.decision.decidingRule.startsWith('limit:')
        ? 'limit'
        : outcome.decision.decidingRule.startsWith('flow:')
          ? 'flow'
          : 'policy';
    case 'blocked':
      return outcome.stage === 'description' ? 'review' : 'scan';
    case 'failed':
      return outcome.error.code === 'TOOL_BLOCKED'
        ? 'review'
        : outcome.error.code === 'AUDIT_WRITE_FAILED'
          ? 'audit'
          : undefined;
  }
};

const messageOf = (outcome: ToolCallOutcome): string | undefined => {
  switch (outcome.kind) {
    case 'ok':
      return outcome.result.isError === true ? 'the tool returned an error' : undefined;
    case 'denied':
      return `denied by rule "${outcome.decision.decidingRule}"`;
    case 'blocked':
      return `blocked by the scanner (${outcome.stage}): ${uniqueRules(outcome.findings).join(', ')}`;
    case 'failed':
      return outcome.error.message;
  }
};

const uniqueRules = (findings: readonly Finding[]): string[] =>
  [...new Set(findings.map((f) => f.rule))].sort();

/** The policy span's attributes: what the rules (flow rules included) said and what happened. */
export const policyAttributes = (decision: PolicyDecision | undefined): Attributes => {
  if (decision === undefined) return {};
  const attributes: Record<string, AttributeValue> = {
    [GATEWAY_ATTR.effect]: decision.effect,
    [GATEWAY_ATTR.decision]: decision.final,
    [GATEWAY_ATTR.rule]: decision.decidingRule,
    [GATEWAY_ATTR.rules]: [...decision.rules],
    [GATEWAY_ATTR.mode]: decision.mode,
  };
  if (decision.approval !== undefined)
    attributes[GATEWAY_ATTR.approved] = decision.approval.approved;
  const flow = decision.flow;
  if (flow !== undefined) {
    attributes[GATEWAY_ATTR.flowSession] = flow.session;
    attributes[GATEWAY_ATTR.flowLabels] = [...flow.labels];
    attributes[GATEWAY_ATTR.flowToolLabels] = [...flow.tool];
    attributes[GATEWAY_ATTR.flowRules] = [...flow.rules];
    if (flow.carried !== undefined) attributes[GATEWAY_ATTR.flowCarried] = flow.carried.kind;
  }
  return attributes;
};

/**
 * The flow step's attributes: the agent session and its labels once the result was taken in,
 * with the labels this result added (`before`: the session's label bits when the step began).
 */
export const flowStepAttributes = (ctx: ToolCallContext, before: LabelBits): Attributes => {
  const session = ctx.flow;
  if (session === undefined) return {};
  const added = session.labels & ~before;
  return {
    [GATEWAY_ATTR.flowSession]: session.id,
    [GATEWAY_ATTR.flowLabels]: labelsOf(session.labels),
    ...(added === 0 ? {} : { [GATEWAY_ATTR.flowChanged]: labelsOf(added) }),
  };
};

/** A scan span's attributes: which surface, how many findings, which rules. */
export const scanAttributes = (
  stage: 'arguments' | 'result',
  findings: readonly Finding[],
): Attributes => ({
  [GATEWAY_ATTR.scanStage]: stage,
  [GATEWAY_ATTR.findings]: findings.length,
  ...(findings.length === 0 ? {} : { [GATEWAY_ATTR.findingRules]: uniqueRules(findings) }),
});

/** The findings an outcome carries, with the stage they were found at. */
export const findingsOf = (
  ctx: ToolCallContext,
  outcome: ToolCallOutcome | undefined,
): { readonly stage: 'description' | 'arguments' | 'result'; readonly finding: Finding }[] => {
  const out: { stage: 'description' | 'arguments' | 'result'; finding: Finding }[] =
    ctx.trace.argumentFindings.map((finding) => ({ stage: 'arguments', finding }));
  if (outcome?.kind === 'ok') {
    for (const finding of outcome.findings ?? []) out.push({ stage: 'result', finding });
  }
  if (outcome?.kind === 'blocked') {
    // A block on the arguments carries the same findings the trace already has.
    if (outcome.stage !== 'arguments') {
      for (const finding of outcome.findings) out.push({ stage: outcome.stage, finding });
    }
  }
  return out;
};

/** What one finished call adds to the metrics, with the attributes of each instrument. */
export interface CallMeasurements {
  /** Seconds from arrival to answer, with the attributes of `mcp.server.operation.duration`. */
  readonly duration: Attributes;
  readonly call: Attributes;
  readonly error: Attributes | undefined;
  readonly denial: Attributes | undefined;
  readonly ask: Attributes | undefined;
  readonly findings: readonly Attributes[];
}

/** Maps a finished call onto the gateway's instruments (METRICS in semconv.ts). */
export const callMeasurements = (
  ctx: ToolCallContext,
  outcome: ToolCallOutcome | undefined,
): CallMeasurements => {
  const summary =
    outcome === undefined
      ? { status: 'error' as const, errorType: '_OTHER', deniedBy: undefined }
      : summarizeOutcome(outcome);
  const base = {
    [GATEWAY_ATTR.server]: ctx.server,
    [SEMCONV.genAiToolName]: ctx.exposed,
  };
  const duration: Record<string, AttributeValue> = {
    ...base,
    [SEMCONV.mcpMethodName]: TOOLS_CALL,
    [SEMCONV.genAiOperationName]: EXECUTE_TOOL,
  };
  if (summary.errorType !== undefined) duration[SEMCONV.errorType] = summary.errorType;
  if (ctx.origin !== undefined) duration[SEMCONV.networkTransport] = transportOf(ctx.origin);
  const decision = ctx.trace.decision;
  const refused = summary.deniedBy !== undefined;
  return {
    duration,
    call: { ...base, [GATEWAY_ATTR.outcome]: summary.status },
    error:
      !refused && summary.errorType !== undefined
        ? {
            ...base,
            [SEMCONV.errorType]: summary.errorType,
            [GATEWAY_ATTR.outcome]: summary.status,
          }
        : undefined,
    denial: refused
      ? { ...base, [GATEWAY_ATTR.deniedBy]: summary.deniedBy, [GATEWAY_ATTR.rule]: ruleOf(outcome) }
      : undefined,
    ask:
      decision?.effect === 'ask'
        ? {
            ...base,
            [GATEWAY_ATTR.rule]: decision.decidingRule,
            [GATEWAY_ATTR.approved]: decision.final === 'allow',
          }
        : undefined,
    findings: findingsOf(ctx, outcome).map(({ stage, finding }) => ({
      [GATEWAY_ATTR.server]: ctx.server,
      [GATEWAY_ATTR.findingRule]: finding.rule,
      [GATEWAY_ATTR.findingSeverity]: finding.severity,
      [GATEWAY_ATTR.scanStage]: stage,
    })),
  };
};

/** The rule behind a refusal: the deciding policy rule, the scanner rules, or the error code. */
const ruleOf = (outcome: ToolCallOutcome | undefined): string => {
  switch (outcome?.kind) {
    case 'denied':
      return outcome.decision.decidingRule;
    case 'blocked':
      return uniqueRules(outcome.findings).join(',');
    case 'failed':
      return outcome.error.code;
    case 'ok':
    case undefined:
      return '';
  }
};
