import { GatewayError } from '../../core/errors.js';
import type { ToolCallOutcome } from '../../core/tool-call.js';
import type { Gateway } from '../../gateway/gateway.js';
import type { CliDeps, GlobalOptions } from '../context.js';
import { createOutput, exitCodeFor, formatError, type Output } from '../output.js';
import { startStandalone } from './start-standalone.js';

/** `call TOOL --args JSON`: one call through the full pipeline; exit 0 ok, 1 tool error or denied. */
export const callCommand = async (
  tool: string,
  options: GlobalOptions & { args?: string; json?: boolean },
  deps: CliDeps,
): Promise<number> => {
  const output = createOutput(deps.streams, { noColor: !options.color, env: deps.env });
  let gateway: Gateway | undefined;
  try {
    const args = parseArgs(options.args);
    gateway = await startStandalone({ ...options, audit: true }, deps, output);
    const outcome = await gateway.callTool({
      name: tool,
      args,
      meta: undefined,
      signal: new AbortController().signal,
      onProgress: undefined,
    });
    return printOutcome(outcome, options.json === true, output);
  } catch (error) {
    output.err(formatError(error, output.color));
    return exitCodeFor(error);
  } finally {
    await gateway?.close();
  }
};

const parseArgs = (text: string | undefined): Record<string, unknown> => {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new GatewayError(
      'USAGE',
      `--args is not valid JSON: ${(error as Error).message}. Example: --args '{"path": "README.md"}'`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GatewayError(
      'USAGE',
      `--args must be a JSON object, such as '{"path": "README.md"}'`,
    );
  }
  return value as Record<string, unknown>;
};

const printOutcome = (outcome: ToolCallOutcome, json: boolean, output: Output): number => {
  switch (outcome.kind) {
    case 'ok': {
      const result = outcome.result;
      if (json) output.out(JSON.stringify(result, null, 2));
      else {
        for (const item of result.content) {
          if (item.type === 'text') output.out(item.text);
          else output.out(output.color.dim(`[${item.type} content]`));
        }
        if (result.content.length === 0 && result.structuredContent !== undefined)
          output.out(JSON.stringify(result.structuredContent, null, 2));
      }
      return result.isError === true ? 1 : 0;
    }
    case 'denied':
      if (json) output.out(JSON.stringify({ denied: outcome.decision }, null, 2));
      output.err(
        output.color.red(
          `Denied by policy rule "${outcome.decision.decidingRule}": ${outcome.decision.reason}`,
        ),
      );
      return 1;
    case 'blocked':
      if (json) output.out(JSON.stringify({ blocked: outcome }, null, 2));
      output.err(
        output.color.red(
          `Blocked by the scanner (${outcome.stage}): ${outcome.findings.map((f) => f.rule).join(', ')}`,
        ),
      );
      return 1;
    case 'failed':
      output.err(formatError(outcome.error, output.color));
      return 1;
  }
};
