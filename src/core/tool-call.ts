import type { CallToolResult, Progress, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { GatewayError } from './errors.js';
import type { Finding } from './scanner/finding.js';
import type { PolicyDecision } from './policy/decision.js';
import type { FlowSession } from './flows/flow-session.js';
import type { SessionApprovals } from './policy/session-approvals.js';

/** Who is calling: the principal named on the command line and what the client says it is. */
export interface SessionInfo {
  readonly agent: string | undefined;
  readonly client: { readonly name: string; readonly version: string } | undefined;
}

/**
 * What the steps learned about a call, for the audit records: the one mutable part of a
 * context, written by the step that knows and read by the audit steps around it.
 */
export interface CallTrace {
  decision: PolicyDecision | undefined;
  argumentFindings: readonly Finding[];
  /** The arguments the backend receives: the agent's, or a redacted copy. */
  args: Readonly<Record<string, unknown>>;
  /** True once the `call` record was written (just before forwarding). */
  callRecorded: boolean;
  /** The `call` record's receipt, once written: flow decisions name source calls by its seq. */
  callReceipt?: Receipt | undefined;
  /** Set when the result was cut to fit the client: the audit records the whole result. */
  cut?: CutTrace;
}

/** A result cut to fit the client's size limit, for the `result` record. */
export interface CutTrace {
  /** The result before the cut (after scanning), which the audit hashes. */
  readonly full: CallToolResult;
  /** UTF-8 bytes of its text sent, and in all. */
  readonly shownBytes: number;
  readonly totalBytes: number;
  /** The resource holding the whole text; undefined when it could not be kept. */
  readonly uri: string | undefined;
}

/** Where a call came from on the wire (for telemetry); absent for calls the CLI makes itself. */
export interface CallOrigin {
  /** The agent's JSON-RPC request id. */
  readonly requestId: string | number;
  /** The Streamable HTTP session id, or the id the gateway gave a stdio connection. */
  readonly sessionId: string | undefined;
  /** The MCP protocol version negotiated with the agent. */
  readonly protocolVersion: string | undefined;
  readonly transport: 'stdio' | 'http';
}

/** Which audit record a tool result can be checked against. */
export interface Receipt {
  readonly seq: number;
  readonly hash: string;
}

/**
 * A call's cancellation, cheap to carry: the hot path listens here, so the AbortSignal (which
 * costs a few µs per call to make and to listen on) exists only once some code asks for it.
 */
export interface CallCancellation {
  readonly cancelled: boolean;
  /**
   * Has `listener.callCancelled(reason)` run once when the call is cancelled (at once if it is
   * already); `offCancel` removes it. A listener object, not a function: the backend's pending
   * call listens itself, with no closure to make for each call, nor one to remove it.
   */
  onCancel(listener: CancelListener): void;
  offCancel(listener: CancelListener): void;
}

/** Who listens for a call's cancellation. */
export interface CancelListener {
  callCancelled(reason: unknown): void;
}

/** One tools/call as it travels through the pipeline. */
export interface ToolCallContext {
  /** Gateway-assigned id, unique within the audit log. */
  readonly id: string;
  readonly server: string;
  /** The backend's own tool name. */
  readonly tool: string;
  /** The name the agent used. */
  readonly exposed: string;
  readonly args: Readonly<Record<string, unknown>>;
  /** The request's `_meta` (progress token and friends), forwarded untouched. */
  readonly meta: Readonly<Record<string, unknown>> | undefined;
  readonly definition: Tool | undefined;
  readonly session: SessionInfo;
  /** Aborted when the agent cancels the call (made on first use when `cancellation` is set). */
  readonly signal: AbortSignal | undefined;
  /** The same cancellation without a signal, for the hot path; absent: use `signal`. */
  readonly cancellation?: CallCancellation | undefined;
  /** Relays the backend's progress to the agent; absent when the agent asked for none. */
  readonly onProgress: ((progress: Progress) => void) | undefined;
  readonly trace: CallTrace;
  readonly origin?: CallOrigin | undefined;
  /** What the agent session has taken in (labels, fingerprints); absent: no flow control. */
  readonly flow?: FlowSession | undefined;
  /** What a human approved for the agent session that made the call; absent: nothing is remembered. */
  readonly approvals?: SessionApprovals | undefined;
}

/** What became of a call; denials and findings are values, not exceptions. */
export type ToolCallOutcome = (
  | { readonly kind: 'ok'; readonly result: CallToolResult; readonly findings?: readonly Finding[] }
  | { readonly kind: 'denied'; readonly decision: PolicyDecision }
  | {
      readonly kind: 'blocked';
      readonly stage: 'description' | 'arguments' | 'result';
      readonly findings: readonly Finding[];
    }
  | { readonly kind: 'failed'; readonly error: GatewayError }
) & { readonly receipt?: Receipt; readonly encoded?: EncodedResult };

/**
 * The JSON text of a result, made once by the step that needed it (the audit digest's
 * canonical form) so the front can send it instead of serialising the result again. It
 * applies only while `result` is the outcome's own result: a step that replaces the result
 * leaves it behind.
 */
export interface EncodedResult {
  readonly result: CallToolResult;
  readonly json: JsonText;
}

/** JSON text as one string, or (a large value's) as its UTF-8 bytes in consecutive chunks. */
export type JsonText = string | readonly Uint8Array[];

/** The last step of the pipeline: sends the call to its backend. */
export type Handler = (ctx: ToolCallContext) => Promise<ToolCallOutcome>;

/** One named step of the pipeline, Hono style: do work, maybe call `next()`, return an outcome. */
export type Middleware = (
  ctx: ToolCallContext,
  next: () => Promise<ToolCallOutcome>,
) => Promise<ToolCallOutcome>;

/** Port: forwards a call to the backend that owns it. */
export type ForwardToolCall = Handler;
