import type { DecisionFlow } from '../flows/flow-decision.js';
import type { SessionLabel } from '../flows/flow-label.js';
import type { Severity } from '../scanner/finding.js';

/** Schema version written in every record's `v`. */
export const AUDIT_RECORD_VERSION = 1;

/** Domain-separation prefix hashed before the canonical record (DESIGN §9). */
export const AUDIT_HASH_DOMAIN = 'mcp-gateway-audit-v1\n';

/** Domain-separation prefix signed before a checkpoint's canonical statement. */
export const AUDIT_CHECKPOINT_DOMAIN = 'mcp-gateway-audit-checkpoint-v1\n';

/** The `prev` of the very first record of a log. */
export const AUDIT_GENESIS_HASH = `sha256:${'0'.repeat(64)}`;

/** Every record type, in the order a reader is likely to meet them. */
export const AUDIT_RECORD_TYPES = [
  'session_start',
  'call',
  'result',
  'finding',
  'config_change',
  'backend',
  'checkpoint',
  'recovery',
  'session_end',
  'label',
  'key_rotated',
  'telemetry',
] as const;

/** One of the twelve record types. */
export type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

/** How a call ended, as written in `result.outcome.status`. */
export type AuditOutcomeStatus = 'ok' | 'tool_error' | 'error' | 'timeout' | 'denied' | 'blocked';

/** How much of a tool result the log keeps (`audit.results`). */
export type AuditResultsMode = 'none' | 'hash' | 'redacted';

/** Who made a call, as the gateway knows it. */
export interface AuditSession {
  readonly agent: string | null;
  readonly client: { readonly name: string; readonly version: string } | null;
}

/** A scanner finding as stored in the log: never the matched text itself. */
export interface AuditFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly field: string;
  readonly span: readonly [number, number];
}

/** The policy decision as stored in a `call` record. */
export interface AuditDecision {
  readonly effect: 'allow' | 'deny' | 'ask';
  readonly final: 'allow' | 'deny';
  readonly rules: readonly string[];
  readonly deciding: string;
  readonly mode: 'enforce' | 'audit';
  readonly policy: string;
  readonly approval?: {
    readonly scope: 'once' | 'session';
    readonly approved: boolean;
    /** Who answered: `elicitation`, `console`, `terminal` or `preapproved`. */
    readonly channel?: string;
  };
  /** What was not enforced (audit mode, `enforce: false`) would have done: `would_deny`/`would_ask`. */
  readonly would_be?: { readonly effect: 'deny' | 'ask' | 'allow'; readonly rule: string };
  /** Flow control's part: session labels, source calls, value tracking (docs/flows.md). */
  readonly flow?: DecisionFlow;
}

/** A gateway process started writing to the log. */
export interface SessionStartInput {
  readonly type: 'session_start';
  readonly session: AuditSession;
  readonly gateway: { readonly version: string; readonly pid: number };
}

/** A tool call, written before it is forwarded; `args` are already redacted. */
export interface CallInput {
  readonly type: 'call';
  readonly call: { readonly id: string };
  /** The backend's name; null for a name that belongs to no backend (an unknown tool). */
  readonly server: string | null;
  /** The backend's own tool name; null when the call reached no tool (`decision.deciding: "unknown-tool"`). */
  readonly tool: string | null;
  readonly exposed: string;
  readonly args: unknown;
  /** JSON paths of `args` that were redacted, e.g. `args.headers.Authorization`. */
  readonly redacted: readonly string[];
  /** Pinned hash of the tool definition, `sha256:…`, or null when unknown. */
  readonly def_hash: string | null;
  readonly decision: AuditDecision;
  readonly session: AuditSession;
}

/** What became of a call; content fields depend on `audit.results`. */
export interface ResultInput {
  readonly type: 'result';
  readonly call: { readonly id: string };
  readonly outcome: {
    readonly status: AuditOutcomeStatus;
    readonly ms: number;
    /** UTF-8 size of the canonical result JSON (`hash` and `redacted` modes). */
    readonly bytes?: number;
    /** `sha256:` of the canonical result JSON (`hash` and `redacted` modes). */
    readonly sha256?: string;
  };
  readonly findings: readonly AuditFinding[];
  /** The backend's CallToolResult, redacted (`redacted` mode only). */
  readonly result?: unknown;
  /** Paths redacted inside `result`, e.g. `result.content[0].text` (`redacted` mode only). */
  readonly redacted?: readonly string[];
  /**
   * Present when the agent was sent a cut result (its client's size limit): `bytes`, `sha256`
   * and `result` still describe the whole result; this says how much of its text was sent and
   * where the whole text can be read (null when it could not be kept).
   */
  readonly cut?: {
    readonly shown_bytes: number;
    readonly text_bytes: number;
    readonly resource: string | null;
  };
}

