import type { ToolCatalog } from '../core/routing/tool-catalog.js';
import { createFindingFilter, type ScanAllowEntry } from '../core/scanner/finding-filter.js';
import type { Finding } from '../core/scanner/finding.js';
import type { Scanner } from '../core/scanner/scanner.js';
import { toScannable } from '../review/tool-reviewer.js';

/** One tool definition's findings, for `mcp-gateway scan`. */
export interface DefinitionScan {
  readonly server: string;
  readonly tool: string;
  readonly exposed: string;
  readonly findings: Finding[];
}

/** Every tool definition scanned at every severity, with `scanning.allow` applied. */
export const scanDefinitions = (
  catalog: ToolCatalog,
  scanner: Scanner,
  allow: readonly ScanAllowEntry[],
): DefinitionScan[] => {
  const everything = createFindingFilter(allow, 'low');
  const servers = [...new Set(catalog.tools.map((t) => catalog.routeFor(t.name)?.server ?? ''))];
  return catalog.tools.flatMap((tool) => {
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
        findings: everything(route.server, route.tool, found),
      },
    ];
  });
};
