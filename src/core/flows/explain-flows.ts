import type { CompiledFlows } from './compile-flows.js';
import { labelsOf, type LabelBits } from './flow-label.js';

/** One flow rule that can apply to a tool, for `policy explain`. */
export interface FlowExplanation {
  /** `flow:<id>`. */
  readonly rule: string;
  /** `allow`/`deny`/`ask`, or `would_<effect>` when not enforced. */
  readonly effect: string;
  /** Session labels it needs, and whether it also needs carried sensitive data. */
  readonly after: readonly string[];
  readonly carries: boolean;
  readonly reason: string;
}

/** The flow rules that apply to a tool with these labels (and agent), whatever the session holds. */
export function explainFlows(
  flows: CompiledFlows,
  call: {
    readonly server: string;
    readonly tool: string;
    readonly agent: string | undefined;
    readonly toolLabels: LabelBits;
  },
): FlowExplanation[] {
  const name = `${call.server}/${call.tool}`;
  return flows.rules
    .filter(
      (rule) =>
        (rule.toolLabel === 0 || (call.toolLabels & rule.toolLabel) !== 0) &&
        (rule.match === undefined || rule.match.test(name)) &&
        (rule.agents === undefined || (call.agent !== undefined && rule.agents.has(call.agent))),
    )
    .map((rule) => ({
      rule: rule.id,
      effect: rule.enforced ? rule.effect : `would_${rule.effect}`,
      after: labelsOf(rule.after),
      carries: rule.carries,
      reason: rule.message,
    }));
}
