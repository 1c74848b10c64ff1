import { isPathUnderFolded } from './argument-path.js';
import type { CompiledPolicy, CompiledRule, PolicyCall } from './compiled-policy.js';
import {
  candidatesOf,
  conditionHolds,
  createSelection,
  selectFrom,
  type Selection,
} from './condition.js';
import type { Selector } from './selector.js';
import type { PolicyDecision, PolicyEffect } from './decision.js';
import { resolutionFor } from './relative-base.js';
import { ruleAppliesTo } from './rule-applies.js';
import { candidatesFor } from './rule-index.js';

/** The id of the built-in deny for arguments that point into the gateway's own files. */
export const selfProtectionRuleId = 'builtin:self-protection';

const selfProtectionMessage =
  "denied by the built-in self-protection: an argument points into the gateway's own state folder or config file";
const noRules: readonly string[] = Object.freeze([]);
const pathsSelector: Selector = { kind: 'paths' };

/**
 * Decides a call from the rules alone (limits and approvals are the caller's): any matching
 * deny wins, else any ask, else any allow, else `default`; rule order never matters.
 */
export function evaluatePolicy(policy: CompiledPolicy, call: PolicyCall): PolicyDecision {
  const selection = createSelection(call.args, resolutionFor(policy, call));
  const selfProtected = policy.protectedPaths.length > 0 && pointsIntoProtected(policy, selection);
  let matched: string[] | undefined = selfProtected ? [selfProtectionRuleId] : undefined;
  // The first matching rule (config order) of each effect, over all rules and over enforced ones.
  let deny: CompiledRule | undefined;
  let ask: CompiledRule | undefined;
  let allow: CompiledRule | undefined;
  let enforcedDeny: CompiledRule | undefined;
  let enforcedAsk: CompiledRule | undefined;
  let enforcedAllow: CompiledRule | undefined;
  for (const rule of candidatesFor(policy.rules, call.server, call.tool)) {
    if (!ruleAppliesTo(rule, call) || !argumentsMatch(rule, selection)) continue;
    (matched ??= []).push(rule.id);
    if (rule.effect === 'deny') {
      deny ??= rule;
      if (rule.enforced) enforcedDeny ??= rule;
    } else if (rule.effect === 'ask') {
      ask ??= rule;
      if (rule.enforced) enforcedAsk ??= rule;
    } else {
      allow ??= rule;
      if (rule.enforced) enforcedAllow ??= rule;
    }
  }
  // No rule matched (most calls under a small policy): the default's decision is the same for
  // every such call, so it is made once per policy rather than once per call.
  if (matched === undefined) return defaultDecisionOf(policy);
  const fallback = policy.mode === 'enforce' ? policy.defaultEffect : 'allow';
  // `null` stands for the built-in self-protection, `undefined` for the default.
  const applied = selfProtected ? null : (enforcedDeny ?? enforcedAsk ?? enforcedAllow);
  const effect = applied === null ? 'deny' : (applied?.effect ?? fallback);
  const whole = selfProtected ? null : (deny ?? ask ?? allow);
  const wholeEffect = whole === null ? 'deny' : (whole?.effect ?? policy.defaultEffect);
  const reason = messageOf(applied, effect, policy);
  if (wholeEffect === effect) {
    return {
      effect,
      final: effect === 'allow' ? 'allow' : 'deny',
      decidingRule: idOf(applied),
      rules: matched,
      mode: policy.mode,
      policy: policy.digest,
      reason,
    };
  }
  const trial = policy.mode === 'audit' ? 'audit mode' : 'not enforced';
  return {
    effect,
    final: effect === 'allow' ? 'allow' : 'deny',
    decidingRule: idOf(applied),
    rules: matched,
    mode: policy.mode,
    policy: policy.digest,
    reason: `${reason} (${trial}, would ${wholeEffect}: ${messageOf(whole, wholeEffect, policy)})`,
    wouldBe: wholeEffect,
    wouldBeRule: idOf(whole),
  };
}

/** The decision of calls no rule matches, per policy (a decision is never mutated). */
const defaultDecisions = new WeakMap<CompiledPolicy, PolicyDecision>();

function defaultDecisionOf(policy: CompiledPolicy): PolicyDecision {
  let decision = defaultDecisions.get(policy);
  if (decision === undefined) {
    decision = Object.freeze(decideUnmatched(policy));
    defaultDecisions.set(policy, decision);
  }
  return decision;
}

/** What evaluatePolicy decides when neither a rule nor the self-protection matched. */
function decideUnmatched(policy: CompiledPolicy): PolicyDecision {
  const effect = policy.mode === 'enforce' ? policy.defaultEffect : 'allow';
  const wholeEffect = policy.defaultEffect;
  const reason = messageOf(undefined, effect, policy);
  const base = {
    effect,
    final: effect === 'allow' ? ('allow' as const) : ('deny' as const),
    decidingRule: 'default',
    rules: noRules,
    mode: policy.mode,
    policy: policy.digest,
  };
  if (wholeEffect === effect) return { ...base, reason };
  const trial = policy.mode === 'audit' ? 'audit mode' : 'not enforced';
  return {
    ...base,
    reason: `${reason} (${trial}, would ${wholeEffect}: ${messageOf(undefined, wholeEffect, policy)})`,
    wouldBe: wholeEffect,
    wouldBeRule: 'default',
  };
}

function idOf(rule: CompiledRule | null | undefined): string {
  if (rule === null) return selfProtectionRuleId;
  return rule === undefined ? 'default' : rule.id;
}

function messageOf(
  rule: CompiledRule | null | undefined,
  effect: PolicyEffect,
  policy: CompiledPolicy,
): string {
  if (rule === null) return selfProtectionMessage;
  if (rule !== undefined) return rule.message;
  if (policy.mode === 'audit' && effect === 'allow') return 'allowed: the policy is in audit mode';
  switch (effect) {
    case 'deny':
      return 'no policy rule allows this call and the policy default is deny';
    case 'ask':
      return 'the policy default requires a human to approve this call';
    case 'allow':
      return 'allowed by the policy default';
  }
}

function argumentsMatch(rule: CompiledRule, selection: Selection): boolean {
  for (const condition of rule.conditions) {
    if (!conditionHolds(condition, selection, rule.side)) return false;
  }
  return true;
}

/**
 * Any `$paths` value resolving into a protected path (case-folded too: some file systems ignore
 * case), or relative to a base on this machine the gateway cannot know (it could be the state
 * folder's parent). Unresolvable strings are ignored here, so prose like `~5 min` cannot trip a
 * rule that nobody can switch off; so are relative paths for a server on another machine.
 */
function pointsIntoProtected(policy: CompiledPolicy, selection: Selection): boolean {
  for (const value of selectFrom(selection, pathsSelector)) {
    if (typeof value !== 'string') continue;
    const candidates = candidatesOf(selection, value);
    if (candidates === 'unknown') return true;
    if (candidates === undefined || candidates === 'elsewhere') continue;
    for (const candidate of candidates) {
      for (const base of policy.protectedPathsFolded)
        if (isPathUnderFolded(candidate, base)) return true;
    }
  }
  return false;
}
