import path from 'node:path';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { BackendPool } from '../backends/backend-pool.js';
import { warmHandshakeSchemas } from '../backends/warm-handshake.js';
import type { AuditSink } from '../core/audit/audit-sink.js';
import type { ConsoleChange } from '../console/console-source.js';
import { createRootsTracker } from '../core/policy/roots-tracker.js';
import type { OwnResources, ProtocolRelay } from '../frontend/protocol-router.js';
import type { Telemetry } from '../telemetry/telemetry.js';
import { AgentSessions, type AgentSession } from './agent-sessions.js';
import { DeferredAuditSink } from './deferred-audit-sink.js';
import type { Gateway, GatewayOptions } from './gateway.js';
import { GATEWAY_INFO } from './gateway-info.js';
import { ToolListAnnouncer } from './tool-list-announcer.js';
import { lazyScanner, learnArgumentNames } from './lazy-scanner.js';
import type { Runtime, RuntimeParts } from './runtime.js';
import { untilAborted } from '../core/until-aborted.js';
import { traceStartup } from '../backends/startup-trace.js';

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
 * With `early`, the rest of the gateway loads once the first agent's `initialize` is answered
 * (loading it holds the event loop for a while), or after this long if none has come by then.
 */
const EARLY_BUILD_WAIT_MS = 50;

/** The scanner is built once the gateway has had nothing to do for this long (or on first use). */
const SCANNER_IDLE_MS = 50;

/**
 * The console starts once the backends' first round is in and no call is being handled, or this
 * long after the build, whichever comes first (or at once when an approval needs it).
 */
const CONSOLE_LATEST_MS = 1000;

