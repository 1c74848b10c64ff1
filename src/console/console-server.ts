import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/logger.js';
import type { AuditStatusReader } from './audit-status.js';
import { ConsoleApi, type ApiAnswer } from './console-api.js';
import { ConsoleAssets } from './console-assets.js';
import { ConsoleAuth, type ConsoleCaller } from './console-auth.js';
import type { ConsoleSource } from './console-source.js';

/** Only this machine reaches the console. */
export const CONSOLE_HOST = '127.0.0.1';

export interface ConsoleServerOptions {
  readonly source: ConsoleSource;
  /** 0 picks a free port. */
  readonly port: number;
  readonly logger: Logger;
}

/** The running console. */
export interface ConsoleServer {
  /** `http://127.0.0.1:PORT` (no credentials). */
  readonly url: string;
  readonly port: number;
  /** For `Authorization: Bearer` (the CLI reads it from the state folder). */
  readonly apiToken: string;
  /** A URL that logs a browser in once; without `ttlMs` it is good until used. */
  loginUrl(options?: { readonly ttlMs?: number; readonly page?: string }): string;
  close(): Promise<void>;
}

/** Live views held open at once; more are refused (each costs a socket and listeners). */
const MAX_EVENT_STREAMS = 16;
const HEARTBEAT_MS = 15_000;
const MAX_BODY_BYTES = 16 * 1024;
const PAGES = new Set(['now', 'calls', 'approvals', 'changes', 'audit']);

// The page loads only its own files; nothing may frame it, and no URL leaves in a Referer.
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

const LOGIN_HELP = `<!doctype html><meta charset="utf-8"><title>mcp-gateway console</title>
<body style="font:16px system-ui;margin:3em;max-width:40em">
<h1>mcp-gateway console</h1>
<p>This page needs a login link. Each link works once. Run <code>mcp-gateway console</code>
in a terminal for a new one (it opens the browser), or use the link the gateway printed on stderr
when it started.</p></body>`;

const send = (
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  headers: Readonly<Record<string, string>> = {},
): void => {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, ...headers }).end(body);
};

const sendJson = (res: ServerResponse, answer: ApiAnswer): void => {
  send(res, answer.status, JSON.stringify(answer.body), 'application/json; charset=utf-8');
};

const readJsonBody = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RangeError('body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as unknown);
};

/**
 * The local console: a page and a JSON + server-sent-events API on 127.0.0.1. Every request
 * must name this server in Host (DNS rebinding) and, when it has an Origin, come from this
 * origin; every request but the login needs a session cookie or the API token; every state
 * change needs the session's CSRF token in a header and a JSON body.
 */
