import { randomBytes } from 'node:crypto';

/** What a human sees about a call that waits for approval (arguments already redacted). */
export interface PendingApprovalView {
  /** Short id for `mcp-gateway approvals approve ID` and the console's buttons. */
  readonly id: string;
  readonly callId: string;
  readonly server: string;
  readonly tool: string;
  readonly exposed: string;
  readonly agent: string | undefined;
  readonly client: { readonly name: string; readonly version: string } | undefined;
  /**
   * The agent session that asked (`serve --http` has one per client), as the audit log names it
   * (`decision.flow.session`, `label.session_id`) and the console's Agents table lists it.
   */
  readonly session?: string | undefined;
  /** The rule that asked, every matching rule, and the rule's sentence. */
  readonly rule: string;
  readonly rules: readonly string[];
  readonly reason: string;
  /** The arguments in full, with secrets replaced as in the audit log. */
  readonly args: unknown;
  /** What the matching rules looked at, each in full, with how the gateway read it. */
  readonly examined: readonly {
    readonly at: string;
    readonly value: unknown;
    readonly reading?: string;
  }[];
  /** `sha256:` of the canonical JSON of the real arguments: an answer names the call it approves. */
  readonly argsHash: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** A human's decision about one pending call. */
export interface ApprovalDecision {
  readonly approved: boolean;
  readonly scope: 'once' | 'session';
  /** Where it was decided: the console page, or `mcp-gateway approvals` in a terminal. */
  readonly channel: 'console' | 'terminal';
  /** An optional sentence for the agent when denying. */
  readonly note?: string;
}

/** Why a decision was not taken. */
export type DecideRefusal = 'unknown' | 'stale';

/** What changed in the list, for the console's live view. */
export type PendingApprovalEvent =
  | { readonly type: 'added'; readonly approval: PendingApprovalView }
  | {
      readonly type: 'removed';
      readonly id: string;
      readonly outcome: 'approved' | 'denied' | 'expired' | 'cancelled';
    };

interface Entry {
  readonly view: PendingApprovalView;
  readonly settle: (decision: ApprovalDecision | undefined) => void;
}

/**
 * Calls waiting for a human in the console or a terminal. Each entry is bound to one call: a
 * decision must name its id, and when it also names an arguments hash, that hash must match.
 */
export class PendingApprovals {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(event: PendingApprovalEvent) => void>();

  /** Adds a call; `decided` resolves with the human's decision, or undefined once withdrawn. */
  add(view: Omit<PendingApprovalView, 'id'>): {
    readonly view: PendingApprovalView;
    readonly decided: Promise<ApprovalDecision | undefined>;
  } {
    let id = newId();
    while (this.entries.has(id)) id = newId();
    const full: PendingApprovalView = { id, ...view };
    let settle: (decision: ApprovalDecision | undefined) => void = () => undefined;
    const decided = new Promise<ApprovalDecision | undefined>((resolve) => {
      settle = resolve;
    });
    this.entries.set(id, { view: full, settle });
    this.emit({ type: 'added', approval: full });
    return { view: full, decided };
  }

  /** Every waiting call, oldest first. */
  list(): PendingApprovalView[] {
    return [...this.entries.values()].map((entry) => entry.view);
  }

  get(id: string): PendingApprovalView | undefined {
    return this.entries.get(id)?.view;
  }

  /** Decides a waiting call; refuses an unknown id or an arguments hash that is not this call's. */
  decide(
    id: string,
    decision: ApprovalDecision,
    argsHash?: string,
  ): { ok: true; view: PendingApprovalView } | { ok: false; why: DecideRefusal } {
    const entry = this.entries.get(id);
    if (entry === undefined) return { ok: false, why: 'unknown' };
    if (argsHash !== undefined && argsHash !== entry.view.argsHash)
      return { ok: false, why: 'stale' };
    this.entries.delete(id);
    entry.settle(decision);
    this.emit({ type: 'removed', id, outcome: decision.approved ? 'approved' : 'denied' });
    return { ok: true, view: entry.view };
  }

  /** Takes a call off the list without a decision (it timed out, or the agent cancelled it). */
  withdraw(id: string, outcome: 'expired' | 'cancelled'): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    this.entries.delete(id);
    entry.settle(undefined);
    this.emit({ type: 'removed', id, outcome });
  }

  /** Calls `listener` on every change until the returned function is called. */
  subscribe(listener: (event: PendingApprovalEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(event: PendingApprovalEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

// Typed by a human in `mcp-gateway approvals approve ID`: short, unambiguous characters.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const newId = (): string => {
  const bytes = randomBytes(6);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length] ?? 'x';
  return id;
};
