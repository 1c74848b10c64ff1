import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { isLosslessName, toPublicName, type NamingOptions } from '../naming/namespace.js';

/** Anything a backend lists by name: tools, prompts. */
export interface Named {
  readonly name: string;
}

/** Where an exposed tool (or prompt) lives: its backend and its original name. */
export interface ToolRoute<T extends Named = Tool> {
  readonly server: string;
  readonly tool: string;
  readonly exposed: string;
  readonly definition: T;
}

/** Tools that still shared an exposed name after mapping; only the first is exposed. */
export interface ToolCollision {
  readonly exposed: string;
  readonly kept: { readonly server: string; readonly tool: string };
  readonly dropped: { readonly server: string; readonly tool: string };
}

/** One backend's tools (or prompts), as it listed them. */
export interface ToolListing<T extends Named = Tool> {
  readonly server: string;
  readonly tools: readonly T[];
}

/** The merged, namespaced view of every backend's tools (or prompts), reversible both ways. */
export interface ToolCatalog<T extends Named = Tool> {
  /** What `tools/list` returns, in backend then listing order. */
  readonly tools: readonly T[];
  readonly collisions: readonly ToolCollision[];
  /** Names a backend listed more than once: no copy is exposed, since a call could run either. */
  readonly duplicates: readonly { readonly server: string; readonly tool: string }[];
  routeFor(exposed: string): ToolRoute<T> | undefined;
  exposedNameFor(server: string, tool: string): string | undefined;
}

/**
 * Merges listings under public names. Names that lost information in mapping yield to names
 * that did not, and get a hash suffix; anything still colliding is reported, never fatal.
 */
export const buildToolCatalog = <T extends Named = Tool>(
  listings: readonly ToolListing<T>[],
  naming: NamingOptions,
): ToolCatalog<T> => {
  const routes = new Map<string, ToolRoute<T>>();
  const reverse = new Map<string, string>();
  const collisions: ToolCollision[] = [];
  const lossless: { server: string; tool: T }[] = [];
  const lossy: { server: string; tool: T }[] = [];
  const duplicates: { server: string; tool: string }[] = [];
  for (const listing of listings) {
    const repeated = repeatedNames(listing.tools);
    for (const name of repeated) duplicates.push({ server: listing.server, tool: name });
    for (const tool of listing.tools) {
      if (repeated.has(tool.name)) continue;
      (isLosslessName(listing.server, tool.name, naming) ? lossless : lossy).push({
        server: listing.server,
        tool,
      });
    }
  }
  const add = (server: string, tool: T, exposed: string): void => {
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
  const ordered: T[] = [];
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
    duplicates,
    routeFor: (exposed) => routes.get(exposed),
    exposedNameFor: (server, tool) => reverse.get(routeKey(server, tool)),
  };
};

const routeKey = (server: string, tool: string): string => `${server}\u0000${tool}`;

const repeatedNames = (tools: readonly Named[]): Set<string> => {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { name } of tools) (seen.has(name) ? repeated : seen).add(name);
  return repeated;
};
