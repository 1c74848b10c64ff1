import type { PolicyDecision } from '../policy/decision.js';
import type { Finding } from '../scanner/finding.js';
import type { SessionInfo, ToolCallContext, ToolCallOutcome } from '../tool-call.js';
import type {
  AuditDecision,
  AuditFinding,
  AuditOutcomeStatus,
  AuditResultsMode,
  AuditSession,
  CallInput,
  FindingInput,
  ResultInput,
} from './audit-record.js';
import { redactSecrets, type FindSecrets } from './redact-secrets.js';

/** Maps the gateway's session info onto the log's JSON shape (absent → null). */
export const toAuditSession = (session: SessionInfo): AuditSession => ({
  agent: session.agent ?? null,
  client: session.client === undefined ? null : { ...session.client },
});

/** Maps a policy decision onto the log's JSON shape. */
export const toAuditDecision = (decision: PolicyDecision): AuditDecision => ({
  effect: decision.effect,
  final: decision.final,
  rules: [...decision.rules],
  deciding: decision.decidingRule,
  mode: decision.mode,
  policy: decision.policy,
  ...(decision.approval === undefined ? {} : { approval: { ...decision.approval } }),
  ...(decision.wouldBe === undefined
    ? {}
    : { would_be: { effect: decision.wouldBe, rule: decision.wouldBeRule ?? 'default' } }),
  ...(decision.flow === undefined ? {} : { flow: decision.flow }),
});

/** Keeps what the log may hold of a finding: never its message or matched text. */
export const toAuditFinding = (finding: Finding): AuditFinding => ({
  rule: finding.rule,
  severity: finding.severity,
  field: finding.field,
  span: [finding.span[0], finding.span[1]],
});

/** What a `call` record is built from. */
export interface CallRecordParams {
  readonly call: Pick<ToolCallContext, 'id' | 'server' | 'tool' | 'exposed' | 'args' | 'session'>;
  readonly decision: PolicyDecision;
  /** Pinned definition hash, `sha256:…`, when the tool is pinned. */
  readonly defHash: string | undefined;
  readonly findSecrets: FindSecrets;
}

/** Builds a `call` record with its arguments redacted (before anything hashes them). */
export const buildCallRecord = (params: CallRecordParams): CallInput => {
  const { call } = params;
  const args = redactSecrets(call.args, { findSecrets: params.findSecrets, path: 'args' });
  return {
    type: 'call',
    call: { id: call.id },
    server: call.server,
    tool: call.tool,
    exposed: call.exposed,
    args: args.value,
    redacted: args.paths,
    def_hash: params.defHash ?? null,
    decision: toAuditDecision(params.decision),
    session: toAuditSession(call.session),
  };
};

const TIMEOUT_CODES: ReadonlySet<string> = new Set(['CALL_TIMEOUT', 'BACKEND_TIMEOUT']);

/** The `outcome.status` a pipeline outcome is recorded as. */
export const auditStatusOf = (outcome: ToolCallOutcome): AuditOutcomeStatus => {
  switch (outcome.kind) {
    case 'ok':
      return outcome.result.isError === true ? 'tool_error' : 'ok';
    case 'denied':
      return 'denied';
    case 'blocked':
      return 'blocked';
    case 'failed':
      return TIMEOUT_CODES.has(outcome.error.code) ? 'timeout' : 'error';
  }
};

/** What a `result` record is built from. */
export interface ResultRecordParams {
  readonly callId: string;
  readonly outcome: ToolCallOutcome;
  readonly ms: number;
  readonly results: AuditResultsMode;
  /** Size and `sha256:` of the canonical JSON of the backend's result, computed at the edge. */
  readonly digest: { readonly bytes: number; readonly sha256: string } | undefined;
  /** Findings not carried by the outcome, e.g. from scanning the arguments. */
  readonly findings?: readonly Finding[];
  readonly findSecrets: FindSecrets;
}

/** Builds a `result` record; content fields follow `audit.results` (`none`, `hash`, `redacted`). */
export const buildResultRecord = (params: ResultRecordParams): ResultInput => {
  const { outcome } = params;
  const carried =
    outcome.kind === 'ok'
      ? (outcome.findings ?? [])
      : outcome.kind === 'blocked'
        ? outcome.findings
        : [];
  const findings = [...(params.findings ?? []), ...carried].map(toAuditFinding);
  // Microsecond precision is plenty and keeps float noise out of the log.
  const ms = Math.round(params.ms * 1000) / 1000;
  const status = auditStatusOf(outcome);
  if (params.results === 'none' || params.digest === undefined) {
    return { type: 'result', call: { id: params.callId }, outcome: { status, ms }, findings };
  }
  const withDigest = { status, ms, bytes: params.digest.bytes, sha256: params.digest.sha256 };
  if (params.results === 'hash' || outcome.kind !== 'ok') {
    return { type: 'result', call: { id: params.callId }, outcome: withDigest, findings };
  }
  const result = redactSecrets(outcome.result, { findSecrets: params.findSecrets, path: 'result' });
  return {
    type: 'result',
    call: { id: params.callId },
    outcome: withDigest,
    findings,
    result: result.value,
    redacted: result.paths,
  };
};

/** What a standalone `finding` record is built from. */
export interface FindingRecordParams {
  readonly server: string;
  readonly tool: string | undefined;
  readonly finding: Finding;
}

/** Builds a `finding` record for a scanner finding not tied to a call (e.g. a tool description). */
export const buildFindingRecord = (params: FindingRecordParams): FindingInput => ({
  type: 'finding',
  ...toAuditFinding(params.finding),
  server: params.server,
  tool: params.tool ?? null,
});
