import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ToolCatalog, ToolRoute } from './tool-catalog.js';
import type { ToolSelection } from './tool-selection.js';

/** A tool a session is not offered, and why. */
export interface LeftOutTool {
  readonly server: string;
  readonly tool: string;
  readonly exposed: string;
  /** `excluded`: by a setting (`by` names it); `cap`: over the client's tool cap. */
  readonly reason: 'excluded' | 'cap';
  readonly by: string;
  readonly priority: number;
}

/** What one kind of session sees: its names, its tools, and what it is not offered. */
export interface ToolView {
  /** Every tool under this view's names, including those the policy hides (they are routed). */
  readonly catalog: ToolCatalog;
  /** What `tools/list` answers. */
  readonly tools: readonly Tool[];
  /** Tools not offered, excluded ones first, each group in catalog order. */
  readonly leftOut: readonly LeftOutTool[];
  /** The route of a tool this view offers or hides by policy; undefined for one it leaves out. */
  routeFor(exposed: string): ToolRoute | undefined;
  /** Why a name is not offered in this view, if it is one of the tools left out. */
  leftOutFor(exposed: string): LeftOutTool | undefined;
}

export interface ToolViewOptions {
  readonly catalog: ToolCatalog;
  /** False for tools the policy or a review hides: routed, but not listed. */
  readonly isVisible: (route: ToolRoute) => boolean;
  readonly selection: ToolSelection;
  /** Most tools the client is offered; undefined: no cap. */
  readonly cap: number | undefined;
}

/**
 * Narrows a catalog to what a session is offered: tools the policy hides are not listed;
 * excluded tools (servers.<name>.tools, the profile) are left out; over the cap, the tools with
 * the highest priority stay (ties: config and listing order) and the rest are left out.
 * Names come from the catalog, so leaving a tool out never renames another.
 */
export const buildToolView = (options: ToolViewOptions): ToolView => {
  const { catalog, selection, cap } = options;
  const offered: { tool: Tool; route: ToolRoute }[] = [];
  const excluded: LeftOutTool[] = [];
  for (const tool of catalog.tools) {
    const route = catalog.routeFor(tool.name);
    if (route === undefined || !options.isVisible(route)) continue;
    const by = selection.exclusionOf(route.server, route.tool);
    if (by === undefined) offered.push({ tool, route });
    else excluded.push(leftOut(route, 'excluded', by, selection));
  }
  if (cap === undefined || offered.length <= cap) {
    if (excluded.length === 0) return plainView(catalog, offered);
    return narrowedView(catalog, offered, excluded);
  }
  // Stable: equal priorities keep the catalog's order (servers as configured, tools as listed).
  const ranked = offered
    .map((entry, index) => ({
      entry,
      index,
      priority: selection.priorityOf(entry.route.server, entry.route.tool),
    }))
    .sort((a, b) => b.priority - a.priority || a.index - b.index);
  const kept = new Set(ranked.slice(0, cap).map((r) => r.index));
  const capped = ranked
    .slice(cap)
    .sort((a, b) => a.index - b.index)
    .map((r) => leftOut(r.entry.route, 'cap', `the tool cap (${cap})`, selection));
  return narrowedView(
    catalog,
    offered.filter((_, index) => kept.has(index)),
    [...excluded, ...capped],
  );
};

const leftOut = (
  route: ToolRoute,
  reason: LeftOutTool['reason'],
  by: string,
  selection: ToolSelection,
): LeftOutTool => ({
  server: route.server,
  tool: route.tool,
  exposed: route.exposed,
  reason,
  by,
  priority: selection.priorityOf(route.server, route.tool),
});

// Nothing left out: the catalog routes every name (the common case costs no extra lookup).
const plainView = (catalog: ToolCatalog, offered: readonly { tool: Tool }[]): ToolView => ({
  catalog,
  tools: offered.map((o) => o.tool),
  leftOut: [],
  routeFor: (exposed) => catalog.routeFor(exposed),
  leftOutFor: () => undefined,
});

const narrowedView = (
  catalog: ToolCatalog,
  offered: readonly { tool: Tool }[],
  left: readonly LeftOutTool[],
): ToolView => {
  const byName = new Map(left.map((l) => [l.exposed, l]));
  return {
    catalog,
    tools: offered.map((o) => o.tool),
    leftOut: left,
    routeFor: (exposed) => (byName.has(exposed) ? undefined : catalog.routeFor(exposed)),
    leftOutFor: (exposed) => byName.get(exposed),
  };
};
