import path from 'node:path';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { BackendPool } from '../backends/backend-pool.js';
import type { AuditSink } from '../core/audit/audit-sink.js';
import type { ConsoleChange } from '../console/console-source.js';
import { createRootsTracker } from '../core/policy/roots-tracker.js';
import type { Telemetry } from '../telemetry/telemetry.js';
import { AgentSessions, type AgentSession } from './agent-sessions.js';
import { DeferredAuditSink } from './deferred-audit-sink.js';
import type { Gateway, GatewayOptions } from './gateway.js';
import { GATEWAY_INFO } from './gateway-info.js';
import { ToolListAnnouncer } from './tool-list-announcer.js';
import type { LiveCatalog } from './live-catalog.js';
import type { Runtime, RuntimeParts } from './runtime.js';
import type { SessionProfiles } from './session-profiles.js';

/** Where records go when the gateway writes no audit log. */
const DISCARD: AuditSink = {
  append: () => ({ seq: 0, hash: '' }),
  appendDurable: () => Promise.resolve({ seq: 0, hash: '' }),
  written: () => undefined,
  healthy: true,
};

/** On shutdown, requests already received get this long to finish before backends are closed. */
const DRAIN_MS = 1500;

/**
 * Composition root: config → pool (backends spawn first, before the rest of the gateway's code
 * loads) → state files → live catalog →
 * runtime (pipeline) → agent sessions. It wires; the state lives in the parts it wires.
 */
