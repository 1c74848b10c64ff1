import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { BackendPool } from '../backends/backend-pool.js';
import { serverFingerprint, type ToolCache } from '../cache/tool-cache.js';
import type { Logger } from '../core/logger.js';
import {
  buildToolCatalog,
  type ToolCatalog,
  type ToolCollision,
  type ToolListing,
} from '../core/routing/tool-catalog.js';
import type { ToolReviewer } from '../review/tool-reviewer.js';
import type { Runtime } from './runtime.js';
import { isToolVisible } from './tool-verdict.js';

/** How long the first tools/list waits for backends that are still starting. */
const FIRST_LIST_WAIT_MS = 5000;

export interface LiveCatalogOptions {
  readonly pool: BackendPool;
  readonly cache: ToolCache;
  readonly reviewer: ToolReviewer;
  readonly runtime: () => Runtime;
  readonly logger: Logger;
  /** The set of tools the agent sees changed (send tools/list_changed). */
  readonly onVisibleChange: () => void;
}

/**
 * The merged tool catalog as it is now: live listings of ready backends, cached listings of
 * backends still starting (stale-while-revalidate), each reviewed (scan, pins) before the
 * catalog is rebuilt. Rebuilt on every backend change; read by every call.
 */
export class LiveCatalog {
  private catalog: ToolCatalog;
  private visible: readonly Tool[] = [];
  private readonly reportedCollisions = new Set<string>();
  // Reviews (pins are async) run one at a time, then the catalog is rebuilt from their results.
  private refreshing: Promise<void> = Promise.resolve();
  private firstRound: Promise<void> | undefined;

  constructor(private readonly options: LiveCatalogOptions) {
    this.catalog = buildToolCatalog([], options.runtime().config.naming);
  }

  /** Every tool, including those the policy or a review hides. */
  current(): ToolCatalog {
    return this.catalog;
  }

  /** Waits until every backend has started or failed once (bounded), and the catalog caught up. */
  async settled(timeoutMs = FIRST_LIST_WAIT_MS): Promise<void> {
    await this.options.pool.settled(timeoutMs);
    await this.refreshing;
  }

  /** The first round of backend starts, shared by everyone who must wait for it once. */
  firstRoundSettled(): Promise<void> {
    this.firstRound ??= this.settled();
    return this.firstRound;
  }

  /** What tools/list answers: waits for backends neither up nor cached, else answers now. */
  async listTools(): Promise<readonly Tool[]> {
    const known = new Set(this.currentListings().map((l) => l.server));
    const waiting = this.options
      .runtime()
      .config.servers.some((s) => s.enabled && !known.has(s.name));
    if (waiting) await this.firstRoundSettled();
    else await this.refreshing;
    return this.visible;
  }

  /** Remembers fresh listings, reviews every listing, then rebuilds the catalog. */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(() => this.refreshOnce());
    return this.refreshing;
  }

  /** The backends' instructions, each under its server name (live, else last known). */
  instructions(): string | undefined {
    const { pool, cache, reviewer } = this.options;
    const { config } = this.options.runtime();
    const parts: string[] = [];
    for (const server of config.servers) {
      if (!server.enabled) continue;
      const live = pool.readyBackends().find((b) => b.name === server.name);
      const text = reviewer.instructionsFor(
        server.name,
        live !== undefined
          ? live.instructions
          : cache.get(server.name, serverFingerprint(server))?.instructions,
      );
      if (text !== undefined && text.trim() !== '') parts.push(`## ${server.name}\n${text.trim()}`);
    }
    return parts.length === 0
      ? undefined
      : `This gateway serves the tools of several MCP servers, named <server>${config.naming.separator}<tool>.\n\n${parts.join('\n\n')}`;
  }

  private async refreshOnce(): Promise<void> {
    const { pool, reviewer, logger } = this.options;
    this.rememberListings();
    const listings = this.currentListings();
    const servers = listings.map((l) => l.server);
    const names = listings.flatMap((l) => l.tools.map((t) => t.name));
    for (const listing of listings) {
      const backend = pool.readyBackends().find((b) => b.name === listing.server);
      try {
        await reviewer.review(listing.server, listing.tools, backend?.instructions, {
          otherServers: servers.filter((s) => s !== listing.server),
          otherToolNames: names.filter((n) => !listing.tools.some((t) => t.name === n)),
        });
      } catch (error) {
        logger.error(
          `Could not review the tools of "${listing.server}": ${(error as Error).message}`,
        );
      }
    }
    reviewer.retain(new Set(servers));
    this.rebuild();
  }

  /** Ready backends' tools, and the cached tools of backends still starting. */
  private currentListings(): ToolListing[] {
    const { pool, cache } = this.options;
    const ready = new Map(pool.listings().map((l) => [l.server, l]));
    const status = new Map(pool.status().map((s) => [s.name, s.state]));
    const out: ToolListing[] = [];
    for (const server of this.options.runtime().config.servers) {
      if (!server.enabled) continue;
      const live = ready.get(server.name);
      if (live !== undefined) {
        out.push(live);
        continue;
      }
      const state = status.get(server.name);
      if (state === 'failed' || state === 'stopped') continue;
      const cached = cache.get(server.name, serverFingerprint(server));
      if (cached !== undefined) out.push({ server: server.name, tools: cached.tools });
    }
    return out;
  }

  private rememberListings(): void {
    for (const backend of this.options.pool.readyBackends()) {
      const info = backend.serverInfo;
      this.options.cache.put(backend.name, {
        tools: [...backend.tools],
        fingerprint: serverFingerprint(backend.config),
        ...(backend.instructions === undefined ? {} : { instructions: backend.instructions }),
        ...(info === undefined ? {} : { serverInfo: { name: info.name, version: info.version } }),
        ...(backend.capabilities === undefined ? {} : { capabilities: backend.capabilities }),
      });
    }
  }

  private rebuild(): void {
    const runtime = this.options.runtime();
    const next = buildToolCatalog(this.currentListings(), runtime.config.naming);
    this.reportCollisions(next.collisions);
    const visible = next.tools.filter((tool) => {
      const route = next.routeFor(tool.name);
      if (route === undefined) return false;
      const blocked = this.options.reviewer.get(route.server, route.tool)?.blocked !== undefined;
      return isToolVisible(runtime, route, blocked);
    });
    const changed = !sameTools(this.visible, visible);
    this.catalog = next;
    this.visible = visible;
    if (changed) this.options.onVisibleChange();
  }

  private reportCollisions(collisions: readonly ToolCollision[]): void {
    for (const c of collisions) {
      const key = `${c.exposed}|${c.dropped.server}|${c.dropped.tool}`;
      if (this.reportedCollisions.has(key)) continue;
      this.reportedCollisions.add(key);
      this.options.logger.warn(
        `Tool name collision: "${c.dropped.server}/${c.dropped.tool}" maps to "${c.exposed}", already used by "${c.kept.server}/${c.kept.tool}"; only the latter is exposed.`,
      );
    }
  }
}

const sameTools = (a: readonly Tool[], b: readonly Tool[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x?.name !== y?.name || JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
};
