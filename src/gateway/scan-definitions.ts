import type { ToolCatalog } from '../core/routing/tool-catalog.js';
import { INSTRUCTIONS_KEY } from '../core/pinning/pinned-form.js';
import { createFindingFilter, type ScanAllowEntry } from '../core/scanner/finding-filter.js';
import type { Finding } from '../core/scanner/finding.js';
import type { Scanner } from '../core/scanner/scanner.js';
import { DUPLICATE_TOOL_RULE, maxInstructionsChars, toScannable } from '../review/tool-reviewer.js';

/** One definition's findings, for `mcp-gateway scan`: a tool, a server's instructions, or a name listed twice. */
export interface DefinitionScan {
  readonly server: string;
  /** The tool's name at its server; `@instructions` for the server's instructions. */
  readonly tool: string;
  /** The name the agent sees; for instructions and refused duplicates, which have none, `server/tool`. */
  readonly exposed: string;
  readonly kind: 'tool' | 'instructions' | 'duplicate';
  readonly findings: Finding[];
}

/** A server's `instructions` as it sent them in initialize. */
export interface ServerInstructions {
  readonly server: string;
  readonly text: string;
}

/**
 * Every tool definition and every server's instructions scanned at every severity, with
 * `scanning.allow` applied, and every name a backend listed twice (the gateway offers no copy).
 */
export const scanDefinitions = (
  catalog: ToolCatalog,
  scanner: Scanner,
  allow: readonly ScanAllowEntry[],
  instructions: readonly ServerInstructions[] = [],
  maxChars = Infinity,
): DefinitionScan[] => {
  const everything = createFindingFilter(allow, 'low');
  const servers = [...new Set(catalog.tools.map((t) => catalog.routeFor(t.name)?.server ?? ''))];
  const tools = catalog.tools.flatMap((tool): DefinitionScan[] => {
    const route = catalog.routeFor(tool.name);
    if (route === undefined) return [];
    const found = scanner.scanTool(toScannable(route.definition), {
      server: route.server,
      otherServers: servers.filter((s) => s !== route.server),
      otherToolNames: catalog.tools
        .filter((t) => catalog.routeFor(t.name)?.server !== route.server)
        .map((t) => catalog.routeFor(t.name)?.tool ?? t.name),
    });
    return [
      {
        server: route.server,
        tool: route.tool,
        exposed: tool.name,
        kind: 'tool',
        findings: everything(route.server, route.tool, found),
      },
    ];
  });
  // Read as the gateway reads them before an agent sees them: as a description, up to the same bound.
  const limit = Math.min(maxChars, maxInstructionsChars);
  const texts = instructions
    .filter((i) => i.text !== '')
    .map(({ server, text }): DefinitionScan => {
      const job = scanner.startText(text, 'instructions', { surface: 'description' });
      job.step(limit);
      const found = job.finish(`instructions longer than ${limit} characters`);
      return {
        server,
        tool: INSTRUCTIONS_KEY,
        exposed: `${server}/${INSTRUCTIONS_KEY}`,
        kind: 'instructions',
        findings: everything(server, INSTRUCTIONS_KEY, found),
      };
    });
  const duplicates = catalog.duplicates.map(({ server, tool }): DefinitionScan => ({
    server,
    tool,
    exposed: `${server}/${tool}`,
    kind: 'duplicate',
    findings: [
      {
        rule: DUPLICATE_TOOL_RULE,
        severity: 'high',
        field: 'name',
        span: [0, 0],
        message: `${server} lists this name more than once, so the gateway offers no copy of it`,
      },
    ],
  }));
  return [...texts, ...tools, ...duplicates];
};
