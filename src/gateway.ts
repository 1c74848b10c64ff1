import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { ClientCapabilities, Implementation, Tool } from '@modelcontextprotocol/sdk/types.js';
import { BackendPool, type BackendStatus } from './backends/backend-pool.js';

export type { BackendStatus } from './backends/backend-pool.js';
import type { ResolvedConfig } from './config/resolve.js';
import { GatewayError, isGatewayError } from './core/errors.js';
import type { Logger } from './core/logger.js';
import {
  buildToolCatalog,
  type ToolCatalog,
  type ToolCollision,
} from './core/routing/tool-catalog.js';
import type { Handler, SessionInfo, ToolCallContext, ToolCallOutcome } from './core/tool-call.js';
import { createFrontServer, type IncomingCall } from './frontend/front-server.js';
import { corkedPerTick } from './frontend/stdio-output.js';
import { createPipeline } from './pipeline/create-pipeline.js';
import { createProtocolRouter } from './protocol-router.js';
import { openToolCache, serverFingerprint } from './cache/tool-cache.js';
import { recordAudit, recordCall, type RecordAuditOptions } from './pipeline/record-audit.js';
import { openAuditLog } from './audit/jsonl-audit-log.js';
import { digestAuditContent } from './audit/digest.js';
import { MemoryAuditSink, type AuditSink } from './core/audit/audit-sink.js';
import { toAuditSession } from './core/audit/build-records.js';
import { findSecrets } from './core/scanner/secrets.js';
import { createScanner } from './core/scanner/scanner.js';
import {
  checkToolReview,
  createFindingFilter,
  scanArguments,
  scanResult,
} from './pipeline/scan-content.js';
import { openPinStore } from './pins/pin-store.js';
import { eventLoopScheduler } from './review/event-loop-scheduler.js';
import { toScannable, ToolReviewer, type ToolReview } from './review/tool-reviewer.js';
import type { Finding } from './core/scanner/finding.js';
import { pinnedForm } from './core/pinning/pinned-form.js';
import { hashPinnedForm } from './pins/hash-pinned-form.js';
import { enforcePolicy } from './pipeline/enforce-policy.js';
import { createElicitationApprover } from './frontend/elicitation-approver.js';
import {
  accessClassFor,
  canEverAllow,
  createRateLimiter,
  createRootsTracker,
  evaluatePolicy,
  explainPolicy,
} from './core/policy/index.js';

const packageJson = createRequire(import.meta.url)('../package.json') as { version: string };

/** The gateway's name and version, as sent in initialize both ways. */
export const GATEWAY_INFO: Implementation = { name: 'mcp-gateway', version: packageJson.version };

/** How long the first tools/list waits for backends that are still starting. */
const FIRST_LIST_WAIT_MS = 5000;
/** On shutdown, requests already received get this long to finish before backends are closed. */
const DRAIN_MS = 1500;
/** An agent that never sends `initialized` still gets its backends, with no client capabilities. */
const INITIALIZE_WAIT_MS = 3000;

export interface GatewayOptions {
  readonly config: ResolvedConfig;
  readonly logger: Logger;
  /** Write the audit log (default: as the config says); `tools` and friends pass false. */
  readonly audit?: boolean;
  /**
   * Capabilities to ask backends for when no agent is connected (CLI commands);
   * with a front server, the agent's declared capabilities are used.
   */
  readonly standalone?: boolean;
}

/** A running gateway: backends, catalog and pipeline, with or without an agent in front. */
export interface Gateway {
  readonly pool: BackendPool;
  /** The current merged tool catalog (every tool, including those the policy hides). */
  catalog(): ToolCatalog;
  /** What the policy says about a tool before seeing arguments: allow, ask, deny, or "depends". */
  verdictFor(exposed: string): string;
  /** The pre-call review of a tool: description findings, pin status, and why it is withheld. */
  reviewFor(exposed: string): ToolReview | undefined;
  /** Every tool definition scanned at every severity (`scanning.allow` applied), for `mcp-gateway scan`. */
  scanDefinitions(): { server: string; tool: string; exposed: string; findings: Finding[] }[];
  /** Waits until every backend has started or failed once (bounded). */
  settled(timeoutMs?: number): Promise<void>;
  /** One tools/call by exposed name through the whole pipeline. */
  callTool(call: IncomingCall): Promise<ToolCallOutcome>;
  status(): BackendStatus[];
  /** A new agent-facing server for one session (connect it to a transport). */
  openSession(): Server;
  close(): Promise<void>;
  /** Applies a new config while running (servers, policy, scanning, naming); returns what changed. */
  reconfigure(
    next: ResolvedConfig,
  ): Promise<{ added: string[]; removed: string[]; restarted: string[] }>;
  /** Records that a new config was rejected (the old one stays in force). */
  rejectConfig(summary: string): void;
  /** During close(), skip the remaining grace periods: kill the backends now. */
  hurry(): void;
}

