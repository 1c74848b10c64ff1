/** Selects pins by server and, optionally, tool (`@instructions` for a server's instructions). */
export interface PinFilter {
  server?: string | undefined;
  tool?: string | undefined;
}

/** True when a pinned entry falls under the filter; an empty filter selects everything. */
export const matchesPinFilter = (filter: PinFilter, server: string, tool: string): boolean =>
  (filter.server === undefined || filter.server === server) &&
  (filter.tool === undefined || filter.tool === tool);

/** Reads the CLI's `SERVER[/TOOL]` argument; server names cannot contain `/`, so the first one splits. */
export const parsePinFilter = (target: string | undefined): PinFilter => {
  if (target === undefined || target === '') return {};
  const slash = target.indexOf('/');
  if (slash < 0) return { server: target };
  const tool = target.slice(slash + 1);
  return tool === ''
    ? { server: target.slice(0, slash) }
    : { server: target.slice(0, slash), tool };
};