/**
 * Composition root: config → pool (backends spawn first) → the front (SDK Server, router, tool
 * cache: enough to answer `initialize`) → state files → live catalog → runtime (pipeline).
 * It wires; the state lives in the parts it wires.
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
  // Set once loaded; backend events before that are in the audit log, not in the metrics.
  let telemetry: Telemetry | undefined;
  // Swapped whole by reconfigure(); a call reads the one in force when it starts. Undefined
  // only until the pipeline is built.
  let runtime: Runtime | undefined;
  const current = (): Runtime => {
    if (runtime === undefined)
      throw new Error('The gateway is still starting: await ready() first.');
    return runtime;
  };
  const roots = createRootsTracker();
  // Filled in once the front's modules are loaded (before any agent can connect).
  const late: {
    router?: { readonly relay: ProtocolRelay };
    catalog?: { caughtUp(): Promise<void>; refresh(): Promise<void> };
  } = {};
  const pool = new BackendPool({
    relay: {
      onNotification: (backend, notification) => {
        late.router?.relay.onNotification(backend, notification);
      },
      // The policy learns each backend's MCP roots from the answers it relays.
      onRequest: (backend, request, signal) =>
        roots.relay(backend.name, request.method, async () => {
          // A backend may ask as soon as its own handshake is done, which no longer waits for
          // the agent's: the agent is asked once it has said `initialized` (MCP lifecycle).
          await untilAborted(sessions.agentsReady(), signal);
          if (late.router === undefined) throw new Error('the gateway is still starting');
          return await late.router.relay.onRequest(backend, request, signal);
        }),
    },
    servers: first.servers,
    early: options.children,
    logger,
    clientInfo: GATEWAY_INFO,
    capabilities: sessions.capabilities,
    onChange: () => {
      void parts?.catalog.refresh();
    },
    onEvent: (server, event, detail) => {
      audit.append({ type: 'backend', server, event, detail });
      telemetry?.backendEvent(server, event);
    },
  });
  // Backends first: their processes boot while the rest of the gateway loads.
  pool.start();

  // What answering an agent needs before the pipeline exists: the front and the tool cache.
  const [front, cache] = await Promise.all([
    import('./front-parts.js'),
    import('./front-parts.js').then(({ openToolCache }) =>
      openToolCache(first.stateDir, {
        enabled: first.cache.enabled,
        onWarning: (message) => {
          logger.warn(message);
        },
      }),
    ),
  ]);
  cache.retain(first.servers.map((s) => s.name));
  const drain = front.createDrain();
  const fronts = new WeakMap<Server, AgentSession>();
  // What each session last got or was told about: list_changed goes only to those it changes.
  const announcer = new ToolListAnnouncer();
  // Kept results are served once built; before that no session can have any.
  const own: OwnResources = {
    read: (server, uri) => parts?.kept.resources.read(server, uri),
    list: (server) => parts?.kept.resources.list(server) ?? [],
    templates: () => parts?.kept.resources.templates() ?? [],
  };
  const protocol = front.createProtocolRouter({
    backends: () => pool.readyBackends(),
    agent: (server) => sessions.agentFor(server),
    agents: () => sessions.agents(),
    naming: () => (runtime?.config ?? first).naming,
    logger,
    ready: async () => (await built).catalog.firstRoundSettled(),
    own,
    // What the model reads from resources and prompts is scanned like a tool result; reads wait
    // for the backends' first round, by which time the pipeline is built.
    scanRead: async (source, result) => (await built).scanRead(source, result),
  });
  late.router = protocol;

  /** Everything else: state files, scanner, reviews, the live catalog, the pipeline. */
  const build = async () => {
    traceStartup('build: loading gateway-parts');
    const {
      openAuditLog,
      digestAuditContent,
      createForward,
      forwardAfterReview,
      pinnedForm,
      createScanner,
      precomputedUse,
      findSecrets,
      createElicitationApprover,
      hashPinnedForm,
      openPinStore,
      ToolReviewer,
      eventLoopScheduler,
      LiveCatalog,
      createRuntime,
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
      reloadedConfig,
      createReadContentScan,
      listingReviewKey,
    } = await import('./gateway-parts.js');
    traceStartup('build: gateway-parts loaded');

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
    const [loaded, auditLog, pins] = await Promise.all([
      telemetrySettings === undefined
        ? undefined
        : startTelemetry({
            settings: telemetrySettings,
            version: GATEWAY_INFO.version,
            logger,
            backendAddress: (server) => {
              const found = runtime?.servers.get(server);
              if (found === undefined) return undefined;
              return found.kind === 'stdio'
                ? { kind: 'stdio' }
                : { kind: 'remote', url: found.url };
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
              : { onWritten: (records) => telemetry?.auditWritten(records) }),
          })
        : undefined,
      first.pinning.mode === 'off' ? undefined : openPinStore(first.stateDir),
    ]);
    telemetry = loaded;
    traceStartup('build: audit log, pins, telemetry open');
    // Without an audit log nothing is kept: records are dropped and the pipeline has no audit steps.
    audit.attach(gatewayConsole.feed.tap(auditLog ?? DISCARD));
    // Built when first needed or when idle: what a warm start reviewed clean before needs no scan.
    const scanner = lazyScanner(createScanner, precomputedUse, cache);
    const cachedEntry = (server: string) => {
      const config = current().servers.get(server);
      return config === undefined ? undefined : cache.get(server, front.serverFingerprint(config));
    };

    const reviewer = new ToolReviewer({
      scanner,
      filter: () => current().filters.descriptions,
      descriptions: () => current().config.scanning.descriptions,
      pinning: () => current().config.pinning.mode,
      pins,
      audit,
      logger,
      limits: () => current().config.scanning.limits,
      scheduler: eventLoopScheduler,
      onCleanInstructions: (server, text) => {
        cache.markClean(server, front.instructionsReviewKey(text, current().config.scanning));
      },
      knownCleanInstructions: (server, text) =>
        cachedEntry(server)?.instructionsClean ===
        front.instructionsReviewKey(text, current().config.scanning),
      listings: {
        keyFor: (server, tools, context) => {
          try {
            return listingReviewKey(server, tools, context, current().config.scanning);
          } catch {
            // A value canonical JSON cannot encode: no key, the listing is scanned.
            return undefined;
          }
        },
        isClean: (server, key) => cachedEntry(server)?.toolsClean === key,
        markClean: (server, key) => {
          cache.markToolsClean(server, key);
        },
      },
    });
    const defHashes = new WeakMap<Tool, string>();
    const store = new ResultStore({
      dir: path.join(first.stateDir, 'results'),
      budgetBytes: first.limits.keptResultsBytes,
      logger,
    });
    // Set right below; kept results and approvals ask it only once calls run.
    const known: { profiles?: InstanceType<typeof SessionProfiles> } = {};
    const kept = createKeptResults({
      store,
      sessions,
      profileFor: (session) => known.profiles?.profileFor(session),
      runtime: current,
      audit: auditing ? audit : undefined,
      findSecrets,
      digest: digestAuditContent,
      sessionOf: (server) => fronts.get(server),
    });
    const runtimeParts: RuntimeParts = {
      // A call judged on a cached listing is forwarded once its backend's live listing passed review.
      forward: forwardAfterReview(createForward(pool), {
        pool,
        reviewedListing: (server) => reviewer.reviewedListing(server),
        review: (server, tool) => reviewer.get(server, tool),
        caughtUp: () => late.catalog?.caughtUp() ?? Promise.resolve(),
        refresh: () => late.catalog?.refresh() ?? Promise.resolve(),
      }),
      scanner,
      review: (server, tool) => reviewer.get(server, tool),
      roots: (server) => roots.view(server),
      labelSink: audit,
      fit: kept.fit,
      // Pre-approved rules, then approvals.channels in order: elicitation, the console, notify.
      // What a session approved is remembered on its agent session (ctx.approvals), not here.
      askHuman: createApprovalBroker({
        settings: () => current().config.approvals,
        askRules: () => enforcedAskRules(current().config.policy),
        elicit: createElicitationApprover({
          // The approval is asked of the agent session whose call needs it, unless its client is
          // known (or configured) not to answer elicitation even though it declares it.
          agentFor: (callId) => {
            const session = sessions.sessionForCall(callId);
            if (session === undefined) return undefined;
            return known.profiles?.profileFor(session).elicitation === false
              ? undefined
              : session.server;
          },
          timeoutMs: (server) => current().servers.get(server)?.callTimeoutMs ?? 50_000,
          logger,
        }),
        sessionOf: (callId) => sessions.agentForCall(callId),
        sessionInfoOf: (callId) => sessions.infoForCall(callId),
        sessionIdOf: (callId) => sessions.sessionIdForCall(callId),
        console: {
          pending: gatewayConsole.pending,
          // An approval that waits for the console starts it if it has not started yet.
          ready: () => {
            startConsoleNow();
            return gatewayConsole.ready();
          },
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
    runtime = createRuntime(first, runtimeParts);
    const catalog = new LiveCatalog({
      pool,
      cache,
      reviewer,
      runtime: current,
      logger,
      // Only sessions whose own list changed hear of it (a reload often changes nothing they see).
      onVisibleChange: () => {
        const fitted = known.profiles;
        sessions.notifyToolsChanged(
          fitted === undefined
            ? undefined
            : (session) => announcer.changed(session, fitted.viewFor(session).tools),
        );
      },
    });
    late.catalog = catalog;
    const profiles = new SessionProfiles({ runtime: current, catalog, env: process.env, logger });
    known.profiles = profiles;
    const callTool = createToolCalls({
      catalog,
      runtime: current,
      sessions,
      telemetry: telemetry?.calls,
      profiles,
    });
    const scanRead = createReadContentScan({
      scanner,
      action: () => current().config.scanning.responses,
      filter: () => current().filters.content,
      limits: () => current().config.scanning.limits,
      scheduler: eventLoopScheduler,
      audit: auditing ? audit : undefined,
    });
    traceStartup('build: pipeline built');
    return {
      scanRead,
      auditLog,
      pins,
      scanner,
      reviewer,
      store,
      kept,
      catalog,
      profiles,
      callTool,
      gatewayConsole,
      runtimeParts,
      scanDefinitions,
      toolVerdict,
      resolveClientProfile,
      reloadedConfig,
      createRuntime,
    };
  };

  type Built = Awaited<ReturnType<typeof build>>;
  let closing: Promise<void> | undefined;
  let parts: Built | undefined;
  // Set once the catalog holds the cached listings too: calls then go straight in.
  let serving: Built | undefined;
  let startBuild: () => void = () => undefined;
  // Starts the console now if it has not started (set once the gateway is built).
  let startConsoleNow: () => void = () => undefined;
  const built = new Promise<void>((resolve) => {
    startBuild = resolve;
  }).then(async () => {
    parts = await build();
    return parts;
  });
  // Nobody may be waiting yet; whoever awaits `built` (ready(), close()) sees the failure.
  built.catch(() => undefined);

  const afterBuild = async (done: Built): Promise<void> => {
    const { catalog, gatewayConsole, auditLog, pins, reviewer, scanner } = done;
    // Cached listings answer tools/list and route calls before any backend is up: a first call
    // waits for this (the cached listings' pin check), not for its backend's own listing.
    const cachedRound = catalog.refresh().catch(() => undefined);
    // Once the backends' first round is in and no request is being handled, the scanner is built
    // (a few hundred ms of CPU), so that neither the first calls nor a later one wait for it.
    // Once built (here or by a call), the listed tools' argument names are asked about, once.
    let namesAsked = false;
    const buildScannerWhenIdle = (): void => {
      const { scanning } = current().config;
      const scans = [scanning.descriptions, scanning.responses, scanning.arguments];
      // With every surface off nothing is ever scanned: the scanner is never built.
      if (namesAsked || closing !== undefined || scans.every((s) => s === 'off')) return;
      if (drain.inFlight() > 0) {
        setTimeout(buildScannerWhenIdle, SCANNER_IDLE_MS).unref();
        return;
      }
      namesAsked = true;
      try {
        scanner.build();
        // The listed tools' argument names, while idle: the words a later start's first calls use.
        const asked = learnArgumentNames(catalog.current().tools, scanner, cache);
        traceStartup(`scanner: ${asked} argument names asked`);
      } catch (error) {
        // A timer must not take the gateway down; the first scan tries again and fails its call.
        logger.error(`could not build the content scanner: ${(error as Error).message}`);
      }
    };
    void catalog.firstRoundSettled().then(
      () => {
        setTimeout(buildScannerWhenIdle, SCANNER_IDLE_MS).unref();
      },
      () => undefined,
    );
    // The console (its HTTP server, its entry in the state folder: ~25 ms of CPU) is nothing the
    // first calls need: it starts once the first round is in and the gateway is idle, so that on a
    // busy machine it does not take CPU from the first call and the backends' boot.
    let consoleStarted = false;
    const startConsole = (): void => {
      if (consoleStarted) return;
      consoleStarted = true;
      traceStartup('console: starting');
      gatewayConsole.start(consoleSource);
      void gatewayConsole.ready().then(() => {
        traceStartup('console: started');
      });
    };
    const startConsoleWhenIdle = (): void => {
      if (consoleStarted || closing !== undefined) return;
      if (drain.inFlight() > 0) setTimeout(startConsoleWhenIdle, SCANNER_IDLE_MS).unref();
      else startConsole();
    };
    startConsoleNow = startConsole;
    setTimeout(startConsole, CONSOLE_LATEST_MS).unref();
    void catalog.firstRoundSettled().then(
      () => {
        setTimeout(startConsoleWhenIdle, SCANNER_IDLE_MS).unref();
      },
      () => undefined,
    );
    const consoleSource: Parameters<typeof gatewayConsole.start>[0] = {
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
    };
    await cachedRound;
    traceStartup('catalog: cached listings routed');
    serving = done;
    // A warm start's first call waits for its backend's `initialize` and `tools/list` answers:
    // while a backend still boots, the SDK's schemas for them are compiled, not when they come
    // (after the calls that waited for this build have gone on to wait for their backend).
    if (pool.status().some((s) => s.state === 'starting'))
      setImmediate(() => {
        warmHandshakeSchemas();
        traceStartup('backends: handshake schemas compiled');
      });
  };
  const ready = built.then(afterBuild);
  ready.catch(() => undefined);

  // Instructions cached from an earlier run are shown at once if they scanned clean then under
  // the same review key (text, scanner build, settings); otherwise they are reviewed (scanned)
  // before an agent sees them, and the answer to `initialize` waits for the scanner.
  const fromCache = front.instructionsFromCache(first, cache);
  if (options.early !== true || fromCache === undefined) {
    startBuild();
    await ready;
  } else {
    setTimeout(startBuild, EARLY_BUILD_WAIT_MS);
  }

  const need = (): Built => {
    if (parts === undefined) throw new Error('The gateway is still starting: await ready() first.');
    return parts;
  };
  return {
    ready: () => ready,
    catalog: () => need().catalog.current(),
    reviewFor: (exposed) => {
      const { catalog, reviewer } = need();
      const route = catalog.current().routeFor(exposed);
      return route === undefined ? undefined : reviewer.get(route.server, route.tool);
    },
    scanDefinitions: () => {
      const { catalog, scanner, scanDefinitions } = need();
      const { scanning } = current().config;
      return scanDefinitions(
        catalog.current(),
        scanner,
        scanning.allow,
        pool.readyBackends().map((b) => ({ server: b.name, text: b.instructions ?? '' })),
        scanning.limits.maxChars,
      );
    },
    verdictFor: (exposed) => {
      const { catalog, reviewer, toolVerdict } = need();
      const route = catalog.current().routeFor(exposed);
      if (route === undefined) return undefined;
      const blocked = reviewer.get(route.server, route.tool)?.blocked !== undefined;
      return toolVerdict(current(), route, blocked);
    },
    labelsFor: (exposed) => {
      const route = need().catalog.current().routeFor(exposed);
      return route === undefined
        ? undefined
        : current().config.labels.labelsFor(route.server, route.tool, route.definition.annotations);
    },
    clientView: (client) => {
      const { catalog, resolveClientProfile } = need();
      const profile = resolveClientProfile(client, current().config, process.env);
      return {
        profile,
        view: catalog.view({ nameMaxLength: profile.nameMaxLength, toolCap: profile.toolCap }),
      };
    },
    settled: async (timeoutMs) => {
      await ready;
      await need().catalog.settled(timeoutMs);
    },
    callTool: async (call) => {
      await ready;
      return await need().callTool(call);
    },
    status: () => pool.status(),
    openSession: () => {
      const server = front.createFrontServer({
        info: GATEWAY_INFO,
        // Before the build: the cached instructions that scanned clean in an earlier run.
        instructions: parts === undefined ? fromCache?.text : parts.catalog.instructions(),
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
            await ready;
            const { catalog, profiles } = need();
            const view = await catalog.listTools(profiles.specFor(session));
            profiles.reportLeftOut(session, view);
            announcer.listed(session, view.tools);
            return view.tools;
          }),
          // Once built, a call goes straight in; only calls that arrive earlier wait.
          // Once the catalog holds the cached listings, a call goes straight in; only calls that
          // arrive earlier wait, for the build and that first refresh (not for any backend).
          callTool: drain.track((call) => {
            if (serving !== undefined) return serving.callTool(call, session);
            traceStartup(`call ${call.name}: received; waits for the gateway's build`);
            return ready.then(() => need().callTool(call, session));
          }),
          onInitialize: (capabilities, client) => {
            traceStartup('agent initialize received');
            sessions.declared(session, capabilities, client);
            // The answer leaves in this turn of the event loop; the rest loads right after it.
            setImmediate(startBuild);
          },
          onInitialized: (capabilities, client) => {
            traceStartup('agent initialized');
            sessions.initialized(session, capabilities, client);
            void ready.then(
              () => {
                need().profiles.announce(session);
              },
              () => undefined,
            );
          },
        },
      });
      const session = sessions.add(server, () => {
        // A session's kept results go with it.
        void ready.then(
          () => need().store.release(session),
          () => undefined,
        );
      });
      fronts.set(server, session);
      protocol.install(server);
      return server;
    },
    reconfigure: async (next) => {
      await ready;
      const { reviewer, catalog, reloadedConfig, createRuntime, runtimeParts } = need();
      const previous = current();
      runtime = createRuntime(
        reloadedConfig(previous.config, next, logger),
        runtimeParts,
        previous,
      );
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
        // A gateway closed while it was still loading finishes loading first: what it opened
        // (the audit log, the console) is closed below like the rest.
        startBuild();
        const done = await built.catch(() => undefined);
        // Calls waiting for a human are answered (cancelled) so the drain does not wait for them.
        await done?.gatewayConsole.close();
        await drain.drain(DRAIN_MS);
        await sessions.closeAll();
        await pool.close();
        await cache.close();
        // Export what is queued, and write down what could not be, before the last records.
        await telemetry?.flush();
        recordingDrops = false;
        await done?.store.close();
        audit.append({ type: 'session_end', reason: 'shutdown' });
        await done?.auditLog?.close();
        // The last records (session_end, the final checkpoint) go out as logs too.
        await telemetry?.shutdown();
      })()),
  };
};
