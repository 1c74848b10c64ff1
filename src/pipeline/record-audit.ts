import { buildCallRecord, buildResultRecord } from '../core/audit/build-records.js';
import type { AuditResultsMode } from '../core/audit/audit-record.js';
import type { AuditSink } from '../core/audit/audit-sink.js';
import type { FindSecrets } from '../core/audit/redact-secrets.js';
import { GatewayError } from '../core/errors.js';
import type { PolicyDecision } from '../core/policy/decision.js';
import type { JsonText, Middleware, ToolCallContext, ToolCallOutcome } from '../core/tool-call.js';

/** What both audit steps need. */
export interface RecordAuditOptions {
  readonly sink: AuditSink;
  readonly durability: 'batch' | 'sync';
  readonly results: AuditResultsMode;
  readonly findSecrets: FindSecrets;
  /** Size, `sha256:` and text of a result's canonical JSON (hashing lives at the edge). */
  readonly digest: (value: unknown) => {
    readonly bytes: number;
    readonly sha256: string;
    readonly json: JsonText;
  };
  /** The pinned definition hash of the called tool. */
  readonly defHash: (ctx: ToolCallContext) => string | undefined;
  /** In enforce mode a call that cannot be audited is not forwarded. */
  readonly failClosed: () => boolean;
  readonly now: () => number;
  /**
   * In `batch` durability, runs `task(ctx)` once the request has been handed to the backend
   * (Node: `process.nextTick`, queued after the transport's own flush of the requests of this
   * turn), so that building and sealing the `call` record is not on the way to the backend.
   * Absent: the record is appended before forwarding.
   */
  readonly afterForward?:
    ((task: (ctx: ToolCallContext) => void, ctx: ToolCallContext) => void) | undefined;
}

// A call stopped before the policy step still gets a decision in its record.
const NOT_DECIDED: PolicyDecision = {
  effect: 'deny',
  final: 'deny',
  decidingRule: 'none',
  rules: [],
  mode: 'enforce',
  policy: 'none',
  reason: 'the call was stopped before the policy decided',
};

const callRecordOf = (ctx: ToolCallContext, options: RecordAuditOptions) =>
  buildCallRecord({
    call: ctx,
    decision: ctx.trace.decision ?? NOT_DECIDED,
    defHash: options.defHash(ctx),
    findSecrets: options.findSecrets,
  });

/**
 * Outermost step: every outcome, including denials, blocks and failures, ends in a `result`
 * record (and a `call` record if the call never reached the backend); the result carries its
 * receipt.
 */
export const recordAudit = (options: RecordAuditOptions): Middleware => {
  // Calls between this step and their outcome. A call alone has no other reply to share its
  // turn's write with, so its records are written as its outcome is recorded (writeNow), not
  // in a later phase of the event loop behind a promise (the write before the reply stays).
  let inFlight = 0;
  const failed = (error: unknown): never => {
    inFlight--;
    throw error;
  };
  // A handler on next(), not an async function: no coroutine and no promise per await on the
  // path of every call (the reply waits for the write only when there is one to wait for).
  return function recordAudit(ctx, next) {
    const started = options.now();
    inFlight++;
    let running: Promise<ToolCallOutcome>;
    try {
      running = next();
    } catch (error) {
      inFlight--;
      throw error;
    }
    return running.then((outcome) => {
      const alone = inFlight === 1;
      inFlight--;
      return recordOutcome(options, ctx, outcome, started, alone);
    }, failed);
  };
};

