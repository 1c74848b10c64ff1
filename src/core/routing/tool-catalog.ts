import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { isLosslessName, toPublicName, type NamingOptions } from '../naming/namespace.js';

/** Where an exposed tool lives: its backend and its original name. */
export interface ToolRoute {
  readonly server: string;
  readonly tool: string;
  readonly exposed: string;
  readonly definition: Tool;
}

/** Tools that still shared an exposed name after mapping; only the first is exposed. */
export interface ToolCollision {
  readonly exposed: string;
  readonly kept: { readonly server: string; readonly tool: string };
  readonly dropped: { readonly server: string; readonly tool: string };
}

/** One backend's tools, as it listed them. */
export interface ToolListing {
  readonly server: string;
  readonly tools: readonly Tool[];
}

/** The merged, namespaced view of every backend's tools, reversible both ways. */
export interface ToolCatalog {
  /** What `tools/list` returns, in backend then listing order. */
  readonly tools: readonly Tool[];
  readonly collisions: readonly ToolCollision[];
  routeFor(exposed: string): ToolRoute | undefined;
  exposedNameFor(server: string, tool: string): string | undefined;
}

/**
 * Merges listings under public names. Names that lost information in mapping yield to names
 * that did not, and get a hash suffix; anything still colliding is reported, never fatal.
 */
export const buildToolCatalog = (
  listings: readonly ToolListing[],
  naming: NamingOptions,
): ToolCatalog => {
  const routes = new Map<string, ToolRoute>();
  const reverse = new Map<string, string>();
  const collisions: ToolCollision[] = [];
  const lossless: { server: string; tool: Tool }[] = [];
  const lossy: { server: string; tool: Tool }[] = [];
  for (const listing of listings) {
    for (const tool of listing.tools) {
      (isLosslessName(listing.server, tool.name, naming) ? lossless : lossy).push({
        server: listing.server,
        tool,
      });
    }
  }
  const add = (server: string, tool: Tool, exposed: string): void => {
    const existing = routes.get(exposed);
    if (existing !== undefined) {
      collisions.push({
        exposed,
        kept: { server: existing.server, tool: existing.tool },
        dropped: { server, tool: tool.name },
      });
      return;
    }
    routes.set(exposed, { server, tool: tool.name, exposed, definition: tool });
    reverse.set(routeKey(server, tool.name), exposed);
  };
  // Lossless names first, so a tool whose name needed no mapping always keeps it.
  for (const { server, tool } of lossless)
    add(server, tool, toPublicName(server, tool.name, naming));
  for (const { server, tool } of lossy) {
    const plain = toPublicName(server, tool.name, naming);
    add(server, tool, routes.has(plain) ? toPublicName(server, tool.name, naming, true) : plain);
  }
  const ordered: Tool[] = [];
  for (const listing of listings) {
    for (const tool of listing.tools) {
      const exposed = reverse.get(routeKey(listing.server, tool.name));
      const route = exposed === undefined ? undefined : routes.get(exposed);
      if (route?.definition === tool)
        ordered.push(exposed === tool.name ? tool : { ...tool, name: route.exposed });
    }
  }
  return {
    tools: ordered,
    collisions,
    routeFor: (exposed) => routes.get(exposed),
    exposedNameFor: (server, tool) => reverse.get(routeKey(server, tool)),
  };
};

const routeKey = (server: string, tool: string): string => `${server}\u0000${tool}`;
