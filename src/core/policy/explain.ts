import type { CompiledPolicy, PolicyCall } from './compiled-policy.js';
import type { PolicyEffect } from './decision.js';
import { selfProtectionRuleId } from './evaluate.js';
import { ruleAppliesTo } from './rule-applies.js';
import { candidatesFor } from './rule-index.js';

/** One line of `policy explain TOOL`: a rule or limit that can apply, and whether it always does. */
export interface PolicyExplanation {
  /** Rule id, `limit:<id>`, `builtin:self-protection` or `default`. */
  readonly rule: string;
  /** `allow`/`deny`/`ask`, `would_<effect>` when not enforced, or `limit`. */
  readonly effect: string;
  readonly applies: 'always' | 'depends-on-arguments';
  readonly reason?: string;
}

const effectOrder: Readonly<Record<PolicyEffect, number>> = { deny: 0, ask: 1, allow: 2 };

/**
 * Every rule and limit that can apply to a tool for this agent, access class and server tags,
 * strongest effect first, then the default; argument conditions are listed, not evaluated.
 */
export function explainPolicy(
  policy: CompiledPolicy,
  call: Omit<PolicyCall, 'args'>,
): PolicyExplanation[] {
  const lines: PolicyExplanation[] = [];
  if (policy.protectedPaths.length > 0) {
    lines.push({
      rule: selfProtectionRuleId,
      effect: 'deny',
      applies: 'depends-on-arguments',
      reason: "when an argument points into the gateway's own state folder or config file",
    });
  }
  const rules = candidatesFor(policy.rules, call.server, call.tool)
    .filter((rule) => ruleAppliesTo(rule, call))
    .sort((a, b) => effectOrder[a.effect] - effectOrder[b.effect]);
  for (const rule of rules) {
    lines.push({
      rule: rule.id,
      effect: rule.enforced ? rule.effect : `would_${rule.effect}`,
      applies: rule.conditions.length === 0 ? 'always' : 'depends-on-arguments',
      reason: rule.message,
    });
  }
  for (const limit of candidatesFor(policy.limits, call.server, call.tool)) {
    lines.push({
      rule: `limit:${limit.id}`,
      effect: 'limit',
      applies: 'always',
      reason: limit.description,
    });
  }
  const enforced = policy.mode === 'enforce';
  lines.push({
    rule: 'default',
    effect: enforced ? policy.defaultEffect : `would_${policy.defaultEffect}`,
    applies: 'always',
    reason: enforced ? 'when no rule matches' : 'when no rule matches (audit mode: never blocks)',
  });
  return lines;
}
