import type { CompiledPolicy, PolicyCall } from './compiled-policy.js';
import { ruleAppliesTo } from './rule-applies.js';
import { candidatesFor } from './rule-index.js';

/**
 * False when no arguments could ever make this call allowed, so the tool can be hidden from
 * tools/list: an enforced deny applies regardless of arguments, or the default denies and no
 * allow or ask rule can apply. Argument conditions are assumed satisfiable, so a tool is only
 * hidden when that is certain. `ask` counts as allowable (a human may approve).
 */
export function canEverAllow(policy: CompiledPolicy, call: Omit<PolicyCall, 'args'>): boolean {
  if (policy.mode === 'audit') return true;
  let reachable = policy.defaultEffect !== 'deny';
  for (const rule of candidatesFor(policy.rules, call.server, call.tool)) {
    if (!rule.enforced || !ruleAppliesTo(rule, call)) continue;
    if (rule.effect === 'deny') {
      if (rule.conditions.length === 0) return false;
    } else {
      reachable = true;
    }
  }
  return reachable;
}
