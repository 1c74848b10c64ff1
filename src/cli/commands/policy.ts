import { loadConfig } from '../../config/load.js';
import type { ResolvedConfig } from '../../config/resolve.js';
import { GatewayError } from '../../core/errors.js';
import {
  accessClassFor,
  evaluatePolicy,
  explainPolicy,
  type PolicyCall,
} from '../../core/policy/index.js';
import { loadOptionsFor, type CliDeps, type GlobalOptions, withErrors } from '../context.js';

/** `policy test --call JSON`: the decision for one call, without running anything; exit 0 allow, 1 deny/ask. */
export const policyTestCommand = async (
  options: GlobalOptions & { call: string; access?: 'read' | 'write'; json?: boolean },
  deps: CliDeps,
): Promise<number> =>
  withErrors(options, deps, async (output) => {
    const config = await loadConfig(loadOptionsFor(options, deps));
    const request = parseCall(options.call);
    const call: PolicyCall = {
      ...target(config, request.tool, options.access),
      args: request.args,
    };
    const decision = evaluatePolicy(config.policy, call);
    if (options.json === true) {
      output.out(JSON.stringify({ call, decision }, null, 2));
    } else {
      const paint =
        decision.final === 'allow'
          ? output.color.green
          : decision.effect === 'ask'
            ? output.color.yellow
            : output.color.red;
      output.out(
        `${paint(decision.effect.toUpperCase())} ${call.server}/${call.tool} (${call.access})`,
      );
      output.out(`  deciding rule: ${decision.decidingRule}`);
      output.out(
        `  matching rules: ${decision.rules.length === 0 ? '(none)' : decision.rules.join(', ')}`,
      );
      output.out(`  reason: ${decision.reason}`);
      if (decision.wouldBe !== undefined)
        output.out(
          `  would be: ${decision.wouldBe} (rule ${decision.wouldBeRule ?? 'default'}), not enforced`,
        );
      output.out(`  policy: ${decision.policy}`);
    }
    return decision.final === 'allow' ? 0 : 1;
  });

/** `policy explain TOOL`: every rule that can apply to a tool, and whether arguments matter. */
export const policyExplainCommand = async (
  tool: string,
  options: GlobalOptions & { access?: 'read' | 'write'; json?: boolean },
  deps: CliDeps,
): Promise<number> =>
  withErrors(options, deps, async (output) => {
    const config = await loadConfig(loadOptionsFor(options, deps));
    const call = target(config, tool, options.access);
    const explained = explainPolicy(config.policy, call);
    const fallback = evaluatePolicy(config.policy, { ...call, args: {} });
    if (options.json === true) {
      output.out(JSON.stringify({ call, rules: explained, withoutArguments: fallback }, null, 2));
      return 0;
    }
    output.out(
      `${call.server}/${call.tool} (${call.access}${call.agent === undefined ? '' : `, agent ${call.agent}`})`,
    );
    if (explained.length === 0) output.out(`  no rule applies; the default is ${fallback.effect}`);
    for (const entry of explained) {
      output.out(
        `  ${entry.effect.padEnd(6)} ${entry.rule.padEnd(24)} ${entry.applies}${entry.reason === undefined ? '' : `: ${entry.reason}`}`,
      );
    }
    output.out(`  with no arguments: ${fallback.effect} (${fallback.decidingRule})`);
    return 0;
  });

interface CallRequest {
  readonly tool: string;
  readonly args: Record<string, unknown>;
}

const parseCall = (text: string): CallRequest => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw usage(`--call is not valid JSON: ${(error as Error).message}`);
  }
  const request = value as { tool?: unknown; args?: unknown } | null;
  if (typeof request?.tool !== 'string')
    throw usage('--call needs a "tool", e.g. {"tool":"fs/write_file","args":{"path":"/tmp/x"}}');
  const args: unknown = request.args ?? {};
  if (typeof args !== 'object' || args === null || Array.isArray(args))
    throw usage('--call "args" must be an object');
  return { tool: request.tool, args: args as Record<string, unknown> };
};

/** `server/tool`, or an exposed `server__tool` name, to the policy's view of the call. */
const target = (
  config: ResolvedConfig,
  tool: string,
  access: 'read' | 'write' | undefined,
): Omit<PolicyCall, 'args'> => {
  const separator = config.naming.separator;
  const slash = tool.indexOf('/');
  const cut = slash !== -1 ? slash : tool.indexOf(separator);
  if (cut <= 0)
    throw usage(
      `"${tool}" names no server: write "server/tool" (or the exposed "server${separator}tool")`,
    );
  const server = tool.slice(0, cut);
  const name = tool.slice(cut + (slash !== -1 ? 1 : separator.length));
  const resolved = config.servers.find((s) => s.name === server);
  if (resolved === undefined)
    throw usage(`no server "${server}" in ${config.file ?? 'the config'}`);
  return {
    server,
    tool: name,
    agent: config.agent,
    // Without starting the backend there are no annotations: explicit overrides, else the flag, else write.
    access: access ?? accessClassFor(config.policy, server, name, undefined, false),
    serverTags: resolved.tags,
  };
};

const usage = (message: string): GatewayError => new GatewayError('USAGE', message);
