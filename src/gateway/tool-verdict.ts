import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import {
  accessClassFor,
  canEverAllow,
  evaluatePolicy,
  explainPolicy,
  type PolicyCall,
  type PolicyEffect,
} from '../core/policy/index.js';
import type { Runtime } from './runtime.js';

/** A tool as the policy sees it before any call: where it lives and what it is. */
interface ToolRef {
  readonly server: string;
  readonly tool: string;
  readonly definition: Tool;
}

/** What the policy says about a tool before seeing arguments; the CLI turns it into words. */
export type ToolVerdict =
  /** Withheld from the agent: no arguments could get it allowed, or its review blocked it. */
  | { readonly kind: 'hidden' }
  | {
      readonly kind: 'listed';
      /** The effect for a call with no arguments. */
      readonly effect: PolicyEffect;
      /** True when some rule's conditions look at the arguments. */
      readonly dependsOnArguments: boolean;
    };

/** The policy's view of a tool before any arguments: names, principal, access class, tags. */
export const policyTargetFor = (runtime: Runtime, ref: ToolRef): Omit<PolicyCall, 'args'> => {
  const server = runtime.servers.get(ref.server);
  return {
    server: ref.server,
    tool: ref.tool,
    agent: runtime.config.agent,
    access: accessClassFor(
      runtime.config.policy,
      ref.server,
      ref.tool,
      ref.definition.annotations,
      server?.trustAnnotations ?? false,
    ),
    serverTags: server?.tags ?? [],
  };
};

/** Tools that no arguments could ever get allowed are not shown to the agent at all. */
export const isToolVisible = (runtime: Runtime, ref: ToolRef, blocked: boolean): boolean =>
  !blocked && canEverAllow(runtime.config.policy, policyTargetFor(runtime, ref));

/** The verdict `tools` shows for a listed tool. */
export const toolVerdict = (runtime: Runtime, ref: ToolRef, blocked: boolean): ToolVerdict => {
  if (!isToolVisible(runtime, ref, blocked)) return { kind: 'hidden' };
  const call = policyTargetFor(runtime, ref);
  const explained = explainPolicy(runtime.config.policy, call);
  return {
    kind: 'listed',
    effect: evaluatePolicy(runtime.config.policy, { ...call, args: {} }).effect,
    dependsOnArguments: explained.some((e) => e.applies === 'depends-on-arguments'),
  };
};
