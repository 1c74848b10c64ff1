import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** How a request proved who it is. */
export type ConsoleCaller =
  | { readonly kind: 'browser'; readonly session: string; readonly csrf: string }
  /** `mcp-gateway approvals` and `console` with the API token from the state folder. */
  | { readonly kind: 'token' };

/** Browser sessions kept at once; the oldest is dropped beyond that. */
const MAX_SESSIONS = 64;

const secret = (): string => randomBytes(32).toString('base64url');

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Reads one cookie from a Cookie header. */
const cookieValue = (header: string | undefined, name: string): string | undefined => {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
};

/**
 * The console's credentials: an API token (for the CLI, from the state folder), one-time login
 * tickets (in the URL the gateway prints and `mcp-gateway console` opens), and the browser
 * sessions a ticket turns into (an HttpOnly, SameSite=Strict cookie, plus a CSRF token the page
 * sends back in a header on every state change).
 */
export class ConsoleAuth {
  /** `Authorization: Bearer` for the CLI; never put in a URL. */
  readonly apiToken = secret();
  private readonly tickets = new Map<string, number>();
  private readonly sessions = new Map<string, string>();

  constructor(
    /** The port the console listens on (known once it listens). */
    private readonly port: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Cookies are shared by every port of a host, so the name carries the port. */
  get cookieName(): string {
    return `mcp_gateway_console_${this.port()}`;
  }

  /** A one-time login ticket; `ttlMs` undefined means good until used (the start-up link). */
  mintTicket(ttlMs?: number): string {
    const ticket = secret();
    this.tickets.set(ticket, ttlMs === undefined ? Number.POSITIVE_INFINITY : this.now() + ttlMs);
    return ticket;
  }

  /** Spends a ticket: a new browser session id, or undefined when the ticket is unknown, used or old. */
  redeem(ticket: string): string | undefined {
    for (const [known, expires] of this.tickets) {
      if (expires < this.now()) this.tickets.delete(known);
    }
    let found: string | undefined;
    for (const known of this.tickets.keys()) if (sameSecret(ticket, known)) found = known;
    if (found === undefined) return undefined;
    this.tickets.delete(found);
    const session = secret();
    this.sessions.set(session, secret());
    if (this.sessions.size > MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    return session;
  }

  /** Who is calling, or undefined without valid credentials. */
  identify(req: IncomingMessage): ConsoleCaller | undefined {
    const header = req.headers.authorization;
    if (header !== undefined) {
      return header.startsWith('Bearer ') && sameSecret(header.slice(7), this.apiToken)
        ? { kind: 'token' }
        : undefined;
    }
    const session = cookieValue(req.headers.cookie, this.cookieName);
    if (session === undefined) return undefined;
    for (const [known, csrf] of this.sessions) {
      if (sameSecret(session, known)) return { kind: 'browser', session: known, csrf };
    }
    return undefined;
  }

  /** True when a state-changing request carries its session's CSRF token (the CLI needs none). */
  csrfOk(caller: ConsoleCaller, req: IncomingMessage): boolean {
    if (caller.kind === 'token') return true;
    const given = req.headers['x-csrf-token'];
    return typeof given === 'string' && sameSecret(given, caller.csrf);
  }

  /** The Set-Cookie value for a new browser session. */
  sessionCookie(session: string): string {
    return `${this.cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`;
  }
}
