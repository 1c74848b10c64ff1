import type { DiffLine } from '../core/pinning/diff-definitions.js';
import type { PendingApprovals } from '../approvals/pending-approvals.js';
import type { CallFeed } from './call-feed.js';

/** A backend as the Now page shows it. */
export interface ConsoleBackend {
  readonly name: string;
  readonly state: string;
  readonly tools: number;
  readonly restarts: number;
  readonly startMs: number | undefined;
  readonly lastError: string | undefined;
}

/** An agent connected to the gateway. */
export interface ConsoleSession {
  /** The agent session's id, as the audit log and pending approvals name it. */
  readonly session: string;
  readonly client: { readonly name: string; readonly version: string } | null;
  readonly agent: string | null;
  readonly initialized: boolean;
  readonly lastActive: string;
  readonly callsInFlight: number;
}

/** A tool (or a server's instructions) whose definition changed since it was pinned. */
export interface ConsoleChange {
  readonly server: string;
  /** The tool name, or `@instructions`. */
  readonly tool: string;
  /** The hash of the changed definition: approving names it, so a newer change is not approved unseen. */
  readonly pendingHash: string;
  readonly seenAt: string;
  readonly lines: readonly DiffLine[];
}

/** Why a pin change was not approved. */
export type ApproveChangeRefusal = 'unknown' | 'stale' | 'pinning-off';

/** What the console reads from the running gateway; the gateway builds it, the console only asks. */
export interface ConsoleSource {
  readonly gateway: {
    readonly pid: number;
    readonly version: string;
    readonly configFile: string | undefined;
    readonly stateDir: string;
    readonly startedAt: string;
  };
  backends(): ConsoleBackend[];
  sessions(): ConsoleSession[];
  readonly feed: CallFeed;
  readonly approvals: PendingApprovals;
  /** The audit log's active file, or undefined when the audit log is off. */
  readonly auditPath: string | undefined;
  changes(): ConsoleChange[];
  /** Accepts a changed definition as the new pin and lets the running gateway serve it. */
  approveChange(
    server: string,
    tool: string,
    pendingHash: string,
  ): Promise<{ ok: true } | { ok: false; why: ApproveChangeRefusal }>;
}