/** A scanner finding not tied to a call, e.g. in a tool description. */
export interface FindingInput {
  readonly type: 'finding';
  readonly rule: string;
  readonly severity: Severity;
  readonly server: string;
  readonly tool: string | null;
  readonly field: string;
  readonly span: readonly [number, number];
  /** In what resources/read returned: the backend's URI of the resource. */
  readonly resource?: string;
  /** In what prompts/get returned: the backend's name of the prompt. */
  readonly prompt?: string;
  /** For read content: what the gateway did with it (`scanning.responses`). */
  readonly action?: 'block' | 'redact' | 'warn';
}

/** A configuration reload, accepted or rejected. */
export interface ConfigChangeInput {
  readonly type: 'config_change';
  readonly status: 'accepted' | 'rejected';
  readonly summary: string;
}

/** A backend's lifecycle event. */
export interface BackendInput {
  readonly type: 'backend';
  readonly server: string;
  readonly event: 'start' | 'exit' | 'restart' | 'failed';
  readonly detail: string;
}

/** A signed statement that the chain up to `covers` existed (written by the log itself). */
export interface CheckpointInput {
  readonly type: 'checkpoint';
  readonly covers: { readonly seq: number; readonly hash: string };
  /** The log's file name (rotation does not change it). */
  readonly file: string;
  readonly key_id: string;
  /** Base64 Ed25519 signature of the checkpoint statement. */
  readonly signature: string;
}

/** Names the bytes of a torn write found after a crash; the torn bytes stay in place. */
export interface RecoveryInput {
  readonly type: 'recovery';
  readonly torn: {
    readonly file: string;
    readonly offset: number;
    readonly length: number;
    readonly sha256: string;
  };
}

/**
 * The signing key changed: the key that signed the log's last checkpoint is gone (deleted, or
 * replaced by hand), and a new key signs from here on. Checkpoints before this record are
 * checked with `old_public_key`; a checkpoint signed by an unknown key and named by no such
 * record is a forgery.
 */
export interface KeyRotatedInput {
  readonly type: 'key_rotated';
  /** `ed25519:…` of the key that signed the last checkpoint before this record. */
  readonly old_key_id: string;
  /** That key's public half (SPKI PEM), when the state folder or head.json still had it. */
  readonly old_public_key: string | null;
  /** `ed25519:…` of the key that signs from this record on. */
  readonly new_key_id: string;
  /** One line: why the writer thinks the key changed. */
  readonly reason: string;
}

/** A gateway process stopped writing to the log. */
export interface SessionEndInput {
  readonly type: 'session_end';
  readonly reason: string;
}

/**
 * Telemetry the gateway could not deliver to its OTLP collector since the previous such record
 * (written at most once a minute while exports fail, and at shutdown).
 */
export interface TelemetryInput {
  readonly type: 'telemetry';
  readonly event: 'dropped';
  readonly dropped: {
    /** Spans lost: the export queue was full, or their export failed. */
    readonly spans: number;
    /** Log records (copies of audit records) lost the same ways. */
    readonly log_records: number;
    /** Metric exports that failed (metrics are cumulative: the next export carries the totals). */
    readonly metric_exports: number;
  };
  /** One line: where the exports went and the last error. */
  readonly detail: string;
}

/** An agent session's labels changed: a result brought one in, or a human cleared them. */
export interface LabelInput {
  readonly type: 'label';
  /** The agent session, unique in the log; decisions name it in `decision.flow.session`. */
  readonly session_id: string;
  /** The call whose result (or approval) changed the labels. */
  readonly call: { readonly id: string };
  readonly server: string;
  readonly tool: string;
  readonly event: 'added' | 'cleared';
  readonly changed: readonly SessionLabel[];
  /** The session's labels after the change. */
  readonly labels: readonly SessionLabel[];
  /** `tool`: the tool's labels; `finding`/`secret`: what the scanner found in the result; `approval`: a human. */
  readonly cause: 'tool' | 'finding' | 'secret' | 'approval';
  /** Scanner rules (cause `finding`) or flow rules (cause `approval`) behind the change. */
  readonly rules?: readonly string[];
}

/** A record as the gateway hands it to the writer: no v, seq, ts, prev or hash yet. */
export type AuditRecordInput =
  | SessionStartInput
  | CallInput
  | ResultInput
  | FindingInput
  | ConfigChangeInput
  | BackendInput
  | CheckpointInput
  | RecoveryInput
  | SessionEndInput
  | KeyRotatedInput
  | LabelInput
  | TelemetryInput;

/** The chain fields every written record carries. */
export interface AuditEnvelope {
  readonly v: typeof AUDIT_RECORD_VERSION;
  readonly seq: number;
  readonly ts: string;
  readonly prev: string;
  readonly hash: string;
}

/** One line of the audit log. */
export type AuditRecord = AuditRecordInput & AuditEnvelope;

/** A record of one type, as written. */
export type AuditRecordOf<T extends AuditRecordType> = Extract<AuditRecord, { type: T }>;
