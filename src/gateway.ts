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
import { createPipeline } from './pipeline/create-pipeline.js';

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
  /**
   * Capabilities to ask backends for when no agent is connected (CLI commands);
   * with a front server, the agent's declared capabilities are used.
   */
  readonly standalone?: boolean;
}

/** A running gateway: backends, catalog and pipeline, with or without an agent in front. */
export interface Gateway {
  readonly pool: BackendPool;
  /** The current merged tool catalog. */
  catalog(): ToolCatalog;
  /** Waits until every backend has started or failed once (bounded). */
  settled(timeoutMs?: number): Promise<void>;
  /** One tools/call by exposed name through the whole pipeline. */
  callTool(call: IncomingCall): Promise<ToolCallOutcome>;
  status(): BackendStatus[];
  /** The agent-facing server, created on first use (connect it to a transport). */
  frontServer(): Server;
  close(): Promise<void>;
  /** During close(), skip the remaining grace periods: kill the backends now. */
  hurry(): void;
}

/** Composition root: config → pool → catalog → pipeline → front server. */
export const createGateway = (options: GatewayOptions): Gateway => {
  const { config, logger } = options;
  let capabilitiesKnown: (capabilities: ClientCapabilities) => void = () => undefined;
  const agentCapabilities = new Promise<ClientCapabilities>((resolve) => {
    capabilitiesKnown = resolve;
  });
  if (options.standalone === true) capabilitiesKnown({});
  else {
    setTimeout(() => {
      capabilitiesKnown({});
    }, INITIALIZE_WAIT_MS).unref();
  }

  let session: SessionInfo = { agent: config.agent, client: undefined };
  let catalog = buildToolCatalog([], config.naming);
  let front: Server | undefined;
  let initialized = false;
  const reportedCollisions = new Set<string>();

  const rebuildCatalog = (): void => {
    const next = buildToolCatalog(pool.listings(), config.naming);
    reportCollisions(next.collisions);
    const changed = !sameTools(catalog.tools, next.tools);
    catalog = next;
    if (changed && initialized && front !== undefined) {
      front.sendToolListChanged().catch((error: unknown) => {
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

  const pool = new BackendPool({
    servers: config.servers,
    logger,
    clientInfo: GATEWAY_INFO,
    capabilities: agentCapabilities,
    onChange: rebuildCatalog,
  });

  const forward: Handler = async (ctx) => {
    try {
      const backend = await pool.backendFor(ctx.server, ctx.signal);
      const server = config.servers.find((s) => s.name === ctx.server);
      const result = await backend.callTool(ctx.tool, ctx.args, {
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
  const pipeline = createPipeline({ forward, steps: {} });

  const callIdPrefix = randomUUID().slice(0, 8);
  let callCounter = 0;
  let firstRound: Promise<void> | undefined;

  const settled = (timeoutMs = FIRST_LIST_WAIT_MS): Promise<void> => pool.settled(timeoutMs);

  const callTool = async (call: IncomingCall): Promise<ToolCallOutcome> => {
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
    const ctx: ToolCallContext = {
      id: `${callIdPrefix}-${++callCounter}`,
      server: route.server,
      tool: route.tool,
      exposed: route.exposed,
      args: call.args,
      meta: call.meta,
      definition: route.definition,
      session,
      signal: call.signal,
      onProgress: call.onProgress,
    };
    return pipeline(ctx);
  };

  const listTools = async (): Promise<readonly Tool[]> => {
    await (firstRound ??= settled());
    return catalog.tools;
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

  const frontServer = (): Server => {
    front ??= createFrontServer({
      info: GATEWAY_INFO,
      instructions: undefined,
      capabilities: { tools: { listChanged: true } },
      ports: {
        listTools: tracked(listTools),
        callTool: tracked(callTool),
        onInitialized: (capabilities, client) => {
          initialized = true;
          session = {
            agent: config.agent,
            client:
              client === undefined ? undefined : { name: client.name, version: client.version },
          };
          capabilitiesKnown(capabilities);
        },
      },
    });
    return front;
  };

  pool.start();

  let closing: Promise<void> | undefined;
  return {
    pool,
    catalog: () => catalog,
    settled,
    callTool,
    status: () => pool.status(),
    frontServer,
    hurry: () => {
      pool.kill();
    },
    close: () =>
      (closing ??= (async () => {
        await drain();
        await front?.close().catch(() => undefined);
        await pool.close();
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
  const transport = new StdioServerTransport();
  await gateway.frontServer().connect(transport);
};
