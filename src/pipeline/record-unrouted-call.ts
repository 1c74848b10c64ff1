import type { AuditDecision, CallInput } from '../core/audit/audit-record.js';
import type { AuditSink } from '../core/audit/audit-sink.js';
import { buildResultRecord, toAuditSession } from '../core/audit/build-records.js';
import { redactSecrets, type FindSecrets } from '../core/audit/redact-secrets.js';
import type { SessionInfo, ToolCallOutcome } from '../core/tool-call.js';

/** The `decision.deciding` of a call that reached no tool. */
export const UNKNOWN_TOOL_RULE = 'unknown-tool';

/** A tools/call whose name routes to no tool this gateway can run. */
export interface UnroutedCall {
  readonly id: string;
  /** The name the agent called. */
  readonly exposed: string;
  /** The backend the name belongs to, when that is known (its tools are not listed now). */
  readonly server: string | undefined;
  readonly args: unknown;
  readonly session: SessionInfo;
}

export interface RecordUnroutedOptions {
  readonly sink: AuditSink;
  readonly findSecrets: FindSecrets;
  /** The policy in force, for the decision's `policy` and `mode`. */
  readonly policy: () => { readonly digest: string; readonly mode: 'enforce' | 'audit' };
}

/**
 * Audits a call that never reached a tool (an unknown name, or a backend that is down and whose
 * tools are not known): a `call` record with a null `tool` and the decision `unknown-tool`, then
 * its `result` record. Returns the outcome with its receipt, once both are in the file.
 */
export const recordUnroutedCall =
  (options: RecordUnroutedOptions) =>
  async (call: UnroutedCall, outcome: ToolCallOutcome, ms: number): Promise<ToolCallOutcome> => {
    const policy = options.policy();
    const decision: AuditDecision = {
      deciding: UNKNOWN_TOOL_RULE,
      effect: 'deny',
      final: 'deny',
      mode: policy.mode,
      policy: policy.digest,
      rules: [],
    };
    const args = redactSecrets(call.args, { findSecrets: options.findSecrets, path: 'args' });
    const record: CallInput = {
      args: args.value,
      call: { id: call.id },
      decision,
      def_hash: null,
      exposed: call.exposed,
      redacted: args.paths,
      server: call.server ?? null,
      session: toAuditSession(call.session),
      tool: null,
      type: 'call',
    };
    options.sink.append(record);
    const receipt = options.sink.append(
      buildResultRecord({
        callId: call.id,
        outcome,
        ms,
        results: 'none',
        digest: undefined,
        findSecrets: options.findSecrets,
      }),
    );
    const written = options.sink.written();
    if (written !== undefined) await written;
    return { ...outcome, receipt };
  };
