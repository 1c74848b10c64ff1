import type {
  AuditDecision,
  AuditOutcomeStatus,
  CallInput,
  ResultInput,
} from '../core/audit/audit-record.js';

/** One row of the console's Calls page: a `call` record joined with its `result`. */
export interface CallSummary {
  readonly id: string;
  /** When the call record was written. */
  readonly ts: string;
  readonly server: string;
  readonly tool: string;
  readonly exposed: string;
  readonly agent: string | null;
  readonly client: { readonly name: string; readonly version: string } | null;
  readonly decision: AuditDecision;
  /** `seq` of the call record (undefined until it is known). */
  readonly callSeq: number | undefined;
  /** Filled when the result record arrives. */
  readonly outcome:
    | {
        readonly status: AuditOutcomeStatus;
        readonly ms: number;
        readonly bytes?: number;
      }
    | undefined;
  readonly findings: readonly { readonly rule: string; readonly severity: string }[];
  /** The receipt the agent got with its result: seq and hash of the result record. */
  readonly receipt: { readonly seq: number; readonly hash: string } | undefined;
}

/** A summary from a call record (as written, or as handed to the writer). */
export const summarizeCall = (
  record: Pick<CallInput, 'call' | 'server' | 'tool' | 'exposed' | 'decision' | 'session'>,
  position: { readonly ts: string; readonly seq: number | undefined },
): CallSummary => ({
  id: record.call.id,
  ts: position.ts,
  // A call that reached no tool (unknown name) shows the name the agent used.
  server: record.server ?? '(unknown)',
  tool: record.tool ?? record.exposed,
  exposed: record.exposed,
  agent: record.session.agent,
  client: record.session.client,
  decision: record.decision,
  callSeq: position.seq,
  outcome: undefined,
  findings: [],
  receipt: undefined,
});

/** The summary once its result record is known. */
export const withResult = (
  summary: CallSummary,
  record: Pick<ResultInput, 'outcome' | 'findings'>,
  receipt: { readonly seq: number; readonly hash: string },
): CallSummary => ({
  ...summary,
  outcome: {
    status: record.outcome.status,
    ms: Math.round(record.outcome.ms * 10) / 10,
    ...(record.outcome.bytes === undefined ? {} : { bytes: record.outcome.bytes }),
  },
  findings: record.findings.map((finding) => ({ rule: finding.rule, severity: finding.severity })),
  receipt: { seq: receipt.seq, hash: receipt.hash },
});

/** What the Calls page can filter on; every given field must hold. */
export interface CallFilter {
  /** A substring of `server/tool`. */
  readonly tool?: string;
  /** `allow`, `deny`, `ask` (the policy's effect) or an outcome status (`ok`, `denied`, …). */
  readonly outcome?: string;
  /** Only calls with scanner findings. */
  readonly findings?: boolean;
  /** A substring of anything in the records (matched on their JSON text). */
  readonly text?: string;
}

/** True when the summary passes the filter (text is matched by the reader, on raw lines). */
export const matchesCallFilter = (summary: CallSummary, filter: CallFilter): boolean => {
  if (filter.tool !== undefined && filter.tool !== '') {
    const name = `${summary.server}/${summary.tool}`.toLowerCase();
    if (!name.includes(filter.tool.toLowerCase())) return false;
  }
  if (filter.outcome !== undefined && filter.outcome !== '') {
    const wanted = filter.outcome;
    const effect = summary.decision.effect;
    const status = summary.outcome?.status;
    if (wanted !== effect && wanted !== status && wanted !== summary.decision.final) return false;
  }
  if (filter.findings === true && summary.findings.length === 0) return false;
  return true;
};
