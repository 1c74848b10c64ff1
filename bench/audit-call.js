// @ts-check
// The echo call the audit benchmarks record (bench/audit-steps.js, bench/audit-seal.js): the
// policy's decision with no policy, and the agent session it came from.

/** @type {import('../dist/core/policy/decision.js').PolicyDecision} */
export const decision = {
  effect: 'allow',
  final: 'allow',
  decidingRule: 'default',
  rules: [],
  mode: 'enforce',
  policy: `sha256:${'c'.repeat(64)}`,
  reason: 'allowed',
};

export const session = { agent: undefined, client: { name: 'bench', version: '1' } };
