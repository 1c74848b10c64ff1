import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import {
  McpError,
  type ResultSchema,
  ToolListChangedNotificationSchema,
  type ClientCapabilities,
  type Implementation,
  type Progress,
  type ServerCapabilities,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { GatewayError } from '../core/errors.js';
import type { CallCancellation, ToolCallOutcome } from '../core/tool-call.js';
import type { ResolvedServer } from '../config/resolve.js';
import type { ChildExit } from './child-transport.js';
import type { SpawnedChild } from './spawn-child.js';
import { BackendChannel } from './backend-channel.js';
import { openTransport, type BackendTransport } from './open-transport.js';
import { traceStartup } from './startup-trace.js';

/** Largest message a stdio backend may send (results of a few MB are normal). */
export const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
const STDERR_TAIL_LINES = 20;

/** What a Backend tells its owner about. */
export interface BackendEvents {
  /** The backend went away without being asked to. */
  readonly onExit: (backend: Backend, exit: ChildExit | undefined) => void;
  /** The backend said its tools changed. */
  readonly onToolsChanged: (backend: Backend) => void;
  /** A line the backend wrote to stderr. */
  readonly onStderr: (backend: Backend, line: string) => void;
  /** A protocol problem that did not stop the backend (garbage line, oversized message). */
  readonly onProtocolError: (backend: Backend, error: Error) => void;
  /** Any other notification (log messages, resource updates, list changes) to relay or act on. */
  readonly onNotification?: (
    backend: Backend,
    notification: { method: string; params?: Record<string, unknown> | undefined },
  ) => void;
  /** A request from the backend to the client (sampling, elicitation, roots) to relay to the agent. */
  readonly onRequest?: (
    backend: Backend,
    request: { method: string; params?: Record<string, unknown> | undefined },
    signal: AbortSignal,
  ) => Promise<Record<string, unknown>>;
}

/** How the gateway identifies itself to backends and what it may ask them for. */
export interface BackendIdentity {
  readonly clientInfo: Implementation;
  readonly capabilities: ClientCapabilities;
}

// Results go back to the agent as the backend wrote them; the SDK parsed the frame already.
const passThrough = {
  safeParse: (data: unknown) => ({ success: true as const, data }),
} as unknown as typeof ResultSchema;

// The gateway relays structured results instead of checking them against outputSchema, so the
// Client need not compile an Ajv validator for every listed tool.
const noOutputValidation: jsonSchemaValidator = {
  getValidator: () => (input) => ({ valid: true, data: input as never, errorMessage: undefined }),
};

/** Options of one forwarded tools/call. */
export interface CallOptions {
  readonly signal?: AbortSignal | undefined;
  /** Cancellation without a signal (the agent-facing lane's calls); preferred over `signal`. */
  readonly cancellation?: CallCancellation | undefined;
  readonly timeoutMs: number;
  readonly onProgress?: ((progress: Progress) => void) | undefined;
  readonly meta?: Readonly<Record<string, unknown>> | undefined;
}

/** One MCP server behind the gateway: its process or connection and its SDK Client session. */
export class Backend {
  tools: readonly Tool[] = [];
  private client: Client | undefined;
  private channel: BackendChannel | undefined;
  private readonly link: BackendTransport;
  private readonly stderrTail: string[] = [];
  private closing = false;
  private spawning: Promise<void> | undefined;

  constructor(
    readonly config: ResolvedServer,
    private readonly events: BackendEvents,
    adopt?: () => SpawnedChild | undefined,
  ) {
    this.link = openTransport(config, {
      adopt,
      maxMessageBytes: MAX_MESSAGE_BYTES,
      shutdownGraceMs: 2000,
      onStderr: (line) => {
        this.stderrTail.push(line);
        if (this.stderrTail.length > STDERR_TAIL_LINES) this.stderrTail.shift();
        this.events.onStderr(this, line);
      },
    });
  }

  get name(): string {
    return this.config.name;
  }

  /** The child process id of a stdio backend. */
  get pid(): number | undefined {
    return this.link.pid;
  }

  get instructions(): string | undefined {
    return this.client?.getInstructions();
  }

  get serverInfo(): Implementation | undefined {
    return this.client?.getServerVersion();
  }

  get capabilities(): ServerCapabilities | undefined {
    return this.client?.getServerCapabilities();
  }

  /** The last lines the backend wrote to stderr, for error messages. */
  get recentStderr(): readonly string[] {
    return this.stderrTail;
  }

  /** Starts the process (or nothing, for remote) so it boots while the agent initializes. */
  spawn(): Promise<void> {
    this.spawning ??= this.link.spawn().catch((error: unknown) => {
      throw new GatewayError(
        'BACKEND_SPAWN_FAILED',
        `Backend "${this.name}" could not be started: ${(error as Error).message} (${this.link.target}). Check that the command is installed and on PATH.`,
        { cause: error, details: { server: this.name } },
      );
    });
    return this.spawning;
  }

  /** Spawns if needed, initializes the MCP session and lists every tool, within the startup timeout. */
  async start(identity: BackendIdentity): Promise<void> {
    const deadline = AbortSignal.timeout(this.config.startupTimeoutMs);
    try {
      await this.spawn();
      traceStartup(`backend ${this.name}: initialize sent`);
      await this.link.connect((transport) => this.connect(transport, identity, deadline), deadline);
      traceStartup(`backend ${this.name}: initialize answered; tools/list sent`);
      this.tools = await this.listAllTools(deadline);
      traceStartup(`backend ${this.name}: tools listed (${this.tools.length})`);
    } catch (error) {
      await this.close();
      throw this.explainStartFailure(error, deadline);
    }
  }

  /** Every tool over every page of tools/list. */
  async listAllTools(signal?: AbortSignal): Promise<Tool[]> {
    const client = this.requireClient();
    if (client.getServerCapabilities()?.tools === undefined) return [];
    const tools: Tool[] = [];
    let cursor: string | undefined;
    const seen = new Set<string>();
    do {
      const page = await client.listTools(cursor === undefined ? {} : { cursor }, {
        ...(signal === undefined ? {} : { signal }),
        timeout: this.config.startupTimeoutMs,
      });
      tools.push(...page.tools);
      cursor = page.nextCursor;
      // A server that hands out the same cursor twice would otherwise loop forever.
      if (cursor !== undefined && seen.has(cursor)) break;
      if (cursor !== undefined) seen.add(cursor);
    } while (cursor !== undefined);
    return tools;
  }

  /**
   * Forwards one tools/call with the backend's own tool name, on the hot path: straight onto
   * the channel, bypassing the SDK Client, the result not re-validated. The outcome is the
   * backend's result or a failure naming the backend; the promise never rejects.
   */
  callTool(
    tool: string,
    args: Readonly<Record<string, unknown>>,
    options: CallOptions,
  ): Promise<ToolCallOutcome> {
    // Not async: on the hot path an async frame and its await cost more than the call's write.
    const channel = this.channel;
    if (channel === undefined || this.client === undefined)
      return Promise.resolve({ kind: 'failed', error: this.notConnected() });
    return channel.callTool({ name: tool, arguments: args }, options);
  }

  /** Forwards any request with its params as the agent sent them; the answer is not re-validated. */
  async request(
    method: string,
    params: Record<string, unknown> | undefined,
    options: { readonly signal?: AbortSignal | undefined; readonly timeoutMs?: number },
  ): Promise<Record<string, unknown>> {
    const client = this.requireClient();
    try {
      return await client.request(
        { method, ...(params === undefined ? {} : { params }) },
        passThrough,
        {
          timeout: options.timeoutMs ?? this.config.callTimeoutMs,
          ...(options.signal === undefined ? {} : { signal: options.signal }),
        },
      );
    } catch (error) {
      throw this.explainCallFailure(error, options.timeoutMs ?? this.config.callTimeoutMs);
    }
  }

  /** Sends a notification to the backend (e.g. the agent's roots/list_changed). */
  async notify(method: string, params?: Record<string, unknown>): Promise<void> {
    await this.client?.notification({ method, ...(params === undefined ? {} : { params }) });
  }

  /** Every item over every page of a list method (prompts/list, resources/list, …). */
  async listAll<T>(method: string, key: string, signal?: AbortSignal): Promise<T[]> {
    const items: T[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.request(method, cursor === undefined ? undefined : { cursor }, {
        signal,
      });
      items.push(...((page[key] ?? []) as T[]));
      const next = page['nextCursor'];
      cursor = typeof next === 'string' && !seen.has(next) ? next : undefined;
      if (cursor !== undefined) seen.add(cursor);
    } while (cursor !== undefined);
    return items;
  }

  /** Ends the session and the process (stdin EOF → SIGTERM → SIGKILL). Idempotent. */
  async close(): Promise<void> {
    this.closing = true;
    const client = this.client;
    this.client = undefined;
    if (client !== undefined) await client.close().catch(() => undefined);
    // A child spawned but never connected (its start failed or timed out) is closed here.
    else await this.link.close();
  }

  /** Kills a stdio backend's process group at once; close() then completes promptly. */
  kill(): void {
    this.link.kill();
  }

  private async connect(
    transport: Transport,
    identity: BackendIdentity,
    signal: AbortSignal,
  ): Promise<void> {
    const client = new Client(identity.clientInfo, {
      capabilities: identity.capabilities,
      jsonSchemaValidator: noOutputValidation,
    });
    client.onerror = (error) => {
      this.events.onProtocolError(this, error);
    };
    client.onclose = () => {
      if (!this.closing && this.client === client) this.events.onExit(this, this.link.exit);
    };
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      this.events.onToolsChanged(this);
    });
    client.fallbackNotificationHandler = (notification) => {
      this.events.onNotification?.(this, notification);
      return Promise.resolve();
    };
    const onRequest = this.events.onRequest;
    if (onRequest !== undefined) {
      // Requests the agent declared support for are relayed; the SDK answers anything else.
      client.fallbackRequestHandler = (request, extra) => onRequest(this, request, extra.signal);
    }
    const channel = new BackendChannel(transport, this.name);
    this.client = client;
    this.channel = channel;
    try {
      await client.connect(channel, { signal, timeout: this.config.startupTimeoutMs });
    } catch (error) {
      this.client = undefined;
      await client.close().catch(() => undefined);
      throw error;
    }
  }

  private requireClient(): Client {
    if (this.client === undefined) throw this.notConnected();
    return this.client;
  }

  private notConnected(): GatewayError {
    return new GatewayError('BACKEND_UNAVAILABLE', `Backend "${this.name}" is not connected`, {
      details: { server: this.name },
    });
  }

  private explainStartFailure(error: unknown, deadline: AbortSignal): GatewayError {
    if (error instanceof GatewayError) return error;
    const what = this.link.target;
    const stderr =
      this.stderrTail.length > 0 ? ` Last stderr: ${this.stderrTail.slice(-3).join(' | ')}` : '';
    if (deadline.aborted) {
      return new GatewayError(
        'BACKEND_TIMEOUT',
        `Backend "${this.name}" did not finish starting within ${this.config.startupTimeoutMs} ms (${what}). Raise servers.${this.name}.timeouts.startup if it is just slow.${stderr}`,
        { cause: error, details: { server: this.name } },
      );
    }
    const exit = this.link.exit;
    if (exit !== undefined) {
      const how =
        exit.signal !== undefined
          ? `was killed by ${exit.signal}`
          : `exited with code ${String(exit.code)}`;
      return new GatewayError(
        'BACKEND_EXITED',
        `Backend "${this.name}" ${how} before answering initialize (${what}).${stderr}`,
        {
          cause: error,
          details: { server: this.name, exit },
        },
      );
    }
    return new GatewayError(
      'BACKEND_PROTOCOL',
      `Backend "${this.name}" failed during initialize: ${(error as Error).message} (${what}).${stderr}`,
      { cause: error, details: { server: this.name } },
    );
  }

  private explainCallFailure(error: unknown, timeoutMs: number): GatewayError {
    if (error instanceof McpError) {
      if (error.code === -32001) {
        return new GatewayError(
          'CALL_TIMEOUT',
          `Backend "${this.name}" did not answer within ${timeoutMs} ms; the call was cancelled.`,
          {
            cause: error,
            details: { server: this.name },
          },
        );
      }
      if (error.code === -32000) {
        return new GatewayError(
          'BACKEND_EXITED',
          `Backend "${this.name}" closed the connection while the call was running.`,
          {
            cause: error,
            details: { server: this.name },
          },
        );
      }
      const prefix = `MCP error ${error.code}: `;
      const message = error.message.startsWith(prefix)
        ? error.message.slice(prefix.length)
        : error.message;
      return new GatewayError('BACKEND_ERROR', message, {
        cause: error,
        details: { server: this.name, rpcCode: error.code, rpcData: error.data },
      });
    }
    if (error instanceof GatewayError) return error;
    return new GatewayError(
      'BACKEND_UNAVAILABLE',
      `Backend "${this.name}" could not take the call: ${(error as Error).message}`,
      {
        cause: error,
        details: { server: this.name },
      },
    );
  }
}