export const createGateway = async (options: GatewayOptions): Promise<Gateway> => {
  const { logger } = options;
  const first = options.config;
  const auditing = options.audit ?? first.audit.enabled;
  // Commands that make no calls (tools, scan, doctor) neither audit nor export anything.
  const telemetrySettings = options.audit === false ? undefined : first.telemetry;
  // Telemetry may record lost exports in the audit log until its last records are written.
  let recordingDrops = true;
  // Records made before the log is open (backends start first) are written once it is.
  const audit = new DeferredAuditSink();
  const sessions = new AgentSessions({
    audit,
    logger,
    agent: first.agent,
    version: GATEWAY_INFO.version,
    standalone: options.standalone === true,
  });
  // Filled in once built; a backend may change before that, and the first refresh catches up.
  const late: {
    catalog?: LiveCatalog;
    router?: ReturnType<typeof createProtocolRouter>;
    profiles?: SessionProfiles;
    // Set once loaded; backend events before that are in the audit log, not in the metrics.
    telemetry?: Telemetry;
  } = {};
  const roots = createRootsTracker();
  const pool = new BackendPool({
    relay: {
      onNotification: (backend, notification) => {
        late.router?.relay.onNotification(backend, notification);
      },
      // The policy learns each backend's MCP roots from the answers it relays.
      onRequest: (backend, request, signal) =>
        roots.relay(backend.name, request.method, () =>
          late.router === undefined
            ? Promise.reject(new Error('the gateway is still starting'))
            : late.router.relay.onRequest(backend, request, signal),
        ),
    },
    servers: first.servers,
    logger,
    clientInfo: GATEWAY_INFO,
    capabilities: sessions.capabilities,
    onChange: () => {
      void late.catalog?.refresh();
    },
    onEvent: (server, event, detail) => {
      audit.append({ type: 'backend', server, event, detail });
      late.telemetry?.backendEvent(server, event);
    },
  });
  // Backends first: their processes boot while the rest of the gateway loads and the state
  // files are opened.
  pool.start();
  const {
    openAuditLog,
    digestAuditContent,
    createForward,
    openToolCache,
    pinnedForm,
    createScanner,
    findSecrets,
    createElicitationApprover,
    createFrontServer,
    createProtocolRouter,
    createReadContentScan,
    hashPinnedForm,
    openPinStore,
    ToolReviewer,
    eventLoopScheduler,
    createDrain,
    LiveCatalog,
    createRuntime,
    reloadedConfig,
    scanDefinitions,
    createApprovalBroker,
    enforcedAskRules,
    createDesktopNotifier,
    userConsolesDir,
    GatewayConsole,
    createToolCalls,
    toolVerdict,
    startTelemetry,
    resolveClientProfile,
    SessionProfiles,
    createKeptResults,
    ResultStore,
  } = await import('./gateway-parts.js');

  // The console sees every record through a tap on the sink: on the call path, one map update.
  const gatewayConsole = new GatewayConsole({
    enabled: options.console === true && first.console.enabled,
    port: first.console.port,
    stateDir: first.stateDir,
    userDir: userConsolesDir(process.env),
    version: GATEWAY_INFO.version,
    configFile: first.file,
    logger,
    notify: createDesktopNotifier({ logger }),
  });

  // The OpenTelemetry SDK is loaded only when telemetry is configured, while backends boot.
  const [loaded, auditLog, cache, pins] = await Promise.all([
    telemetrySettings === undefined
      ? undefined
      : startTelemetry({
          settings: telemetrySettings,
          version: GATEWAY_INFO.version,
          logger,
          backendAddress: (server) => {
            const found = runtime.servers.get(server);
            if (found === undefined) return undefined;
            return found.kind === 'stdio' ? { kind: 'stdio' } : { kind: 'remote', url: found.url };
          },
          recordDrops: (input) => {
            if (recordingDrops) audit.append(input);
          },
        }),
    auditing
      ? openAuditLog({
          path: first.audit.path,
          stateDir: first.stateDir,
          durability: first.audit.durability,
          onError: (error) => {
            logger.error(`audit log: ${error.message}`);
          },
          onWarning: (message) => {
            logger.warn(message);
          },
          // Each written record is also exported as an OTLP log record, seq and hash included.
          ...(telemetrySettings?.logs === undefined
            ? {}
            : { onWritten: (records) => late.telemetry?.auditWritten(records) }),
        })
      : undefined,
    openToolCache(first.stateDir, {
      enabled: first.cache.enabled,
      onWarning: (message) => {
        logger.warn(message);
      },
    }),
    first.pinning.mode === 'off' ? undefined : openPinStore(first.stateDir),
  ]);
  const telemetry = loaded;
  if (telemetry !== undefined) late.telemetry = telemetry;
  // Without an audit log nothing is kept: records are dropped and the pipeline has no audit steps.
  audit.attach(gatewayConsole.feed.tap(auditLog ?? DISCARD));
  cache.retain(first.servers.map((s) => s.name));
  const scanner = createScanner();

  // Swapped whole by reconfigure(); a call reads the one in force when it starts.
  let runtime: Runtime;
  const currentRuntime = (): Runtime => runtime;

  const reviewer = new ToolReviewer({
    scanner,
    filter: () => runtime.filters.descriptions,
    descriptions: () => runtime.config.scanning.descriptions,
    pinning: () => runtime.config.pinning.mode,
    pins,
    audit,
    logger,
    limits: () => runtime.config.scanning.limits,
    scheduler: eventLoopScheduler,
  });
  const defHashes = new WeakMap<Tool, string>();
  const store = new ResultStore({
    dir: path.join(first.stateDir, 'results'),
    budgetBytes: first.limits.keptResultsBytes,
    logger,
  });
  const fronts = new WeakMap<Server, AgentSession>();
  const announcer = new ToolListAnnouncer();
  const kept = createKeptResults({
    store,
    sessions,
    profileFor: (session) => late.profiles?.profileFor(session),
    runtime: currentRuntime,
    audit: auditing ? audit : undefined,
    findSecrets,
    digest: digestAuditContent,
    sessionOf: (front) => fronts.get(front),
  });
  const parts: RuntimeParts = {
    forward: createForward(pool),
    scanner,
    review: (server, tool) => reviewer.get(server, tool),
    roots: (server) => roots.view(server),
    labelSink: audit,
    fit: kept.fit,
    // Pre-approved rules, then approvals.channels in order: elicitation, the console, notify.
    // What a session approved is remembered on its agent session (ctx.approvals), not here.
    askHuman: createApprovalBroker({
      settings: () => runtime.config.approvals,
      askRules: () => enforcedAskRules(runtime.config.policy),
      elicit: createElicitationApprover({
        // The approval is asked of the agent session whose call needs it, unless its client is
        // known (or configured) not to answer elicitation even though it declares it.
        agentFor: (callId) => {
          const session = sessions.sessionForCall(callId);
          if (session === undefined) return undefined;
          return late.profiles?.profileFor(session).elicitation === false
            ? undefined
            : session.server;
        },
        timeoutMs: (server) => runtime.servers.get(server)?.callTimeoutMs ?? 50_000,
        logger,
      }),
      sessionOf: (callId) => sessions.agentForCall(callId),
      sessionInfoOf: (callId) => sessions.infoForCall(callId),
      sessionIdOf: (callId) => sessions.sessionIdForCall(callId),
      console: {
        pending: gatewayConsole.pending,
        ready: () => gatewayConsole.ready(),
        url: () => gatewayConsole.url(),
      },
      notify: (approval) => {
        gatewayConsole.notifyApproval(approval);
      },
      logger,
      now: () => Date.now(),
    }),
    audit: !auditing
      ? undefined
      : {
          sink: audit,
          durability: first.audit.durability,
          results: first.audit.results,
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
          now: () => performance.now(),
        },
    telemetry: telemetry?.calls,
  };
  runtime = createRuntime(first, parts);
  const catalog = new LiveCatalog({
    pool,
    cache,
    reviewer,
    runtime: currentRuntime,
    logger,
    // Only sessions whose own list changed hear of it (a reload often changes nothing they see).
    onVisibleChange: () => {
      const fitted = late.profiles;
      sessions.notifyToolsChanged(
        fitted === undefined
          ? undefined
          : (session) => announcer.changed(session, fitted.viewFor(session).tools),
      );
    },
  });
  late.catalog = catalog;
  const profiles = new SessionProfiles({
    runtime: currentRuntime,
    catalog,
    env: process.env,
    logger,
  });
  late.profiles = profiles;
  const protocol = createProtocolRouter({
    backends: () => pool.readyBackends(),
    agent: (server) => sessions.agentFor(server),
    agents: () => sessions.agents(),
    naming: () => runtime.config.naming,
    logger,
    ready: () => catalog.firstRoundSettled(),
    own: kept.resources,
    // What the model reads from resources and prompts is scanned like a tool result.
    scanRead: createReadContentScan({
      scanner,
      action: () => runtime.config.scanning.responses,
      filter: () => runtime.filters.content,
      limits: () => runtime.config.scanning.limits,
      scheduler: eventLoopScheduler,
      audit: auditing ? audit : undefined,
    }),
  });

  const callTool = createToolCalls({
    catalog,
    runtime: currentRuntime,
    sessions,
    telemetry: telemetry?.calls,
    profiles,
  });
  const drain = createDrain();
  let closing: Promise<void> | undefined;

  late.router = protocol;
  // Cached listings answer tools/list before any backend is up.
  void catalog.refresh();
  gatewayConsole.start({
    gateway: {
      pid: process.pid,
      version: GATEWAY_INFO.version,
      configFile: first.file,
      stateDir: first.stateDir,
      startedAt: new Date().toISOString(),
    },
    auditPath: auditLog === undefined ? undefined : first.audit.path,
    backends: () =>
      pool.status().map((s) => ({
        name: s.name,
        state: s.state,
        tools: s.tools,
        restarts: s.restarts,
        startMs: s.startMs,
        lastError: s.error?.message,
      })),
    sessions: () =>
      sessions.describe().map((s) => ({
        session: s.id,
        client: s.info.client ?? null,
        agent: s.info.agent ?? null,
        initialized: s.initialized,
        lastActive: new Date(s.lastActive).toISOString(),
        callsInFlight: s.callsInFlight,
      })),
    changes: () => {
      if (pins === undefined) return [];
      return pins.diff().flatMap((diff): ConsoleChange[] => {
        const pending = pins.list({ server: diff.server, tool: diff.tool })[0]?.pending;
        return pending === undefined
          ? []
          : [{ ...diff, pendingHash: pending.hash, seenAt: pending.seenAt }];
      });
    },
    approveChange: async (server, tool, pendingHash) => {
      if (pins === undefined) return { ok: false, why: 'pinning-off' };
      const pending = pins.list({ server, tool })[0]?.pending;
      if (pending === undefined) return { ok: false, why: 'unknown' };
      if (pending.hash !== pendingHash) return { ok: false, why: 'stale' };
      const approved = await pins.approve({ server, tool });
      if (approved.length === 0) return { ok: false, why: 'unknown' };
      // Reviewed again against the new pin: the tool is served and the agent told.
      reviewer.reset();
      await catalog.refresh();
      return { ok: true };
    },
  });

  return {
    catalog: () => catalog.current(),
    reviewFor: (exposed) => {
      const route = catalog.current().routeFor(exposed);
      return route === undefined ? undefined : reviewer.get(route.server, route.tool);
    },
    scanDefinitions: () =>
      scanDefinitions(
        catalog.current(),
        scanner,
        runtime.config.scanning.allow,
        pool.readyBackends().map((b) => ({ server: b.name, text: b.instructions ?? '' })),
        runtime.config.scanning.limits.maxChars,
      ),
    verdictFor: (exposed) => {
      const route = catalog.current().routeFor(exposed);
      if (route === undefined) return undefined;
      const blocked = reviewer.get(route.server, route.tool)?.blocked !== undefined;
      return toolVerdict(runtime, route, blocked);
    },
    labelsFor: (exposed) => {
      const route = catalog.current().routeFor(exposed);
      return route === undefined
        ? undefined
        : runtime.config.labels.labelsFor(route.server, route.tool, route.definition.annotations);
    },
    clientView: (client) => {
      const profile = resolveClientProfile(client, runtime.config, process.env);
      return {
        profile,
        view: catalog.view({ nameMaxLength: profile.nameMaxLength, toolCap: profile.toolCap }),
      };
    },
    settled: (timeoutMs) => catalog.settled(timeoutMs),
    callTool: (call) => callTool(call),
    status: () => pool.status(),
    openSession: () => {
      const server = createFrontServer({
        info: GATEWAY_INFO,
        instructions: catalog.instructions(),
        // Declared up front, before any backend answered: the gateway can always forward these.
        capabilities: {
          tools: { listChanged: true },
          prompts: { listChanged: true },
          resources: { subscribe: true, listChanged: true },
          completions: {},
          logging: {},
        },
        ports: {
          listTools: drain.track(async () => {
            const view = await catalog.listTools(profiles.specFor(session));
            profiles.reportLeftOut(session, view);
            announcer.listed(session, view.tools);
            return view.tools;
          }),
          callTool: drain.track((call) => callTool(call, session)),
          onInitialized: (capabilities, client) => {
            sessions.initialized(session, capabilities, client);
            profiles.announce(session);
          },
        },
      });
      const session = sessions.add(server, () => {
        // A session's kept results go with it.
        void store.release(session);
      });
      fronts.set(server, session);
      protocol.install(server);
      return server;
    },
    reconfigure: async (next) => {
      runtime = createRuntime(reloadedConfig(runtime.config, next, logger), parts, runtime);
      // New scanning settings mean every listing is reviewed again.
      reviewer.reset();
      cache.retain(runtime.config.servers.map((s) => s.name));
      const changes = await pool.reconcile(runtime.config.servers);
      await catalog.refresh();
      const summary = [
        changes.added.length > 0 ? `added ${changes.added.join(', ')}` : '',
        changes.removed.length > 0 ? `removed ${changes.removed.join(', ')}` : '',
        changes.restarted.length > 0 ? `restarted ${changes.restarted.join(', ')}` : '',
      ].filter((p) => p !== '');
      audit.append({
        type: 'config_change',
        status: 'accepted',
        summary: summary.length > 0 ? summary.join('; ') : 'no server changed',
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
        // After close() began, nothing may be appended to the (closing) audit log but its end.
        sessions.stop();
        // Calls waiting for a human are answered (cancelled) so the drain does not wait for them.
        await gatewayConsole.close();
        await drain.drain(DRAIN_MS);
        await sessions.closeAll();
        await pool.close();
        await cache.close();
        // Export what is queued, and write down what could not be, before the last records.
        await telemetry?.flush();
        recordingDrops = false;
        await store.close();
        audit.append({ type: 'session_end', reason: 'shutdown' });
        await auditLog?.close();
        // The last records (session_end, the final checkpoint) go out as logs too.
        await telemetry?.shutdown();
      })()),
  };
};
