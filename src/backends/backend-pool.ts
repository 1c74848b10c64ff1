import type { ClientCapabilities, Implementation, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ResolvedServer } from '../config/resolve.js';
import { GatewayError, isGatewayError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { Backend, type BackendEvents, type BackendIdentity } from './backend.js';
import { untilAborted } from '../core/until-aborted.js';
import type { EarlyChildren } from './early-children.js';
import { traceStartup } from './startup-trace.js';

/** Where a backend is in its life. */
export type BackendState = 'starting' | 'ready' | 'restarting' | 'failed' | 'stopped';

/** A snapshot of one backend for `tools`, `doctor` and startup messages. */
export interface BackendStatus {
  readonly name: string;
  readonly state: BackendState;
  readonly tools: number;
  readonly error: GatewayError | undefined;
  /** Milliseconds from spawn to a ready tool list, for the last successful start. */
  readonly startMs: number | undefined;
  readonly restarts: number;
}

export interface BackendPoolOptions {
  readonly servers: readonly ResolvedServer[];
  readonly logger: Logger;
  readonly clientInfo: Implementation;
  /** The agent's declared client capabilities; backends are initialized with exactly these. */
  readonly capabilities: Promise<ClientCapabilities>;
  /** Called whenever a backend's tools or state changed. */
  readonly onChange: () => void;
  /** Notifications and server→client requests of every backend, for the agent. */
  readonly relay?: Pick<BackendEvents, 'onNotification' | 'onRequest'>;
  /** Lifecycle events, for the audit log. */
  readonly onEvent?: (
    server: string,
    event: 'start' | 'exit' | 'restart' | 'failed',
    detail: string,
  ) => void;
  /** Children spawned before the gateway loaded (`run`): each backend's first start adopts its own. */
  readonly early?: EarlyChildren | undefined;
  /** Backoff before the n-th restart (1-based); undefined gives up. */
  readonly restartDelayMs?: (attempt: number) => number | undefined;
}

/** How long a backend must have run for a crash to count as the first of a new series. */
const STABLE_MS = 60_000;

const defaultRestartDelay = (attempt: number): number | undefined =>
  attempt > 5 ? undefined : Math.min(30_000, 500 * 2 ** (attempt - 1));

interface Slot {
  readonly backend: Backend;
  state: BackendState;
  error: GatewayError | undefined;
  startMs: number | undefined;
  restarts: number;
  ready: Promise<void>;
  timer: NodeJS.Timeout | undefined;
  readyAt?: number;
}

/** Starts every backend concurrently, keeps them running, and routes calls to them. */
export class BackendPool {
  private readonly slots = new Map<string, Slot>();
  private readonly restartDelay: (attempt: number) => number | undefined;
  private closed = false;
  private initialRound: Promise<void> = Promise.resolve();

  constructor(private readonly options: BackendPoolOptions) {
    this.restartDelay = options.restartDelayMs ?? defaultRestartDelay;
  }

  /** Spawns every enabled backend now and initializes each once the agent's capabilities are known. */
  start(): void {
    const starts: Promise<void>[] = [];
    for (const server of this.options.servers) {
      if (!server.enabled) continue;
      const slot = this.createSlot(server);
      this.slots.set(server.name, slot);
      starts.push(slot.ready.catch(() => undefined));
    }
    // Each first start took its child above (spawning is synchronous up to that point).
    this.options.early?.release();
    this.initialRound = Promise.all(starts).then(() => undefined);
  }

  /**
   * Applies a new server list while running: added servers start, removed ones stop, changed
   * ones restart, and unchanged ones keep their process (calls in flight are not dropped).
   */
  async reconcile(
    servers: readonly ResolvedServer[],
  ): Promise<{ added: string[]; removed: string[]; restarted: string[] }> {
    const wanted = new Map(servers.filter((s) => s.enabled).map((s) => [s.name, s]));
    const added: string[] = [];
    const removed: string[] = [];
    const restarted: string[] = [];
    const stopping: Promise<void>[] = [];
    for (const [name, slot] of this.slots) {
      const next = wanted.get(name);
      if (next !== undefined && sameServer(slot.backend.config, next)) continue;
      this.slots.delete(name);
      clearTimeout(slot.timer);
      slot.state = 'stopped';
      stopping.push(slot.backend.close());
      (next === undefined ? removed : restarted).push(name);
      this.options.onEvent?.(
        name,
        'exit',
        next === undefined ? 'removed from the config' : 'config changed; restarting',
      );
    }
    await Promise.all(stopping);
    for (const [name, server] of wanted) {
      if (this.slots.has(name)) continue;
      if (!restarted.includes(name)) added.push(name);
      this.slots.set(name, this.createSlot(server));
    }
    this.options.onChange();
    return { added, removed, restarted };
  }

  /** Resolves when every backend has either started or failed once, or after `timeoutMs`. */
  async settled(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.initialRound,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
        // Waiting for backends must not keep a gateway that is shutting down alive.
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
  }

  /** The tool listings of every ready backend, in config order. */
  listings(): { server: string; tools: readonly Tool[] }[] {
    const out: { server: string; tools: readonly Tool[] }[] = [];
    for (const [server, slot] of this.slots)
      if (slot.state === 'ready') out.push({ server, tools: slot.backend.tools });
    return out;
  }

  /** Ready backends, for instructions and capabilities. */
  readyBackends(): Backend[] {
    return [...this.slots.values()]
      .filter((slot) => slot.state === 'ready')
      .map((slot) => slot.backend);
  }

  status(): BackendStatus[] {
    return [...this.slots.entries()].map(([name, slot]) => ({
      name,
      state: slot.state,
      tools: slot.state === 'ready' ? slot.backend.tools.length : 0,
      error: slot.error,
      startMs: slot.startMs,
      restarts: slot.restarts,
    }));
  }

  /** The backend for a call if it is ready now, without waiting. */
  readyBackend(server: string): Backend | undefined {
    const slot = this.slots.get(server);
    return slot?.state === 'ready' ? slot.backend : undefined;
  }

  /** The backend for a call, waiting (within the call's own deadline) if it is still starting. */
  async backendFor(server: string, signal?: AbortSignal): Promise<Backend> {
    const slot = this.slots.get(server);
    if (slot === undefined || slot.state === 'stopped') {
      throw new GatewayError(
        'BACKEND_UNAVAILABLE',
        `Backend "${server}" is not configured or was stopped`,
        {
          details: { server },
        },
      );
    }
    if (slot.state === 'ready') return slot.backend;
    if (slot.state === 'failed') {
      throw new GatewayError(
        'BACKEND_UNAVAILABLE',
        `Backend "${server}" is down: it failed ${slot.restarts + 1} times in a row and the gateway stopped restarting it until the config changes (last error: ${slot.error?.message ?? 'unknown'})`,
        {
          cause: slot.error,
          details: { server },
        },
      );
    }
    traceStartup(`call waits for backend ${server} (${slot.state})`);
    await untilAborted(slot.ready, signal);
    return this.backendFor(server, signal);
  }

  /** Stops every backend and leaves no child behind. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      [...this.slots.values()].map(async (slot) => {
        clearTimeout(slot.timer);
        slot.state = 'stopped';
        await slot.backend.close();
      }),
    );
  }

  /** Kills every backend now, for a shutdown that cannot wait for the graceful steps. */
  kill(): void {
    for (const slot of this.slots.values()) slot.backend.kill();
  }

  private createSlot(server: ResolvedServer): Slot {
    const backend = new Backend(
      server,
      {
        onExit: (b, exit) => {
          this.handleExit(
            b,
            exit === undefined
              ? 'the connection closed'
              : exit.signal !== undefined
                ? `killed by ${exit.signal}`
                : `exited with code ${String(exit.code)}`,
          );
        },
        onToolsChanged: (b) => {
          void this.refreshTools(b);
        },
        onStderr: (b, line) => {
          this.options.logger.backend(b.name, line);
        },
        onProtocolError: (b, error) => {
          this.options.logger.warn(`[${b.name}] ${error.message}`);
        },
        ...this.options.relay,
      },
      () => this.options.early?.take(server),
    );
    const slot: Slot = {
      backend,
      state: 'starting',
      error: undefined,
      startMs: undefined,
      restarts: 0,
      ready: Promise.resolve(),
      timer: undefined,
    };
    slot.ready = this.runStart(slot);
    return slot;
  }

  private async runStart(slot: Slot): Promise<void> {
    const began = performance.now();
    const backend = slot.backend;
    try {
      // Spawning does not need the agent's capabilities: the process boots while the agent initializes.
      // start() awaits the same spawn again and reports its failure; this catch only avoids an unhandled rejection.
      backend.spawn().catch(() => undefined);
      const identity: BackendIdentity = {
        clientInfo: this.options.clientInfo,
        capabilities: await this.options.capabilities,
      };
      await backend.start(identity);
      if (this.closed) {
        await backend.close();
        return;
      }
      slot.state = 'ready';
      slot.readyAt = performance.now();
      slot.error = undefined;
      slot.startMs = Math.round(performance.now() - began);
      this.options.logger.debug(
        `[${backend.name}] ready with ${backend.tools.length} tools in ${slot.startMs} ms`,
      );
      this.options.onEvent?.(
        backend.name,
        slot.restarts === 0 ? 'start' : 'restart',
        `${backend.tools.length} tools in ${slot.startMs} ms`,
      );
      this.options.onChange();
    } catch (error) {
      const failure = isGatewayError(error)
        ? error
        : new GatewayError(
            'BACKEND_PROTOCOL',
            `Backend "${backend.name}" failed to start: ${(error as Error).message}`,
            { cause: error },
          );
      slot.error = failure;
      if (this.closed) return;
      // The first failure is news; repeats of it during backoff are not.
      if (slot.restarts === 0) this.options.logger.error(failure.message);
      else this.options.logger.debug(`retry ${slot.restarts} failed: ${failure.message}`);
      this.scheduleRestart(slot);
      throw failure;
    }
  }

  private handleExit(backend: Backend, how: string): void {
    const slot = this.slots.get(backend.name);
    // Exits during startup are reported by runStart; only a running backend's exit is handled here.
    if (slot?.backend !== backend || this.closed || slot.state !== 'ready') return;
    slot.error = new GatewayError('BACKEND_EXITED', `Backend "${backend.name}" ${how}`, {
      details: { server: backend.name },
    });
    this.options.logger.error(`${slot.error.message}; restarting`);
    this.options.onEvent?.(backend.name, 'exit', how);
    void backend.close();
    slot.state = 'restarting';
    // A backend that ran a good while before crashing starts its backoff afresh.
    if (slot.readyAt !== undefined && performance.now() - slot.readyAt > STABLE_MS)
      slot.restarts = 0;
    this.options.onChange();
    this.scheduleRestart(slot);
  }

  private scheduleRestart(slot: Slot): void {
    const attempt = slot.restarts + 1;
    const delay = this.restartDelay(attempt);
    if (delay === undefined) {
      slot.state = 'failed';
      this.options.onEvent?.(slot.backend.name, 'failed', slot.error?.message ?? 'failed to start');
      this.options.logger.error(
        `Backend "${slot.backend.name}" failed ${attempt} times in a row; giving up until the config changes.`,
      );
      this.options.onChange();
      return;
    }
    slot.state = 'restarting';
    let release: () => void = () => undefined;
    slot.ready = new Promise<void>((resolve) => {
      release = resolve;
    });
    slot.timer = setTimeout(() => {
      if (this.closed) return;
      slot.restarts = attempt;
      const fresh = this.createSlot(slot.backend.config);
      fresh.restarts = attempt;
      this.slots.set(slot.backend.name, fresh);
      fresh.ready.then(release, release);
    }, delay);
    slot.timer.unref();
  }

  private async refreshTools(backend: Backend): Promise<void> {
    const slot = this.slots.get(backend.name);
    if (slot?.backend !== backend || slot.state !== 'ready') return;
    try {
      backend.tools = await backend.listAllTools();
      this.options.onChange();
    } catch (error) {
      this.options.logger.warn(
        `[${backend.name}] could not refresh its tools: ${(error as Error).message}`,
      );
    }
  }
}

/** Two resolved server entries that would start the same process (or connection). */
const sameServer = (a: ResolvedServer, b: ResolvedServer): boolean =>
  JSON.stringify(a) === JSON.stringify(b);
