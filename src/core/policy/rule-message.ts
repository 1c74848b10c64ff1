import type { PolicyEffect } from './decision.js';

/**
 * The sentence a decision by one rule gives the model and the human, for ordinary rules
 * (`policy rule "id"`) and flow rules (`flow rule "id"`) alike.
 */
export function ruleMessage(
  kind: 'policy' | 'flow',
  rule: {
    readonly id: string;
    readonly effect: PolicyEffect;
    readonly reason?: string | undefined;
  },
): string {
  const named = `${kind} rule "${rule.id}"`;
  const why = rule.reason === undefined ? '' : `: ${rule.reason}`;
  switch (rule.effect) {
    case 'deny':
      return `denied by ${named}${why}`;
    case 'ask':
      return `${named} requires a human to approve this call${why}`;
    case 'allow':
      return `allowed by ${named}${why}`;
  }
}
