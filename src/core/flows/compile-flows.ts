import type { PolicyEffect } from '../policy/decision.js';
import { compileGlob, expandAlternatives } from '../policy/glob.js';
import type { PolicyProblem } from '../policy/policy-problem.js';
import type { Severity } from '../scanner/finding.js';
import { DEFAULT_FLOW_RULES } from './default-flows.js';
import { bitsOf, isFlowLabel, labelBit, type LabelBits } from './flow-label.js';
import type { FlowRuleSettings, FlowSettings } from './flow-settings.js';
import { ruleMessage } from '../policy/rule-message.js';

/** A flow rule ready to evaluate. */
export interface CompiledFlowRule {
  /** `flow:<id>`, as decisions and the audit log name it. */
  readonly id: string;
  /** Session labels that must all be present. */
  readonly after: LabelBits;
  /** `@label` rules: the bit the called tool must have (0 for glob rules). */
  readonly toolLabel: LabelBits;
  /** Glob rules: the `server/tool` pattern. */
  readonly match: RegExp | undefined;
  readonly effect: PolicyEffect;
  /** Only when the arguments carry remembered sensitive data. */
  readonly carries: boolean;
  readonly agents: ReadonlySet<string> | undefined;
  /** False in audit mode and for `enforce: false`: decided and reported, never applied. */
  readonly enforced: boolean;
  /** The sentence a decision by this rule starts with. */
  readonly message: string;
}

/** `policy.flows` compiled once at load. */
export interface CompiledFlows {
  readonly mode: 'enforce' | 'audit' | 'off';
  readonly rules: readonly CompiledFlowRule[];
  /** Findings at or above this severity in a result make the session untrusted. */
  readonly untrustedAt: Severity | undefined;
  /** Whether any rule needs value tracking, so sessions fingerprint sensitive results. */
  readonly tracksValues: boolean;
  /** Whether some rule applies whatever the session's labels (its `after` is empty). */
  readonly someWithoutLabels: boolean;
}

/** No flow control at all (`policy.flows.mode: "off"`). */
export const NO_FLOWS: CompiledFlows = Object.freeze({
  mode: 'off',
  rules: Object.freeze([]),
  untrustedAt: undefined,
  tracksValues: false,
  someWithoutLabels: false,
});

/**
 * Compiles `policy.flows` (the built-in rules unless `defaults: false`; a rule of yours with a
 * built-in's id replaces it). `policyMode: "audit"` puts flows in audit mode too.
 */
export function compileFlows(
  settings: FlowSettings | undefined,
  policyMode: 'enforce' | 'audit',
): { flows: CompiledFlows; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const mode = settings?.mode ?? 'enforce';
  if (mode === 'off') return { flows: NO_FLOWS, problems };
  const own = settings?.rules ?? [];
  const seen = new Set<string>();
  own.forEach((rule, index) => {
    if (seen.has(rule.id))
      problems.push({
        path: ['flows', 'rules', index, 'id'],
        message: `flow rule id "${rule.id}" is used twice`,
      });
    seen.add(rule.id);
  });
  const builtins = settings?.defaults === false ? [] : DEFAULT_FLOW_RULES;
  const written: { rule: FlowRuleSettings; path: (string | number)[] }[] = [
    ...builtins
      .filter((rule) => !seen.has(rule.id))
      .map((rule) => ({ rule, path: ['flows', 'defaults'] })),
    ...own.map((rule, index) => ({ rule, path: ['flows', 'rules', index] })),
  ];
  const enforcing = policyMode === 'enforce' && mode === 'enforce';
  const rules = written.map(({ rule, path }) => compileRule(rule, path, enforcing, problems));
  const threshold = settings?.untrustedFindings ?? 'medium';
  return {
    flows: {
      mode: policyMode === 'audit' ? 'audit' : mode,
      rules,
      untrustedAt: threshold === 'off' ? undefined : threshold,
      tracksValues: rules.some((rule) => rule.carries),
      someWithoutLabels: rules.some((rule) => rule.after === 0),
    },
    problems,
  };
}

function compileRule(
  rule: FlowRuleSettings,
  path: (string | number)[],
  enforcing: boolean,
  problems: PolicyProblem[],
): CompiledFlowRule {
  let toolLabel: LabelBits = 0;
  let match: RegExp | undefined;
  if (rule.match.startsWith('@')) {
    const label = rule.match.slice(1);
    if (isFlowLabel(label)) toolLabel = labelBit(label);
    else
      problems.push({
        path: [...path, 'match'],
        message: `"${rule.match}" is not a label: write "@untrusted", "@sensitive" or "@egress", or a "server/tool" glob`,
      });
  } else {
    const glob = compileGlob(rule.match);
    const alternatives = expandAlternatives(rule.match);
    if (!glob.ok) problems.push({ path: [...path, 'match'], message: glob.message });
    else if (alternatives?.some((a) => !a.includes('/') && !a.includes('**')) === true)
      problems.push({
        path: [...path, 'match'],
        message: `"${rule.match}" must glob the canonical "server/tool" name (e.g. "${rule.match}/*") or name a label ("@egress")`,
      });
    // A broken pattern fails closed: a deny or ask applies everywhere, an allow nowhere.
    match = glob.ok ? glob.regex : rule.effect === 'allow' ? /(?!)/ : /^/;
  }
  return {
    id: `flow:${rule.id}`,
    after: bitsOf(rule.after),
    toolLabel,
    match,
    effect: rule.effect,
    carries: rule.carries === 'sensitive',
    agents: rule.agents === undefined ? undefined : new Set(rule.agents),
    enforced: enforcing && rule.enforce !== false,
    message: ruleMessage('flow', rule),
  };
}