const recordOutcome = (
  options: RecordAuditOptions,
  ctx: ToolCallContext,
  outcome: ToolCallOutcome,
  started: number,
  alone: boolean,
): ToolCallOutcome | Promise<ToolCallOutcome> => {
  // A call stopped before recordCall, or whose deferred `call` record has not been appended yet
  // (an outcome that came back in the same turn): its `call` record goes first, now.
  if (!ctx.trace.callRecorded) appendCallRecord(options, ctx);
  // A result cut for the client is recorded whole: the hash is of what the scanner passed.
  const { cut } = ctx.trace;
  // `none` keeps no digest, so it computes none.
  const digest =
    outcome.kind === 'ok' && options.results !== 'none'
      ? options.digest(cut?.full ?? outcome.result)
      : undefined;
  const receipt = options.sink.append(
    buildResultRecord({
      callId: ctx.id,
      outcome,
      ms: options.now() - started,
      results: options.results,
      digest,
      findings: ctx.trace.argumentFindings,
      findSecrets: options.findSecrets,
      cut,
    }),
  );
  let answered: ToolCallOutcome;
  // The digest's canonical JSON is the result's JSON: the front sends it as it is (not when
  // the result was cut: the digest is then of the whole result, not of what is sent). A
  // literal of a fixed shape for the common case: spreading or Object.assign into a fresh
  // object costs several times as much on Node 20's hot path.
  if (outcome.kind === 'ok' && digest !== undefined && cut === undefined) {
    const { result, findings } = outcome;
    const encoded = { result, json: digest.json };
    answered =
      findings === undefined
        ? { kind: 'ok', result, receipt, encoded }
        : { kind: 'ok', result, findings, receipt, encoded };
  } else answered = Object.assign({}, outcome, { receipt });
  // The reply carries this receipt: its records go into the file before it leaves, so a
  // gateway killed after answering has lost nothing it answered (fsync stays batched). The
  // receipt object is final once the write is done (a writer re-chaining updates it in place).
  // Alone, the write is made now when it can be: the outcome is then a value, not a promise.
  if (alone && options.sink.writeNow?.() === true) return answered;
  const written = options.sink.written();
  return written === undefined ? answered : written.then(() => answered);
};

/** Appends the call's `call` record (once) and keeps its receipt on the trace. */
const appendCallRecord = (options: RecordAuditOptions, ctx: ToolCallContext): void => {
  if (ctx.trace.callRecorded) return;
  ctx.trace.callReceipt = options.sink.append(callRecordOf(ctx, options));
  ctx.trace.callRecorded = true;
};

/**
 * Innermost step, right before forwarding: the `call` record, on disk first in `sync` mode.
 *
 * In `batch` mode the record is only queued, and reaches the file with the call's `result`
 * (before the reply) or with the batched flush, whichever comes first; so with `afterForward`
 * it is queued in the same turn, just after the request left instead of just before: same
 * record, same order (always before its `result`), one seal fewer between the agent's
 * request and the backend.
 */
export const recordCall = (options: RecordAuditOptions): Middleware => {
  const { afterForward } = options;
  // One function per runtime, handed the context: no closure per call.
  const appendLater = (ctx: ToolCallContext): void => {
    try {
      appendCallRecord(options, ctx);
    } catch {
      // The log refused it (closed under a shutdown): recordOutcome appends it again and the
      // call fails with that error, as a call whose record could not be queued always has.
    }
  };
  return function recordCall(ctx, next) {
    if (options.durability === 'sync') return recordDurably(options, ctx, next);
    // Batch durability: appending is synchronous, so the call goes on without a step of its own.
    try {
      if (!options.sink.healthy && options.failClosed())
        return Promise.resolve(unauditable(undefined));
      if (afterForward === undefined) appendCallRecord(options, ctx);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    if (afterForward === undefined) return next();
    try {
      return next();
    } finally {
      afterForward(appendLater, ctx);
    }
  };
};

const recordDurably = async (
  options: RecordAuditOptions,
  ctx: ToolCallContext,
  next: () => Promise<ToolCallOutcome>,
): Promise<ToolCallOutcome> => {
  if (!options.sink.healthy && options.failClosed()) return unauditable(undefined);
  const record = callRecordOf(ctx, options);
  try {
    ctx.trace.callReceipt = await options.sink.appendDurable(record);
  } catch (error) {
    if (options.failClosed()) {
      ctx.trace.callRecorded = true;
      return unauditable(error);
    }
  }
  ctx.trace.callRecorded = true;
  return next();
};

const unauditable = (cause: unknown): ToolCallOutcome => ({
  kind: 'failed',
  error: new GatewayError(
    'AUDIT_WRITE_FAILED',
    'the audit log cannot be written, so the call was not forwarded',
    { cause },
  ),
});