/** Composition root: config → audit log → pool → catalog → pipeline → front server. */
export const createGateway = async (options: GatewayOptions): Promise<Gateway> => {
  const { logger } = options;
  // Replaced as a whole by reconfigure(); every step reads it per call.
  let config = options.config;
  const auditLog =
    (options.audit ?? config.audit.enabled)
      ? await openAuditLog({
          path: config.audit.path,
          stateDir: config.stateDir,
          durability: config.audit.durability,
          onError: (error) => {
            logger.error(`audit log: ${error.message}`);
          },
          onWarning: (message) => {
            logger.warn(message);
          },
        })
      : undefined;
  const audit: AuditSink = auditLog ?? new MemoryAuditSink();
  const scanner = createScanner();
  const cache = await openToolCache(config.stateDir, {
    enabled: config.cache.enabled,
    onWarning: (message) => {
      logger.warn(message);
    },
  });
  cache.retain(config.servers.map((s) => s.name));
  const filtersFor = (settings: ResolvedConfig['scanning']) => ({
    descriptions: createFindingFilter(settings.allow, settings.threshold ?? 'high'),
    content: createFindingFilter(settings.allow, settings.threshold ?? 'medium'),
  });
  let filters = filtersFor(config.scanning);
  const reviewer = new ToolReviewer({
    scanner,
    filter: () => filters.descriptions,
    descriptions: () => config.scanning.descriptions,
    pinning: () => config.pinning.mode,
    pins: config.pinning.mode === 'off' ? undefined : await openPinStore(config.stateDir),
    audit,
    logger,
    limits: () => config.scanning.limits,
    scheduler: eventLoopScheduler,
  });
  const standaloneSession: SessionInfo = { agent: config.agent, client: undefined };
  let resolveCapabilities: (capabilities: ClientCapabilities) => void = () => undefined;
  const agentCapabilities = new Promise<ClientCapabilities>((resolve) => {
    resolveCapabilities = resolve;
  });
  let sessionStarted = false;
  let closing: Promise<void> | undefined;
  // The session starts when the agent has said who it is (or would not say): one record, first.
  const capabilitiesKnown = (capabilities: ClientCapabilities, info = standaloneSession): void => {
    // After close() began, nothing may be appended to the (closing) audit log.
    if (sessionStarted || closing !== undefined) return;
    sessionStarted = true;
    audit.append({
      type: 'session_start',
      session: toAuditSession(info),
      gateway: { version: GATEWAY_INFO.version, pid: process.pid },
    });
    resolveCapabilities(capabilities);
  };
  const initializeTimer =
    options.standalone === true
      ? undefined
      : setTimeout(() => {
          capabilitiesKnown({});
        }, INITIALIZE_WAIT_MS).unref();
  if (options.standalone === true) capabilitiesKnown({});

  let catalog = buildToolCatalog([], config.naming);
  /** Agents connected to this gateway: one over stdio, one per client over HTTP. */
  interface FrontSession {
    readonly server: Server;
    initialized: boolean;
    info: SessionInfo;
    lastActive: number;
  }
  const sessions = new Set<FrontSession>();
  /** Which session made a call, for approvals asked while it runs. */
  const callSessions = new Map<string, { readonly front: FrontSession; readonly server: string }>();
  const reportedCollisions = new Set<string>();

  // Tools that no arguments could ever get allowed are not shown to the agent at all.
  let visibleTools: readonly Tool[] = [];
  /** The policy's view of a tool before any arguments: names, principal, access class, tags. */
  const policyTarget = (route: { server: string; tool: string; definition: Tool }) => {
    const server = serversByName.get(route.server);
    return {
      server: route.server,
      tool: route.tool,
      agent: config.agent,
      access: accessClassFor(
        config.policy,
        route.server,
        route.tool,
        route.definition.annotations,
        server?.trustAnnotations ?? false,
      ),
      serverTags: server?.tags ?? [],
    };
  };
  const isVisible = (route: { server: string; tool: string; definition: Tool }): boolean => {
    if (reviewer.get(route.server, route.tool)?.blocked !== undefined) return false;
    return canEverAllow(config.policy, policyTarget(route));
  };

  const rebuildCatalog = (): void => {
    const next = buildToolCatalog(currentListings(), config.naming);
    reportCollisions(next.collisions);
    const visible = next.tools.filter((tool) => {
      const route = next.routeFor(tool.name);
      return route !== undefined && isVisible(route);
    });
    const changed = !sameTools(visibleTools, visible);
    catalog = next;
    visibleTools = visible;
    if (!changed) return;
    for (const front of sessions) {
      if (!front.initialized) continue;
      front.server.sendToolListChanged().catch((error: unknown) => {
        logger.debug(`could not send tools/list_changed: ${String(error)}`);
      });
    }
  };

  const reportCollisions = (collisions: readonly ToolCollision[]): void => {
    for (const c of collisions) {
      const key = `${c.exposed}|${c.dropped.server}|${c.dropped.tool}`;
      if (reportedCollisions.has(key)) continue;
      reportedCollisions.add(key);
      logger.warn(
        `Tool name collision: "${c.dropped.server}/${c.dropped.tool}" maps to "${c.exposed}", already used by "${c.kept.server}/${c.kept.tool}"; only the latter is exposed.`,
      );
    }
  };

  // Reviews (pins are async) run one at a time, then the catalog is rebuilt from their results.
  let refreshing: Promise<void> = Promise.resolve();
  /** Ready backends' tools, and the cached tools of backends still starting (stale-while-revalidate). */
  const currentListings = (): { server: string; tools: readonly Tool[] }[] => {
    const ready = new Map(pool.listings().map((l) => [l.server, l]));
    const out: { server: string; tools: readonly Tool[] }[] = [];
    for (const server of config.servers) {
      if (!server.enabled) continue;
      const live = ready.get(server.name);
      if (live !== undefined) {
        out.push(live);
        continue;
      }
      const state = pool.status().find((s) => s.name === server.name)?.state;
      if (state === 'failed' || state === 'stopped') continue;
      const cached = cache.get(server.name, serverFingerprint(server));
      if (cached !== undefined) out.push({ server: server.name, tools: cached.tools });
    }
    return out;
  };

  /** The backends' instructions, each under its server name (live, else last known). */
  const mergedInstructions = (): string | undefined => {
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
  };

  const rememberListings = (): void => {
    for (const backend of pool.readyBackends()) {
      const info = backend.serverInfo;
      cache.put(backend.name, {
        tools: [...backend.tools],
        fingerprint: serverFingerprint(backend.config),
        ...(backend.instructions === undefined ? {} : { instructions: backend.instructions }),
        ...(info === undefined ? {} : { serverInfo: { name: info.name, version: info.version } }),
        ...(backend.capabilities === undefined ? {} : { capabilities: backend.capabilities }),
      });
    }
  };

  const refresh = (): Promise<void> =>
    (refreshing = refreshing.then(async () => {
      rememberListings();
      const listings = currentListings();
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
      rebuildCatalog();
    }));

  const roots = createRootsTracker();
  const pool = new BackendPool({
    relay: {
      onNotification: (backend, notification) => {
        router.relay.onNotification(backend, notification);
      },
      // The policy learns each backend's MCP roots from the answers it relays.
      onRequest: (backend, request, signal) =>
        roots.relay(backend.name, request.method, () =>
          router.relay.onRequest(backend, request, signal),
        ),
    },
    servers: config.servers,
    logger,
    clientInfo: GATEWAY_INFO,
    capabilities: agentCapabilities,
    onChange: () => {
      void refresh();
    },
    onEvent: (server, event, detail) => {
      audit.append({ type: 'backend', server, event, detail });
    },
  });
  const router = createProtocolRouter({
    backends: () => pool.readyBackends(),
    // A backend's sampling or elicitation request goes to the session with a call in flight to
    // that backend (the one that caused it), else to the agent that used the gateway last.
    agent: (server) => {
      let best: FrontSession | undefined;
      for (const call of callSessions.values()) {
        if (
          call.server === server &&
          (best === undefined || call.front.lastActive > best.lastActive)
        ) {
          best = call.front;
        }
      }
      if (best !== undefined) return best.server;
      for (const front of sessions) {
        if (front.initialized && (best === undefined || front.lastActive > best.lastActive))
          best = front;
      }
      return best?.server;
    },
    agents: () => [...sessions].filter((front) => front.initialized).map((front) => front.server),
    naming: () => config.naming,
    logger,
    ready: () => (firstRound ??= settled()),
  });

  const forward: Handler = async (ctx) => {
    try {
      const backend = await pool.backendFor(ctx.server, ctx.signal);
      const server = serversByName.get(ctx.server);
      const result = await backend.callTool(ctx.tool, ctx.trace.args, {
        signal: ctx.signal,
        timeoutMs: server?.callTimeoutMs ?? 50_000,
        meta: ctx.meta,
        onProgress: ctx.onProgress,
      });
      return { kind: 'ok', result };
    } catch (error) {
      if (isGatewayError(error)) return { kind: 'failed', error };
      throw error;
    }
  };
  let serversByName = new Map(config.servers.map((s) => [s.name, s]));
  let limiter = createRateLimiter(config.policy);

  const askHuman = createElicitationApprover({
    // The approval is asked of the agent session whose call needs it.
    agentFor: (callId) => callSessions.get(callId)?.front.server,
    timeoutMs: (server) => serversByName.get(server)?.callTimeoutMs ?? 50_000,
    logger,
  });

  const defHashes = new WeakMap<Tool, string>();
  const auditOptions: RecordAuditOptions = {
    sink: audit,
    durability: config.audit.durability,
    results: config.audit.results,
    findSecrets,
    digest: digestAuditContent,
    defHash: (ctx) => {
      const definition = ctx.definition;
      if (definition === undefined) return undefined;
      let hash = defHashes.get(definition);
      if (hash === undefined) {
        hash = hashPinnedForm(pinnedForm(definition));
        defHashes.set(definition, hash);
      }
      return hash;
    },
    failClosed: () => config.policy.mode === 'enforce',
    now: () => performance.now(),
  };

  const pipeline = createPipeline({
    forward,
    steps: {
      audit: recordAudit(auditOptions),
      review: checkToolReview({ review: (server, tool) => reviewer.get(server, tool) }),
      scanArguments: scanArguments({
        scanner,
        action: () => config.scanning.arguments,
        filter: () => filters.content,
        limits: () => config.scanning.limits,
        scheduler: eventLoopScheduler,
      }),
      scanResult: scanResult({
        scanner,
        action: () => config.scanning.responses,
        filter: () => filters.content,
        limits: () => config.scanning.limits,
        scheduler: eventLoopScheduler,
      }),
      recordCall: recordCall(auditOptions),
      policy: enforcePolicy({
        policy: () => config.policy,
        limiter: () => limiter,
        server: (name) => serversByName.get(name),
        askHuman,
        now: () => Date.now(),
        roots: (server) => roots.view(server),
      }),
    },
  });

  const callIdPrefix = randomUUID().slice(0, 8);
  let callCounter = 0;
  let firstRound: Promise<void> | undefined;

  const settled = async (timeoutMs = FIRST_LIST_WAIT_MS): Promise<void> => {
    await pool.settled(timeoutMs);
    await refreshing;
  };

  const callTool = async (call: IncomingCall, front?: FrontSession): Promise<ToolCallOutcome> => {
    let route = catalog.routeFor(call.name);
    if (route === undefined) {
      // The agent may know a name from an earlier session before this one's backends are up.
      await (firstRound ??= settled());
      route = catalog.routeFor(call.name);
    }
    if (route === undefined) {
      return {
        kind: 'failed',
        error: new GatewayError(
          'TOOL_NOT_FOUND',
          `Unknown tool "${call.name}"; call tools/list for the tools this gateway offers.`,
        ),
      };
    }
    const id = `${callIdPrefix}-${++callCounter}`;
    const ctx: ToolCallContext = {
      id,
      server: route.server,
      tool: route.tool,
      exposed: route.exposed,
      args: call.args,
      meta: call.meta,
      definition: route.definition,
      session: front?.info ?? standaloneSession,
      signal: call.signal,
      onProgress: call.onProgress,
      trace: { decision: undefined, argumentFindings: [], callRecorded: false, args: call.args },
    };
    if (front === undefined) return pipeline(ctx);
    front.lastActive = Date.now();
    callSessions.set(id, { front, server: route.server });
    try {
      return await pipeline(ctx);
    } finally {
      callSessions.delete(id);
    }
  };

  const listTools = async (): Promise<readonly Tool[]> => {
    // With every backend either up or known from the cache, the answer is ready now.
    const known = new Set(currentListings().map((l) => l.server));
    const waiting = config.servers.some((s) => s.enabled && !known.has(s.name));
    if (waiting) await (firstRound ??= settled());
    else await refreshing;
    return visibleTools;
  };

  // Requests the agent sent before it closed stdin are still answered (bounded by DRAIN_MS).
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const tracked =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      inFlight++;
      try {
        return await fn(...args);
      } finally {
        if (--inFlight === 0) drained?.();
      }
    };
  const drain = async (): Promise<void> => {
    if (inFlight === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      drained = resolve;
      timer = setTimeout(resolve, DRAIN_MS);
    });
    clearTimeout(timer);
  };

  const openSession = (): Server => {
    const server = createFrontServer({
      info: GATEWAY_INFO,
      instructions: mergedInstructions(),
      // Declared up front, before any backend answered: the gateway can always forward these.
      capabilities: {
        tools: { listChanged: true },
        prompts: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        completions: {},
        logging: {},
      },
      ports: {
        listTools: tracked(listTools),
        callTool: tracked((call: IncomingCall) => callTool(call, front)),
        onInitialized: (capabilities, client) => {
          front.initialized = true;
          front.info = {
            agent: config.agent,
            client:
              client === undefined ? undefined : { name: client.name, version: client.version },
          };
          // Backends are shared, so they are initialized with the first agent's capabilities.
          capabilitiesKnown(capabilities, front.info);
        },
      },
    });
    const front: FrontSession = {
      server,
      initialized: false,
      info: standaloneSession,
      lastActive: Date.now(),
    };
    sessions.add(front);
    server.onclose = () => {
      sessions.delete(front);
    };
    router.install(server);
    return server;
  };

  pool.start();
  // Cached listings answer tools/list before any backend is up.
  void refresh();

  return {
    pool,
    catalog: () => catalog,
    reviewFor: (exposed) => {
      const route = catalog.routeFor(exposed);
      return route === undefined ? undefined : reviewer.get(route.server, route.tool);
    },
    scanDefinitions: () => {
      const everything = createFindingFilter(config.scanning.allow, 'low');
      const servers = [
        ...new Set(catalog.tools.map((t) => catalog.routeFor(t.name)?.server ?? '')),
      ];
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
    },
    verdictFor: (exposed) => {
      const route = catalog.routeFor(exposed);
      if (route === undefined) return 'unknown';
      if (!isVisible(route)) return 'deny (hidden)';
      const call = policyTarget(route);
      const explained = explainPolicy(config.policy, call);
      const depends = explained.some((e) => e.applies === 'depends-on-arguments');
      const effect = evaluatePolicy(config.policy, { ...call, args: {} }).effect;
      return depends ? `${effect} (depends on arguments)` : effect;
    },
    settled,
    callTool,
    status: () => pool.status(),
    openSession,
    reconfigure: async (next) => {
      const previous = config;
      for (const key of ['stateDir', 'audit', 'pinning'] as const) {
        if (JSON.stringify(previous[key]) !== JSON.stringify(next[key])) {
          logger.warn(`"${key}" changed in the config; it applies when the gateway restarts.`);
        }
      }
      config = {
        ...next,
        stateDir: previous.stateDir,
        audit: previous.audit,
        pinning: previous.pinning,
      };
      serversByName = new Map(config.servers.map((s) => [s.name, s]));
      limiter = createRateLimiter(config.policy);
      filters = filtersFor(config.scanning);
      // New scanning settings mean every listing is reviewed again.
      reviewer.reset();
      cache.retain(config.servers.map((s) => s.name));
      const changes = await pool.reconcile(config.servers);
      await refresh();
      const parts = [
        changes.added.length > 0 ? `added ${changes.added.join(', ')}` : '',
        changes.removed.length > 0 ? `removed ${changes.removed.join(', ')}` : '',
        changes.restarted.length > 0 ? `restarted ${changes.restarted.join(', ')}` : '',
      ].filter((p) => p !== '');
      audit.append({
        type: 'config_change',
        status: 'accepted',
        summary: parts.length > 0 ? parts.join('; ') : 'no server changed',
      });
      return changes;
    },
    rejectConfig: (summary) => {
      audit.append({ type: 'config_change', status: 'rejected', summary });
    },
    hurry: () => {
      pool.kill();
    },
    close: () =>
      (closing ??= (async () => {
        clearTimeout(initializeTimer);
        await drain();
        await Promise.all(
          [...sessions].map((front) => front.server.close().catch(() => undefined)),
        );
        await pool.close();
        await cache.close();
        audit.append({ type: 'session_end', reason: 'shutdown' });
        await auditLog?.close();
      })()),
  };
};

const sameTools = (a: readonly Tool[], b: readonly Tool[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x?.name !== y?.name || JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
};

/** Runs the gateway for an agent on stdin/stdout until stdin ends or a signal arrives. */
export const serveStdio = async (gateway: Gateway): Promise<void> => {
  const transport = new StdioServerTransport(process.stdin, corkedPerTick(process.stdout));
  await gateway.openSession().connect(transport);
};
