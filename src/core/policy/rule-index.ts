/** Rules (or limits) with a lazily filled memo of which ones a given `server/tool` can match. */
export interface RuleIndex<T extends { readonly match: RegExp }> {
  readonly all: readonly T[];
  readonly byTool: Map<string, Map<string, readonly T[]>>;
}

// Tool names come from backend catalogs; the cap keeps a hostile backend from growing the memo.
const maxToolsPerServer = 10_000;

/** Creates an index over items in config order. */
export function createRuleIndex<T extends { readonly match: RegExp }>(
  all: readonly T[],
): RuleIndex<T> {
  return { all, byTool: new Map() };
}

/**
 * The items whose `match` glob matches `server/tool`, in config order; the glob runs once per
 * tool, later calls are two map lookups.
 */
export function candidatesFor<T extends { readonly match: RegExp }>(
  index: RuleIndex<T>,
  server: string,
  tool: string,
): readonly T[] {
  let tools = index.byTool.get(server);
  const known = tools?.get(tool);
  if (known !== undefined) return known;
  const name = `${server}/${tool}`;
  const matching = index.all.filter((item) => item.match.test(name));
  if (tools === undefined) {
    tools = new Map();
    index.byTool.set(server, tools);
  }
  if (tools.size < maxToolsPerServer) tools.set(tool, matching);
  return matching;
}
