import type { CompiledRule, PolicyCall } from './compiled-policy.js';

/**
 * Whether a rule applies to a call before looking at arguments: its `agents`, `access` and
 * `serverTags` (any one tag of the server) all fit. The `match` glob is checked by the index.
 */
export function ruleAppliesTo(rule: CompiledRule, call: Omit<PolicyCall, 'args'>): boolean {
  if (rule.access !== undefined && rule.access !== call.access) return false;
  if (rule.agents !== undefined && (call.agent === undefined || !rule.agents.has(call.agent))) {
    return false;
  }
  if (rule.serverTags !== undefined) {
    for (const tag of call.serverTags) if (rule.serverTags.has(tag)) return true;
    return false;
  }
  return true;
}
