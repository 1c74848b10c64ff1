import { randomUUID, timingSafeEqual } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

/** Where MCP is served. */
export const MCP_PATH = '/mcp';

export interface HttpFrontOptions {
  readonly host: string;
  readonly port: number;
  /** A new agent-facing server for each session. */
  readonly openSession: () => Server;
  /** Required `Authorization: Bearer <token>`; undefined only for loopback with --no-auth. */
  readonly token: string | undefined;
  readonly onError: (message: string) => void;
}

/** The gateway over Streamable HTTP: one MCP session per client. */
export interface HttpFront {
  readonly url: string;
  close(): Promise<void>;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for addresses only this machine can reach. */
export const isLoopback = (host: string): boolean =>
  LOOPBACK_NAMES.has(host) || host.startsWith('127.');

/**
 * Serves the gateway at `http://HOST:PORT/mcp`. Host and Origin headers must name this server
 * (DNS-rebinding defence), and every request carries the bearer token unless auth is off.
 */
export const startHttpFront = async (options: HttpFrontOptions): Promise<HttpFront> => {
  const transports = new Map<string, StreamableHTTPServerTransport>();
  let actualPort = options.port;
  const loopback = isLoopback(options.host);
  const allowedHosts = (): string[] => {
    const own = options.host.includes(':') ? `[${options.host}]` : options.host;
    const names = isLoopback(options.host)
      ? [...new Set(['localhost', '127.0.0.1', '[::1]', own])]
      : [own];
    return names.map((name) => `${name}:${actualPort}`);
  };
  const allowedOrigins = (): string[] => allowedHosts().map((host) => `http://${host}`);

  const reject = (res: ServerResponse, status: number, message: string): void => {
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
  };

  const authorized = (req: IncomingMessage): boolean => {
    if (options.token === undefined) return true;
    const header = req.headers.authorization ?? '';
    const expected = Buffer.from(`Bearer ${options.token}`);
    const given = Buffer.from(header);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (url.pathname !== MCP_PATH) {
      reject(res, 404, `Not found: MCP is served at ${MCP_PATH}`);
      return;
    }
    // A web page the user visits must not reach a local gateway through a rebound DNS name;
    // a gateway on a public address relies on its bearer token instead.
    if (loopback && !allowedHosts().includes(req.headers.host ?? '')) {
      reject(res, 403, 'Forbidden: unexpected Host header');
      return;
    }
    const origin = req.headers.origin;
    if (loopback && origin !== undefined && !allowedOrigins().includes(origin)) {
      reject(res, 403, 'Forbidden: unexpected Origin header');
      return;
    }
    if (!authorized(req)) {
      res.setHeader('www-authenticate', 'Bearer');
      reject(res, 401, 'Unauthorized: send Authorization: Bearer <token>');
      return;
    }
    const sessionId = req.headers['mcp-session-id'];
    const existing = typeof sessionId === 'string' ? transports.get(sessionId) : undefined;
    if (existing !== undefined) {
      await existing.handleRequest(req, res);
      return;
    }
    if (typeof sessionId === 'string') {
      reject(res, 404, 'Session not found: initialize a new session');
      return;
    }
    if (req.method !== 'POST') {
      reject(res, 400, 'Bad request: no session; start with an initialize POST');
      return;
    }
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        transports.set(id, transport);
      },
    });
    transport.onclose = () => {
      if (transport.sessionId !== undefined) transports.delete(transport.sessionId);
    };
    await options.openSession().connect(transport);
    await transport.handleRequest(req, res);
  };

  const server: HttpServer = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.onError(`HTTP request failed: ${(error as Error).message}`);
      if (!res.headersSent) reject(res, 500, 'Internal error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  actualPort = (server.address() as AddressInfo).port;
  const hostForUrl =
    options.host.includes(':') && !options.host.startsWith('[')
      ? `[${options.host}]`
      : options.host;
  return {
    url: `http://${hostForUrl}:${actualPort}${MCP_PATH}`,
    close: async () => {
      await Promise.all([...transports.values()].map((t) => t.close().catch(() => undefined)));
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
};
