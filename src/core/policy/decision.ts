import type { DecisionFlow } from '../flows/flow-decision.js';

/** A rule's effect, and what a policy decided. */
export type PolicyEffect = 'allow' | 'deny' | 'ask';

/** The outcome of evaluating a call against the policy, with everything the audit log needs. */
export interface PolicyDecision {
  /** What the rules said: allow, deny or ask. */
  readonly effect: PolicyEffect;
  /** What happened after mode, approvals and limits: allow or deny. */
  readonly final: 'allow' | 'deny';
  /** The id of the rule that decided (`default` when none matched, `limit:<id>` for limits). */
  readonly decidingRule: string;
  /** Ids of every rule that matched. */
  readonly rules: readonly string[];
  readonly mode: 'enforce' | 'audit';
  /** Digest of the policy in force, `sha256:…`. */
  readonly policy: string;
  /** A sentence the model (and the human) can read. */
  readonly reason: string;
  readonly approval?: {
    readonly scope: 'once' | 'session';
    readonly approved: boolean;
    /** Who answered: `elicitation`, `console`, `terminal` or `preapproved`. */
    readonly channel?: string;
  };
  /** Seconds until a rate limit admits the call again. */
  readonly retryAfterSeconds?: number;
  /**
   * What the whole policy would have said when that differs from `effect` because it is not
   * enforced (`mode: "audit"` or a rule's `enforce: false`): logged as `would_deny`/`would_ask`.
   */
  readonly wouldBe?: PolicyEffect;
  /** The rule behind `wouldBe` (`default` when no rule matched). */
  readonly wouldBeRule?: string;
  /** What flow control contributed (session labels, sources, value tracking), when a flow rule matched. */
  readonly flow?: DecisionFlow;
}
