import type { Gateway, ToolVerdict } from '../../gateway/gateway.js';
import type { CliDeps, GlobalOptions } from '../context.js';
import { createOutput, exitCodeFor, formatError, formatTable } from '../output.js';
import { startStandalone } from './start-standalone.js';

/** `tools`: start the backends, print every exposed tool, shut down. Exit 1 if a backend failed. */
export const toolsCommand = async (
  options: GlobalOptions & { json?: boolean },
  deps: CliDeps,
): Promise<number> => {
  const output = createOutput(deps.streams, { noColor: !options.color, env: deps.env });
  let gateway: Gateway | undefined;
  try {
    gateway = await startStandalone(options, deps, output);
    const catalog = gateway.catalog();
    const status = gateway.status();
    const rows = catalog.tools.map((tool) => {
      const route = catalog.routeFor(tool.name);
      const review = gateway?.reviewFor(tool.name);
      return {
        server: route?.server ?? '',
        name: tool.name,
        originalName: route?.tool ?? tool.name,
        description: firstLine(tool.description),
        policy: describeVerdict(gateway?.verdictFor(tool.name)),
        labels: gateway?.labelsFor(tool.name)?.labels ?? [],
        labelSource: gateway?.labelsFor(tool.name)?.source ?? 'none',
        findings: review?.findings.map((f) => `${f.severity}:${f.rule}`) ?? [],
        pin: review?.pin ?? 'off',
        blocked: review?.blocked,
      };
    });
    const failed = status.filter((s) => s.state !== 'ready');
    if (options.json === true) {
      output.out(
        JSON.stringify(
          {
            tools: rows,
            servers: status.map((s) => ({
              name: s.name,
              state: s.state,
              tools: s.tools,
              startMs: s.startMs,
              error: s.error?.message,
            })),
            collisions: catalog.collisions,
          },
          null,
          2,
        ),
      );
    } else {
      for (const line of formatTable(
        rows.map((r) => [
          r.server,
          r.name,
          r.originalName,
          r.blocked === undefined ? r.policy : 'blocked',
          r.labels.length === 0 ? '-' : r.labels.join(','),
          r.findings.length === 0 ? '-' : r.findings.join(' '),
          r.description,
        ]),
        ['SERVER', 'TOOL', 'ORIGINAL', 'POLICY', 'LABELS', 'FINDINGS', 'DESCRIPTION'],
        output.color,
      )) {
        output.out(line);
      }
      for (const s of failed)
        output.err(output.color.red(`✗ ${s.name}: ${s.error?.message ?? s.state}`));
    }
    return failed.length > 0 ? 1 : 0;
  } catch (error) {
    output.err(formatError(error, output.color));
    return exitCodeFor(error);
  } finally {
    await gateway?.close();
  }
};

/** The POLICY column: what the policy says about a tool before seeing its arguments. */
const describeVerdict = (verdict: ToolVerdict | undefined): string => {
  if (verdict === undefined) return 'unknown';
  if (verdict.kind === 'hidden') return 'deny (hidden)';
  return verdict.dependsOnArguments ? `${verdict.effect} (depends on arguments)` : verdict.effect;
};

const firstLine = (text: string | undefined): string =>
  (text ?? '').split('\n', 1)[0]?.trim() ?? '';
