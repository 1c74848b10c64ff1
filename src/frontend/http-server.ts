import { randomUUID, timingSafeEqual } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import { isIPv4, isIPv6, type AddressInfo } from 'node:net';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { DEFAULT_MAX_CONNECTIONS, limitConnections } from './connection-limit.js';

/** Where MCP is served. */
export const MCP_PATH = '/mcp';

/** Sessions open at once unless `maxSessions` says otherwise. */
export const DEFAULT_MAX_SESSIONS = 64;

/** A session with no request for this long is closed, unless `idleTimeoutMs` says otherwise. */
export const DEFAULT_IDLE_TIMEOUT_MS = 30 * 60 * 1000;

// The SDK's own limit for a message body; an initialize is far smaller.
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface HttpFrontOptions {
  readonly host: string;
  readonly port: number;
  /** A new agent-facing server for each session (it may wait until the gateway is ready). */
  readonly openSession: () => Server | Promise<Server>;
  /** Required `Authorization: Bearer <token>`; undefined only for loopback with --no-auth. */
  readonly token: string | undefined;
  readonly onError: (message: string) => void;
  /** Most sessions open at once; an initialize beyond it gets 503 (default 64). */
  readonly maxSessions?: number;
  /** A session with no request in flight for this long is closed (default 30 min). */
  readonly idleTimeoutMs?: number;
  /** Most TCP connections held at once; idle ones make room for new ones (default 256). */
  readonly maxConnections?: number;
  /** Something worth a warning that is not an error (the connection cap reached). */
  readonly onWarning?: (message: string) => void;
}

/** The gateway over Streamable HTTP: one MCP session per client. */
export interface HttpFront {
  readonly url: string;
  /** Sessions open now (for tests and status). */
  readonly sessions: () => number;
  close(): Promise<void>;
}

/** Why the listener could not start: the port, the address or the host name. */
export class ListenError extends Error {
  override readonly name = 'ListenError';
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * True for addresses only this machine can reach: `localhost`, and IP literals in 127.0.0.0/8
 * or ::1 (also written out, or as IPv4-mapped 127.x). A name such as `127.attacker.example` is
 * not one, whatever it starts with: DNS decides where it points.
 */
export const isLoopback = (host: string): boolean => {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare.toLowerCase() === 'localhost') return true;
  if (isIPv4(bare)) return bare.startsWith('127.');
  if (!isIPv6(bare)) return false;
  // The URL parser writes every IPv6 literal in its one canonical form.
  const canonical = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  if (canonical === '::1') return true;
  const mapped = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(canonical);
  return mapped?.[1] !== undefined && Number.parseInt(mapped[1], 16) >> 8 === 127;
};

interface Session {
  readonly transport: StreamableHTTPServerTransport;
  lastActive: number;
  /** Requests (including a standing GET stream) not yet answered: such a session is not idle. */
  inFlight: number;
}

const listenFailure = (error: unknown, host: string, port: number): ListenError => {
  const code = (error as NodeJS.ErrnoException).code;
  const where = `${host}:${String(port)}`;
  const message =
    code === 'EADDRINUSE'
      ? `Cannot listen on ${where}: the port is in use by another process; pick another port, or 0 for a free one`
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME'
        ? `Cannot listen on ${where}: the host name "${host}" does not resolve; give an IP address of this machine, such as 127.0.0.1`
        : code === 'EADDRNOTAVAIL'
          ? `Cannot listen on ${where}: ${host} is not an address of this machine`
          : code === 'EACCES'
            ? `Cannot listen on ${where}: permission denied (ports below 1024 need privileges); pick a port above 1024`
            : `Cannot listen on ${where}: ${(error as Error).message}`;
  return new ListenError(message, code);
};

/** Reads a request body up to `limit` bytes; undefined when it is larger. */
const readBody = (req: IncomingMessage, limit: number): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      resolve(undefined);
    };
    req.on('data', onData);
    req.once('end', () => {
      resolve(Buffer.concat(chunks));
    });
    req.once('error', reject);
  });

