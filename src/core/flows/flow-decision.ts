import type { FlowLabel, SessionLabel } from './flow-label.js';

/** A call a flow decision points at: its id, its `call` record's audit seq and its tool. */
export interface DecisionSource {
  readonly call: string;
  /** Null when the call was not audited. */
  readonly seq: number | null;
  /** `server/tool`. */
  readonly tool: string;
}

/** What flow control contributed to a decision; the audit log keeps it as `decision.flow`. */
export interface DecisionFlow {
  /** The agent session (unique in the audit log), as in its `label` records. */
  readonly session: string;
  /** The session's labels when the call was decided. */
  readonly labels: readonly SessionLabel[];
  /** The called tool's labels. */
  readonly tool: readonly FlowLabel[];
  /** Ids (`flow:<id>`) of every flow rule that matched. */
  readonly rules: readonly string[];
  /** For each session label a matching rule needs: the call that first brought it in. */
  readonly sources: readonly (DecisionSource & { readonly label: SessionLabel })[];
  /** Value tracking: the earlier result whose text or secret the arguments carry. */
  readonly carried?:
    { readonly kind: 'text' | 'secret'; readonly source: DecisionSource | null } | undefined;
  /** Labels a session-wide approval of this call clears ("trust this session again"). */
  readonly clears?: readonly SessionLabel[] | undefined;
}
