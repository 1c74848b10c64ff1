import type { PolicyDecision, PolicyEffect } from '../policy/decision.js';
import type { FlowVerdict } from './evaluate-flows.js';

const RANK: Readonly<Record<PolicyEffect, number>> = { allow: 0, ask: 1, deny: 2 };

/**
 * Combines a decision of the ordinary rules with the flow verdict, deny > ask > allow: a flow
 * deny or ask only ever tightens (a policy default of deny stays deny); a flow allow counts as
 * an allow rule, so it only lifts the default. On a tie the flow rule decides, as it names the
 * calls behind it, except against the built-in self-protection.
 */
export function withFlows(decision: PolicyDecision, verdict: FlowVerdict): PolicyDecision {
  let effect = decision.effect;
  let decidingRule = decision.decidingRule;
  let reason = decision.reason;
  const flowRule = verdict.rule;
  if (flowRule !== undefined && flowTakes(decision.effect, decidingRule, flowRule.effect)) {
    effect = flowRule.effect;
    decidingRule = flowRule.id;
    reason = verdict.message;
  }
  const policyWhole = decision.wouldBe ?? decision.effect;
  const policyWholeRule = decision.wouldBeRule ?? decision.decidingRule;
  const wholeFromFlow = flowTakes(policyWhole, policyWholeRule, verdict.wholeRule.effect);
  const whole = wholeFromFlow ? verdict.wholeRule.effect : policyWhole;
  if (wholeFromFlow && whole !== effect && verdict.wholeRule !== flowRule)
    reason = `${reason} (flow rules ${verdict.trial}, would ${whole}: ${verdict.wholeMessage})`;
  return {
    effect,
    final: effect === 'allow' ? 'allow' : 'deny',
    decidingRule,
    rules: [...decision.rules, ...verdict.flow.rules],
    mode: decision.mode,
    policy: decision.policy,
    reason,
    ...(whole === effect
      ? {}
      : { wouldBe: whole, wouldBeRule: wholeFromFlow ? verdict.wholeRule.id : policyWholeRule }),
    flow: verdict.flow,
  };
}

function flowTakes(current: PolicyEffect, deciding: string, flow: PolicyEffect): boolean {
  if (flow === 'allow') return deciding === 'default' && current !== 'allow';
  if (RANK[flow] > RANK[current]) return true;
  return RANK[flow] === RANK[current] && !deciding.startsWith('builtin:');
}
