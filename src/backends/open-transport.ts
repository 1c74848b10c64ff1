import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { ResolvedServer } from '../config/resolve.js';
import { ChildTransport, type ChildExit } from './child-transport.js';
import type { SpawnedChild } from './spawn-child.js';

/** What opening a backend's transport needs from its owner. */
export interface OpenTransportOptions {
  /** Largest single message accepted from a stdio child. */
  readonly maxMessageBytes: number;
  /** Grace before each escalation step when a stdio child is closed. */
  readonly shutdownGraceMs: number;
  /** Each line a stdio child writes to stderr. */
  readonly onStderr: (line: string) => void;
  /** A child spawned before the gateway loaded, to use for this stdio backend instead of spawning. */
  readonly adopt?: (() => SpawnedChild | undefined) | undefined;
}

/**
 * How one backend is reached, whatever its kind: a child process over stdio, or a URL over
 * Streamable HTTP with the legacy SSE fallback. The only place that looks at `config.kind`
 * to decide how bytes travel.
 */
export interface BackendTransport {
  /** The backend as the user wrote it, safe for messages: the command, or the URL's origin and path. */
  readonly target: string;
  /** The child's pid, for a stdio backend that was spawned. */
  readonly pid: number | undefined;
  /** How the child ended, once it has (stdio only). */
  readonly exit: ChildExit | undefined;
  /** Starts the child now so it boots while the agent initializes; nothing to do for a URL. */
  spawn(): Promise<void>;
  /**
   * Runs `connect` over each way this backend can be reached, in order, until one works
   * (auto: Streamable HTTP, then legacy SSE); resolves with the transport that worked.
   */
  connect(
    connect: (transport: Transport) => Promise<void>,
    signal: AbortSignal,
  ): Promise<Transport>;
  /** Closes a child that was spawned but never connected (a connected one closes with its Client). */
  close(): Promise<void>;
  /** Ends a child at once (SIGKILL to its process group); nothing for a URL. */
  kill(): void;
}

/** The one seam for backend transport kinds. */
export const openTransport = (
  config: ResolvedServer,
  options: OpenTransportOptions,
): BackendTransport => (config.kind === 'stdio' ? openStdio(config, options) : openRemote(config));

const openStdio = (
  config: ResolvedServer & { kind: 'stdio' },
  options: OpenTransportOptions,
): BackendTransport => {
  const transport = new ChildTransport({
    command: config.command,
    args: config.args,
    env: config.env,
    cwd: config.cwd,
    inheritEnv: config.inheritEnv,
    maxMessageBytes: options.maxMessageBytes,
    shutdownGraceMs: options.shutdownGraceMs,
    onStderr: options.onStderr,
    adopt: options.adopt,
  });
  return {
    // The command as written in the config: expanded ${env:…} values may be secrets.
    target: `command: ${config.display}`,
    get pid() {
      return transport.pid;
    },
    get exit() {
      return transport.exit;
    },
    spawn: () => transport.start(),
    connect: async (connect) => {
      await connect(transport);
      return transport;
    },
    close: () => transport.close().catch(() => undefined),
    kill: () => {
      transport.kill();
    },
  };
};

const openRemote = (config: ResolvedServer & { kind: 'remote' }): BackendTransport => ({
  // The URL as written: a key in its path stays `${env:…}`, query and credentials are cut.
  target: `url: ${config.display}`,
  pid: undefined,
  exit: undefined,
  spawn: () => Promise.resolve(),
  connect: async (connect, signal) => {
    const url = new URL(config.url);
    const requestInit: RequestInit = { headers: { ...config.headers } };
    // Remote transports pull in HTTP, SSE and OAuth code; stdio-only setups never load it.
    const [{ StreamableHTTPClientTransport }, { SSEClientTransport }] = await Promise.all([
      import('@modelcontextprotocol/sdk/client/streamableHttp.js'),
      import('@modelcontextprotocol/sdk/client/sse.js'),
    ]);
    if (config.transport !== 'sse') {
      const transport = new StreamableHTTPClientTransport(url, { requestInit });
      try {
        await connect(transport);
        return transport;
      } catch (error) {
        // Legacy servers answer the Streamable HTTP POST with 4xx; try the old SSE transport.
        if (config.transport === 'streamable-http' || signal.aborted) throw error;
        await transport.close().catch(() => undefined);
      }
    }
    const transport = new SSEClientTransport(url, {
      requestInit,
      eventSourceInit: { fetch: withHeaders(config.headers) },
    });
    await connect(transport);
    return transport;
  },
  close: () => Promise.resolve(),
  kill: () => undefined,
});

const withHeaders =
  (headers: Readonly<Record<string, string>>) =>
  (input: string | URL | Request, init?: RequestInit): Promise<Response> =>
    fetch(input, {
      ...init,
      headers: { ...(init?.headers as Record<string, string> | undefined), ...headers },
    });