const parseJson = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
};

/** The initialize request in a body (a message or a batch of one), or undefined. */
const initializeIn = (message: unknown): { id: unknown } | undefined => {
  const single: unknown = Array.isArray(message) && message.length === 1 ? message[0] : message;
  // The request schema leaves `id` out; the envelope carries it.
  return isInitializeRequest(single) ? { id: (single as { id?: unknown }).id ?? null } : undefined;
};

/**
 * Serves the gateway at `http://HOST:PORT/mcp`. Host and Origin headers must name this server
 * (DNS-rebinding defence), and every request carries the bearer token unless auth is off. A
 * session opens only on a valid initialize, at most `maxSessions` at once, and closes when idle.
 */
export const startHttpFront = async (options: HttpFrontOptions): Promise<HttpFront> => {
  const maxSessions = options.maxSessions ?? DEFAULT_MAX_SESSIONS;
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const sessions = new Map<string, Session>();
  // Initialize requests being answered: they count against the cap before they have an id.
  let opening = 0;
  let actualPort = options.port;
  const loopback = isLoopback(options.host);
  const allowedHosts = (): string[] => {
    const own = options.host.includes(':') ? `[${options.host}]` : options.host;
    const names = loopback ? [...new Set(['localhost', '127.0.0.1', '[::1]', own])] : [own];
    return names.map((name) => `${name}:${actualPort}`);
  };
  const allowedOrigins = (): string[] => allowedHosts().map((host) => `http://${host}`);

  const reject = (
    res: ServerResponse,
    status: number,
    error: { code: number; message: string },
    id: unknown = null,
  ): void => {
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify({ jsonrpc: '2.0', error, id }));
  };
  const rejectWith = (res: ServerResponse, status: number, message: string): void => {
    reject(res, status, { code: -32000, message });
  };

  const authorized = (req: IncomingMessage): boolean => {
    if (options.token === undefined) return true;
    const header = req.headers.authorization ?? '';
    const expected = Buffer.from(`Bearer ${options.token}`);
    const given = Buffer.from(header);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  /** Counts a request against its session until the response ends, so it is never idle mid-call. */
  const track = (session: Session, res: ServerResponse): void => {
    session.inFlight++;
    session.lastActive = Date.now();
    res.once('close', () => {
      session.inFlight--;
      session.lastActive = Date.now();
    });
  };

  const openSession = async (
    req: IncomingMessage,
    res: ServerResponse,
    body: unknown,
    id: unknown,
  ): Promise<void> => {
    if (sessions.size + opening >= maxSessions) {
      res.setHeader('retry-after', String(Math.ceil(Math.min(idleTimeoutMs, 60_000) / 1000)));
      reject(
        res,
        503,
        {
          code: -32000,
          message: `Too many sessions: ${String(maxSessions)} are open, the most this gateway serves (serve --max-sessions). Close one (DELETE ${MCP_PATH} with its Mcp-Session-Id) or retry later: sessions idle for ${String(Math.round(idleTimeoutMs / 1000))} s are closed.`,
        },
        id,
      );
      return;
    }
    opening++;
    let transport: StreamableHTTPServerTransport | undefined;
    try {
      const created = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (sessionId) => {
          const session: Session = { transport: created, lastActive: Date.now(), inFlight: 0 };
          sessions.set(sessionId, session);
          track(session, res);
        },
      });
      transport = created;
      created.onclose = () => {
        if (created.sessionId !== undefined) sessions.delete(created.sessionId);
      };
      await (await options.openSession()).connect(created);
      await created.handleRequest(req, res, body);
    } finally {
      opening--;
      // An initialize the SDK refused (wrong Accept header, …) leaves a transport no one can
      // reach: close it now, with the agent-facing server it was connected to.
      if (transport?.sessionId === undefined || !sessions.has(transport.sessionId)) {
        await transport?.close().catch(() => undefined);
      }
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (url.pathname !== MCP_PATH) {
      rejectWith(res, 404, `Not found: MCP is served at ${MCP_PATH}`);
      return;
    }
    // A web page the user visits must not reach a local gateway through a rebound DNS name;
    // a gateway on a public address relies on its bearer token instead.
    if (loopback && !allowedHosts().includes(req.headers.host ?? '')) {
      rejectWith(res, 403, 'Forbidden: unexpected Host header');
      return;
    }
    const origin = req.headers.origin;
    if (loopback && origin !== undefined && !allowedOrigins().includes(origin)) {
      rejectWith(res, 403, 'Forbidden: unexpected Origin header');
      return;
    }
    if (!authorized(req)) {
      res.setHeader('www-authenticate', 'Bearer');
      rejectWith(res, 401, 'Unauthorized: send Authorization: Bearer <token>');
      return;
    }
    const sessionId = req.headers['mcp-session-id'];
    if (typeof sessionId === 'string') {
      const session = sessions.get(sessionId);
      if (session === undefined) {
        reject(res, 404, {
          code: -32001,
          message: 'Session not found (closed, or idle too long): initialize a new session',
        });
        return;
      }
      track(session, res);
      await session.transport.handleRequest(req, res);
      return;
    }
    // Without a session only an initialize is meaningful; nothing is allocated for the rest.
    if (req.method !== 'POST') {
      rejectWith(res, 400, 'Bad request: no session; start with an initialize POST');
      return;
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === undefined) {
      res.setHeader('connection', 'close');
      rejectWith(res, 413, `Payload too large: the limit is ${String(MAX_BODY_BYTES)} bytes`);
      res.once('finish', () => req.destroy());
      return;
    }
    const message = parseJson(body);
    if (message === undefined) {
      reject(res, 400, { code: -32700, message: 'Parse error: the body is not JSON' });
      return;
    }
    const initialize = initializeIn(message);
    // What the SDK would refuse after a session was built for it is refused before.
    const accept = req.headers.accept ?? '';
    if (
      initialize !== undefined &&
      !(accept.includes('application/json') && accept.includes('text/event-stream'))
    ) {
      reject(
        res,
        406,
        {
          code: -32000,
          message:
            'Not Acceptable: the client must accept both application/json and text/event-stream',
        },
        initialize.id,
      );
      return;
    }
    if (initialize === undefined) {
      reject(res, 400, {
        code: -32600,
        message:
          'Bad request: no session. Send a valid initialize request first, then the Mcp-Session-Id it returns with every request',
      });
      return;
    }
    await openSession(req, res, message, initialize.id);
  };

  const server: HttpServer = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.onError(`HTTP request failed: ${(error as Error).message}`);
      if (!res.headersSent) rejectWith(res, 500, 'Internal error');
    });
  });
  limitConnections(server, {
    max: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    onFull: options.onWarning ?? options.onError,
    now: () => Date.now(),
  });
  await new Promise<void>((resolve, rejectListen) => {
    server.once('error', (error) => {
      rejectListen(listenFailure(error, options.host, options.port));
    });
    server.listen(options.port, options.host, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  server.on('error', (error) => {
    options.onError(`HTTP server error: ${error.message}`);
  });
  actualPort = (server.address() as AddressInfo).port;

  // Idle sessions are closed; a session with a request or a stream open is never idle.
  const sweep = setInterval(
    () => {
      const now = Date.now();
      for (const session of sessions.values()) {
        if (session.inFlight === 0 && now - session.lastActive >= idleTimeoutMs) {
          void session.transport.close().catch(() => undefined);
        }
      }
    },
    Math.max(100, Math.min(idleTimeoutMs / 4, 30_000)),
  );
  sweep.unref();

  const hostForUrl =
    options.host.includes(':') && !options.host.startsWith('[')
      ? `[${options.host}]`
      : options.host;
  return {
    url: `http://${hostForUrl}:${actualPort}${MCP_PATH}`,
    sessions: () => sessions.size,
    close: async () => {
      clearInterval(sweep);
      await Promise.all(
        [...sessions.values()].map((s) => s.transport.close().catch(() => undefined)),
      );
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
};
