import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { BackendPool, BackendState } from '../backends/backend-pool.js';
import { serverFingerprint, type ToolCache } from '../cache/tool-cache.js';
import { composeInstructions } from './compose-instructions.js';
import type { Logger } from '../core/logger.js';
import {
  buildToolCatalog,
  type ToolCatalog,
  type ToolCollision,
  type ToolListing,
  type ToolRoute,
} from '../core/routing/tool-catalog.js';
import { buildToolView, type ToolView } from '../core/routing/tool-view.js';
import type { ToolReviewer } from '../review/tool-reviewer.js';
import type { Runtime } from './runtime.js';
import { isToolVisible } from './tool-verdict.js';
import { traceStartup } from '../backends/startup-trace.js';

/** How long the first tools/list waits for backends that are still starting. */
const FIRST_LIST_WAIT_MS = 5000;

/** What a kind of session is fitted to: its name budget and its tool cap. */
export interface ViewSpec {
  readonly nameMaxLength: number;
  readonly toolCap: number | undefined;
}

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
  private listings: readonly ToolListing[] = [];
  private visible: readonly Tool[] = [];
  /** `server\0tool` of every tool the policy and reviews let agents see. */
  private visibleKeys: ReadonlySet<string> = new Set();
  /** Views built since the last rebuild, by spec; a rebuild drops them all. */
  private views = new Map<string, ToolView>();
  private generationCounter = 0;
  private lastRuntime: Runtime | undefined;
  private readonly reportedCollisions = new Set<string>();
  // Reviews (pins are async) run one at a time, then the catalog is rebuilt from their results.
  private refreshing: Promise<void> = Promise.resolve();
  private firstRound: Promise<void> | undefined;
  /** Each backend's last live listing, kept while it is down (the cache may be off). */
  private readonly lastLive = new Map<string, readonly Tool[]>();

  constructor(private readonly options: LiveCatalogOptions) {
    this.catalog = buildToolCatalog([], options.runtime().config.naming);
  }

  /** Every tool, including those the policy or a review hides. */
  current(): ToolCatalog {
    return this.catalog;
  }

  /** Changes whenever the catalog is rebuilt: views cached elsewhere compare it. */
  generation(): number {
    return this.generationCounter;
  }

  /** The spec of a session fitted to nothing: the config's names, no cap. */
  baseSpec(): ViewSpec {
    return { nameMaxLength: this.options.runtime().config.naming.maxLength, toolCap: undefined };
  }

  /**
   * What a session fitted to `spec` sees: names within its budget (computed over every tool,
   * so leaving tools out never renames others), excluded tools and tools over its cap left out.
   */
  view(spec: ViewSpec = this.baseSpec()): ToolView {
    const key = `${spec.nameMaxLength}|${spec.toolCap ?? ''}`;
    let view = this.views.get(key);
    if (view === undefined) {
      const runtime = this.options.runtime();
      const { naming } = runtime.config;
      const catalog =
        spec.nameMaxLength === naming.maxLength
          ? this.catalog
          : buildToolCatalog(this.listings, { ...naming, maxLength: spec.nameMaxLength });
      view = buildToolView({
        catalog,
        isVisible: (route) => this.visibleKeys.has(visibleKey(route.server, route.tool)),
        selection: runtime.config.selection,
        cap: spec.toolCap,
      });
      this.views.set(key, view);
    }
    return view;
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
  async listTools(spec?: ViewSpec): Promise<ToolView> {
    const known = new Set(this.currentListings().map((l) => l.server));
    const waiting = this.options
      .runtime()
      .config.servers.some((s) => s.enabled && !known.has(s.name));
    if (waiting) await this.firstRoundSettled();
    else await this.refreshing;
    return this.view(spec);
  }

  /** Resolves once every refresh begun so far is done. */
  caughtUp(): Promise<void> {
    return this.refreshing;
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
    const parts: { server: string; text: string | undefined }[] = [];
    for (const server of config.servers) {
      if (!server.enabled) continue;
      const live = pool.readyBackends().find((b) => b.name === server.name);
      const text = reviewer.instructionsFor(
        server.name,
        live !== undefined
          ? live.instructions
          : cache.get(server.name, serverFingerprint(server))?.instructions,
      );
      parts.push({ server: server.name, text });
    }
    return composeInstructions(config.naming.separator, parts);
  }

  /**
   * For a name no session is offered now: the tool of a configured backend that is not up
   * (failed, restarting, stopped), from its last listing, if the policy and reviews would let
   * agents see it; or, when its tools were never listed, just the backend whose prefix the name
   * carries. A call to it then fails naming that backend and its state, instead of "unknown tool".
   */
  unavailable(name: string):
    | {
        readonly route: ToolRoute | undefined;
        readonly server: string;
        readonly state: BackendState;
      }
    | undefined {
    const runtime = this.options.runtime();
    const { pool, cache, reviewer } = this.options;
    const states = new Map(pool.status().map((s) => [s.name, s.state]));
    const down = runtime.config.servers.filter((s) => s.enabled && states.get(s.name) !== 'ready');
    if (down.length === 0) return undefined;
    const listings: ToolListing[] = [...pool.listings()];
    for (const server of down) {
      const tools =
        this.lastLive.get(server.name) ?? cache.get(server.name, serverFingerprint(server))?.tools;
      if (tools !== undefined) listings.push({ server: server.name, tools });
    }
    const route = buildToolCatalog(listings, runtime.config.naming).routeFor(name);
    const owner = down.find((s) => s.name === route?.server);
    if (route !== undefined && owner !== undefined) {
      const blocked = reviewer.get(route.server, route.tool)?.blocked !== undefined;
      if (!isToolVisible(runtime, route, blocked)) return undefined;
      return { route, server: owner.name, state: states.get(owner.name) ?? 'stopped' };
    }
    if (route !== undefined) return undefined;
    // Never listed: the backend whose name prefixes the called name (one backend: any name).
    const { naming } = runtime.config;
    const prefixed = down.find((s) =>
      naming.prefix === 'never'
        ? runtime.config.servers.filter((c) => c.enabled).length === 1
        : name.startsWith(`${s.name}${naming.separator}`),
    );
    return prefixed === undefined || listings.some((l) => l.server === prefixed.name)
      ? undefined
      : { route: undefined, server: prefixed.name, state: states.get(prefixed.name) ?? 'stopped' };
  }

  private async refreshOnce(): Promise<void> {
    const { pool, reviewer, logger } = this.options;
    traceStartup('catalog: refresh begins');
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
        const reason = (error as Error).message;
        const withheld = reviewer.refuse(listing.server, listing.tools, reason);
        logger.error(
          `Could not review the tools of "${listing.server}": ${reason}${withheld ? '; its tools are withheld until a review succeeds' : ''}`,
        );
      }
    }
    reviewer.retain(new Set(servers));
    this.rebuild();
    traceStartup(`catalog: rebuilt (${this.catalog.tools.length} tools)`);
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
      this.lastLive.set(backend.name, backend.tools);
      const info = backend.serverInfo;
      this.options.cache.put(backend.name, {
        tools: [...backend.tools],
        fingerprint: serverFingerprint(backend.config),
        ...(backend.instructions === undefined ? {} : { instructions: backend.instructions }),
        ...(info === undefined ? {} : { serverInfo: { name: info.name, version: info.version } }),
        ...(backend.capabilities === undefined ? {} : { capabilities: backend.capabilities }),
      });
      // Reviewed as soon as they arrive (once per text), not only when an agent initializes:
      // findings are reported now, and a clean verdict is cached for the next start.
      if (backend.instructions !== undefined)
        this.options.reviewer.instructionsFor(backend.name, backend.instructions);
    }
  }

  private rebuild(): void {
    const runtime = this.options.runtime();
    const listings = this.currentListings();
    const next = buildToolCatalog(listings, runtime.config.naming);
    this.reportCollisions(next.collisions);
    const visibleKeys = new Set<string>();
    for (const tool of next.tools) {
      const route = next.routeFor(tool.name);
      if (route === undefined) continue;
      const blocked = this.options.reviewer.get(route.server, route.tool)?.blocked !== undefined;
      if (isToolVisible(runtime, route, blocked))
        visibleKeys.add(visibleKey(route.server, route.tool));
    }
    this.catalog = next;
    this.listings = listings;
    this.visibleKeys = visibleKeys;
    this.views = new Map();
    this.generationCounter++;
    const visible = this.view().tools;
    // A reload may change what sessions are offered (selection, caps, budgets) without changing
    // the base list: the listener compares each session's own list and tells only those it changed.
    const changed = !sameTools(this.visible, visible) || this.lastRuntime !== runtime;
    const first = this.lastRuntime === undefined;
    this.visible = visible;
    this.lastRuntime = runtime;
    if (changed && !(first && visible.length === 0)) this.options.onVisibleChange();
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

const visibleKey = (server: string, tool: string): string => `${server}\u0000${tool}`;

const sameTools = (a: readonly Tool[], b: readonly Tool[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x?.name !== y?.name || JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
};
