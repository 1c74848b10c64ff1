import type { PolicyEffect } from '../policy/decision.js';
import type { Severity } from '../scanner/finding.js';
import type { SessionLabel } from './flow-label.js';

/** One flow rule as written in `policy.flows.rules`. */
export interface FlowRuleSettings {
  readonly id: string;
  /** Session labels that must all have been taken in (empty: always). */
  readonly after: readonly SessionLabel[];
  /** A `server/tool` glob, or `@untrusted`, `@sensitive`, `@egress`: tools with that label. */
  readonly match: string;
  readonly effect: PolicyEffect;
  /** `sensitive`: only when the arguments carry text or a secret a sensitive result returned. */
  readonly carries?: 'sensitive' | undefined;
  readonly agents?: readonly string[] | undefined;
  readonly reason?: string | undefined;
  /** False: decide and record, never apply. */
  readonly enforce?: boolean | undefined;
}

/** The config's `policy.flows` section. */
export interface FlowSettings {
  /** `audit`: record what flow rules would do, never block; `off`: no flow control at all. */
  readonly mode?: 'enforce' | 'audit' | 'off' | undefined;
  /** Include the built-in rules (default true); a rule of yours with the same id replaces one. */
  readonly defaults?: boolean | undefined;
  /** A result with a scanner finding at or above this severity makes the session untrusted. */
  readonly untrustedFindings?: Severity | 'off' | undefined;
  readonly rules?: readonly FlowRuleSettings[] | undefined;
}
