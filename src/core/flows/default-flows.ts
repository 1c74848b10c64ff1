import type { FlowRuleSettings } from './flow-settings.js';

/**
 * The flow rules in force unless `policy.flows.defaults` is false (docs/flows.md explains them).
 * After outside content, anything that can send data away needs a human; sending on data that a
 * sensitive tool returned is refused outright, whoever approves.
 */
export const DEFAULT_FLOW_RULES: readonly FlowRuleSettings[] = [
  {
    id: 'untrusted-egress',
    after: ['untrusted'],
    match: '@egress',
    effect: 'ask',
    reason: 'this session has read untrusted content, and this tool can send data out',
  },
  {
    id: 'sensitive-data-out',
    after: ['untrusted'],
    carries: 'sensitive',
    match: '@egress',
    effect: 'deny',
    reason:
      'after reading untrusted content, the arguments carry private data that a sensitive tool returned',
  },
];
