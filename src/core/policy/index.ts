export { accessClassFor } from './access-class.js';
export {
  composeApprovalPrompt,
  defaultPromptLength,
  type ApprovalPrompt,
  type ApprovalSubject,
} from './approval-prompt.js';
export { canEverAllow } from './can-ever-allow.js';
export { compilePolicy, type PolicyCompilation } from './compile.js';
export type { CompiledPolicy, PolicyCall, PolicyEnvironment } from './compiled-policy.js';
export type { PolicyDecision, PolicyEffect } from './decision.js';
export { evaluatePolicy, selfProtectionRuleId } from './evaluate.js';
export { examineArguments, type ExaminedArgument } from './examine-arguments.js';
export { explainPolicy, type PolicyExplanation } from './explain.js';
export type {
  AccessClass,
  ArgumentPredicateSettings,
  JsonScalar,
  LimitSettings,
  OneOrMany,
  PolicySettings,
  RuleSettings,
} from './policy-settings.js';
export type { PolicyProblem } from './policy-problem.js';
export { createRateLimiter, type RateLimiter, type RateLimitResult } from './rate-limiter.js';
export type { RootsView, ServerLocation } from './relative-base.js';
export { createRootsTracker, type RootsTracker } from './roots-tracker.js';