export const startConsoleServer = async (options: ConsoleServerOptions): Promise<ConsoleServer> => {
  const { source, logger } = options;
  const assets = new ConsoleAssets();
  let auditReader: Promise<AuditStatusReader> | undefined;
  const api = new ConsoleApi(
    source,
    () =>
      (auditReader ??= import('./audit-status.js').then(
        ({ AuditStatusReader }) => new AuditStatusReader(source.auditPath, source.gateway.stateDir),
      )),
  );

  let port = options.port;
  const auth = new ConsoleAuth(() => port);
  let listening = false;
  const streams = new Set<ServerResponse>();

  const allowedHosts = (): string[] => [`${CONSOLE_HOST}:${port}`, `localhost:${port}`];
  const allowedOrigins = (): string[] => allowedHosts().map((host) => `http://${host}`);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!listening) throw new Error('the console is not listening yet');
    if (!allowedHosts().includes(req.headers.host ?? '')) {
      send(res, 403, 'Forbidden: unexpected Host header', 'text/plain; charset=utf-8');
      return;
    }
    const origin = req.headers.origin;
    if (
      (origin !== undefined && !allowedOrigins().includes(origin)) ||
      req.headers['sec-fetch-site'] === 'cross-site'
    ) {
      send(res, 403, 'Forbidden: request from another site', 'text/plain; charset=utf-8');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${CONSOLE_HOST}:${port}`);
    if (url.pathname === '/login' && req.method === 'GET') {
      const session = auth.redeem(url.searchParams.get('ticket') ?? '');
      if (session === undefined) {
        send(res, 401, LOGIN_HELP, 'text/html; charset=utf-8');
        return;
      }
      const page = url.searchParams.get('page') ?? 'now';
      send(res, 303, '', 'text/plain', {
        'set-cookie': auth.sessionCookie(session),
        location: `/#/${PAGES.has(page) ? page : 'now'}`,
      });
      return;
    }
    const caller = auth.identify(req);
    if (caller === undefined) {
      if (url.pathname.startsWith('/api/'))
        sendJson(res, { status: 401, body: { error: 'log in first: run `mcp-gateway console`' } });
      else send(res, 401, LOGIN_HELP, 'text/html; charset=utf-8');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      if (req.method !== 'POST') {
        sendJson(res, { status: 405, body: { error: 'only GET and POST' } });
        return;
      }
      if (!auth.csrfOk(caller, req)) {
        sendJson(res, { status: 403, body: { error: 'missing or wrong X-CSRF-Token' } });
        return;
      }
      // A form cannot send JSON, so a cross-site form post never gets this far.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        sendJson(res, { status: 415, body: { error: 'send application/json' } });
        return;
      }
      let body: unknown;
      try {
        body = await readJsonBody(req);
      } catch {
        sendJson(res, { status: 400, body: { error: 'the body is not JSON (or over 16 KiB)' } });
        return;
      }
      sendJson(res, await post(url.pathname, body, caller));
      return;
    }
    if (url.pathname === '/api/events') {
      openEventStream(res);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      sendJson(res, await get(url));
      return;
    }
    const asset = await assets.get(url.pathname);
    if (asset === undefined) {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return;
    }
    const body =
      url.pathname === '/' && caller.kind === 'browser'
        ? Buffer.from(asset.body.toString('utf8').replace('__CSRF_TOKEN__', caller.csrf))
        : asset.body;
    send(res, 200, body, asset.type);
  };

  const get = async (url: URL): Promise<ApiAnswer> => {
    const path = url.pathname;
    if (path === '/api/now') return api.now();
    if (path === '/api/calls') return api.calls(url.searchParams);
    if (path.startsWith('/api/calls/')) return api.call(decodeURIComponent(path.slice(11)));
    if (path === '/api/approvals') return api.approvals();
    if (path === '/api/changes') return api.changes();
    if (path === '/api/audit') return api.auditStatus();
    return { status: 404, body: { error: `no such API: ${path}` } };
  };

  const post = async (path: string, body: unknown, caller: ConsoleCaller): Promise<ApiAnswer> => {
    if (path.startsWith('/api/approvals/')) {
      return api.decide(
        decodeURIComponent(path.slice(15)),
        body,
        caller.kind === 'browser' ? 'console' : 'terminal',
      );
    }
    if (path === '/api/changes/approve') return api.approveChange(body);
    if (path === '/api/audit/verify') return api.verify();
    if (path === '/api/login') {
      // A browser session cannot mint more sessions; only the API token holder can.
      if (caller.kind !== 'token') return { status: 403, body: { error: 'needs the API token' } };
      const page = isObject(body) && typeof body['page'] === 'string' ? body['page'] : 'now';
      return { status: 200, body: { url: server.loginUrl({ ttlMs: 120_000, page }) } };
    }
    return { status: 404, body: { error: `no such API: ${path}` } };
  };

  const openEventStream = (res: ServerResponse): void => {
    if (streams.size >= MAX_EVENT_STREAMS) {
      sendJson(res, { status: 503, body: { error: 'too many open console pages' } });
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n');
    const event = (name: string, data: unknown): void => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const unfeed = source.feed.subscribe((e) => {
      if (e.type === 'call') event('call', e.call);
      else event(e.type === 'backend' ? 'now' : 'changes', {});
    });
    const unapprovals = source.approvals.subscribe((e) => {
      event('approval', e);
    });
    const heartbeat = setInterval(() => {
      res.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    streams.add(res);
    res.on('close', () => {
      streams.delete(res);
      clearInterval(heartbeat);
      unfeed();
      unapprovals();
    });
  };

  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error(`console: ${req.method ?? ''} ${req.url ?? ''} failed: ${String(error)}`);
      if (!res.headersSent) sendJson(res, { status: 500, body: { error: 'internal error' } });
      else res.destroy();
    });
  });
  // Idle keep-alive sockets of a closed page are not worth holding.
  http.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, CONSOLE_HOST, () => {
      http.off('error', reject);
      resolve();
    });
  });
  port = (http.address() as AddressInfo).port;
  listening = true;
  const url = `http://${CONSOLE_HOST}:${port}`;

  const server: ConsoleServer = {
    url,
    port,
    apiToken: auth.apiToken,
    loginUrl: (login = {}) => {
      const ticket = auth.mintTicket(login.ttlMs);
      const page = login.page !== undefined && PAGES.has(login.page) ? `&page=${login.page}` : '';
      return `${url}/login?ticket=${ticket}${page}`;
    },
    close: async () => {
      for (const res of streams) res.end();
      http.closeAllConnections();
      await new Promise<void>((resolve) => {
        http.close(() => {
          resolve();
        });
      });
    },
  };
  return server;
};

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
