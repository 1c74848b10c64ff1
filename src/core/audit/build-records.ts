import type { PolicyDecision } from '../policy/decision.js';
import type { Finding } from '../scanner/finding.js';
import type { CutTrace, SessionInfo, ToolCallContext, ToolCallOutcome } from '../tool-call.js';
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
import { hasExactly, shareRecordPart } from './record-text.js';
import { redactSecrets, type FindSecrets } from './redact-secrets.js';

/** Maps the gateway's session info onto the log's JSON shape (absent → null), in key order. */
export const toAuditSession = (session: SessionInfo): AuditSession => {
  const agent = session.agent ?? null;
  const { client } = session;
  // The session of the call before, as it was: handed out again (a session's calls come in runs).
  const last = lastSession;
  if (last?.agent === agent && sameClient(last.client, client)) return last;
  const made: AuditSession = {
    agent,
    client: client === undefined ? null : { ...client },
  };
  // Only a client of the usual shape is shared (its copy then has nothing but the two strings).
  if (made.client === null || hasExactly(made.client, CLIENT_KEYS)) {
    lastSession = shareRecordPart(made);
  }
  return made;
};

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Maps a policy decision onto the log's JSON shape. Like every record built here, its members
 * are added in JCS key order, so the canonical encoder that hashes it has nothing to sort.
 */
export const toAuditDecision = (decision: PolicyDecision): AuditDecision => {
  const simple =
    decision.approval === undefined &&
    decision.flow === undefined &&
    decision.wouldBe === undefined;
  if (simple) {
    for (const known of simpleDecisions) if (sameSimpleDecision(known, decision)) return known;
  }
  const out = {} as Writable<AuditDecision>;
  if (decision.approval !== undefined) {
    const { approved, channel, scope } = decision.approval;
    out.approval = channel === undefined ? { approved, scope } : { approved, channel, scope };
  }
  out.deciding = decision.decidingRule;
  out.effect = decision.effect;
  out.final = decision.final;
  if (decision.flow !== undefined) out.flow = decision.flow;
  out.mode = decision.mode;
  out.policy = decision.policy;
  out.rules = [...decision.rules];
  if (decision.wouldBe !== undefined)
    out.would_be = { effect: decision.wouldBe, rule: decision.wouldBeRule ?? 'default' };
  if (simple) {
    simpleDecisions[nextSimple] = shareRecordPart(out);
    nextSimple = (nextSimple + 1) % SHARED_DECISIONS;
  }
  return out;
};

// Most calls get a decision some call just before got (the same rules of the same policy):
// its log shape is made once, then handed out again, frozen, and record-text.ts keeps its
// text instead of writing it per call. Decisions with an approval, a flow part or a would_be
// are made anew each time. The session works the same way, with the last one.
const SHARED_DECISIONS = 8;
const simpleDecisions: AuditDecision[] = [];
let nextSimple = 0;
let lastSession: AuditSession | undefined;
const CLIENT_KEYS = ['name', 'version'] as const;

/** Whether a client is logged as `known` was (a client of another shape never is). */
const sameClient = (known: AuditSession['client'], client: SessionInfo['client']): boolean => {
  if (client === undefined) return known === null;
  if (known === null) return false;
  // The shape first: it also keeps a client that is not an object at all (null) from being read.
  return (
    hasExactly(client, CLIENT_KEYS) &&
    known.name === client.name &&
    known.version === client.version
  );
};

/** A decision without approval, flow or would_be, logged as `known` was. */
const sameSimpleDecision = (known: AuditDecision, decision: PolicyDecision): boolean => {
  if (
    known.deciding !== decision.decidingRule ||
    known.effect !== decision.effect ||
    known.final !== decision.final ||
    known.mode !== decision.mode ||
    known.policy !== decision.policy ||
    known.rules.length !== decision.rules.length
  )
    return false;
  for (let i = 0; i < known.rules.length; i++)
    if (known.rules[i] !== decision.rules[i]) return false;
  return true;
};

/** Keeps what the log may hold of a finding: never its message or matched text. */
export const toAuditFinding = (finding: Finding): AuditFinding => ({
  field: finding.field,
  rule: finding.rule,
  severity: finding.severity,
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
    args: args.value,
    call: { id: call.id },
    decision: toAuditDecision(params.decision),
    def_hash: params.defHash ?? null,
    exposed: call.exposed,
    redacted: args.paths,
    server: call.server,
    session: toAuditSession(call.session),
    tool: call.tool,
    type: 'call',
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
  /** The result was cut for the client: `digest` and the stored result are of the whole one. */
  readonly cut?: CutTrace | undefined;
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);
const NO_AUDIT_FINDINGS: readonly AuditFinding[] = Object.freeze([]);

/** Builds a `result` record; content fields follow `audit.results` (`none`, `hash`, `redacted`). */
export const buildResultRecord = (params: ResultRecordParams): ResultInput => {
  const { outcome } = params;
  const carried =
    outcome.kind === 'ok'
      ? (outcome.findings ?? [])
      : outcome.kind === 'blocked'
        ? outcome.findings
        : [];
  const before = params.findings ?? NO_FINDINGS;
  // Most calls have none: one shared empty list, not two new arrays per call.
  const findings =
    before.length === 0 && carried.length === 0
      ? NO_AUDIT_FINDINGS
      : [...before, ...carried].map(toAuditFinding);
  // Microsecond precision is plenty and keeps float noise out of the log.
  const ms = Math.round(params.ms * 1000) / 1000;
  const status = auditStatusOf(outcome);
  const cut =
    params.cut === undefined
      ? undefined
      : {
          // In key order, like the rest of the record.
          cut: {
            resource: params.cut.uri ?? null,
            shown_bytes: params.cut.shownBytes,
            text_bytes: params.cut.totalBytes,
          },
        };
  if (params.results === 'none' || params.digest === undefined) {
    return {
      call: { id: params.callId },
      ...cut,
      findings,
      outcome: { ms, status },
      type: 'result',
    };
  }
  const withDigest = { bytes: params.digest.bytes, ms, sha256: params.digest.sha256, status };
  if (params.results === 'hash' || outcome.kind !== 'ok') {
    return { call: { id: params.callId }, ...cut, findings, outcome: withDigest, type: 'result' };
  }
  const whole = params.cut?.full ?? outcome.result;
  const result = redactSecrets(whole, { findSecrets: params.findSecrets, path: 'result' });
  return {
    call: { id: params.callId },
    ...cut,
    findings,
    outcome: withDigest,
    redacted: result.paths,
    result: result.value,
    type: 'result',
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
