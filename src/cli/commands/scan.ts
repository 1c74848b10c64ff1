import type { Gateway } from '../../gateway/gateway.js';
import { GatewayError } from '../../core/errors.js';
import type { CliDeps, GlobalOptions } from '../context.js';
import { createOutput, exitCodeFor, formatError, formatTable } from '../output.js';
import { startStandalone } from './start-standalone.js';

const SEVERITIES = ['low', 'medium', 'high'] as const;
type Severity = (typeof SEVERITIES)[number];

/**
 * `scan`: every tool definition and every server's instructions through the scanner, and every
 * name a server lists twice; exit 1 on findings at or above --fail-on.
 */
export const scanCommand = async (
  options: GlobalOptions & { json?: boolean; failOn?: string },
  deps: CliDeps,
): Promise<number> => {
  const output = createOutput(deps.streams, { noColor: !options.color, env: deps.env });
  let gateway: Gateway | undefined;
  try {
    const failOn = (options.failOn ?? 'medium') as Severity;
    if (!SEVERITIES.includes(failOn))
      throw new GatewayError('USAGE', `--fail-on takes low, medium or high, not "${failOn}"`);
    gateway = await startStandalone(options, deps, output);
    const scanned = gateway.scanDefinitions();
    const failing = scanned.filter((s) =>
      s.findings.some((f) => SEVERITIES.indexOf(f.severity) >= SEVERITIES.indexOf(failOn)),
    );
    const backendsFailed = gateway.status().filter((s) => s.state !== 'ready');
    if (options.json === true) {
      output.out(
        JSON.stringify(
          {
            failOn,
            tools: scanned,
            failed: failing.map((f) => f.exposed),
            backendsFailed: backendsFailed.map((b) => b.name),
          },
          null,
          2,
        ),
      );
    } else {
      const rows = scanned.flatMap((s) =>
        s.findings.map((f) => [
          s.server,
          s.tool,
          f.severity,
          f.rule,
          f.field,
          f.message.slice(0, 80),
        ]),
      );
      const tools = scanned.filter((s) => s.kind === 'tool').length;
      const instructions = scanned.filter((s) => s.kind === 'instructions').length;
      if (rows.length === 0)
        output.out(
          output.color.green(
            `✓ ${tools} tool definitions${instructions > 0 ? ` and ${instructions} servers' instructions` : ''}, no findings`,
          ),
        );
      else
        for (const line of formatTable(
          rows,
          ['SERVER', 'TOOL', 'SEVERITY', 'RULE', 'FIELD', 'WHY'],
          output.color,
        ))
          output.out(line);
      for (const b of backendsFailed)
        output.err(
          output.color.red(
            `✗ ${b.name} did not start, so it was not scanned: ${b.error?.message ?? b.state}`,
          ),
        );
      if (failing.length > 0)
        output.err(
          output.color.red(
            `${failing.length} definition(s) with findings at ${failOn} or above: ${failing.map((f) => f.exposed).join(', ')}`,
          ),
        );
    }
    return failing.length > 0 || backendsFailed.length > 0 ? 1 : 0;
  } catch (error) {
    output.err(formatError(error, output.color));
    return exitCodeFor(error);
  } finally {
    await gateway?.close();
  }
};
