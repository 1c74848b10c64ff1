import type { IncomingMessage } from 'node:http';
import { describe, expect, test } from 'vitest';
import { ConsoleAuth } from './console-auth.js';

const request = (headers: Record<string, string>): IncomingMessage =>
  ({ headers }) as unknown as IncomingMessage;

describe('console credentials', () => {
  test('a login ticket works once and becomes a browser session with its own CSRF token', () => {
    const auth = new ConsoleAuth(() => 4321);
    const ticket = auth.mintTicket();
    const session = auth.redeem(ticket);
    expect(session).toBeDefined();
    expect(auth.redeem(ticket)).toBeUndefined();
    const caller = auth.identify(
      request({ cookie: `other=1; mcp_gateway_console_4321=${session!}` }),
    );
    expect(caller).toMatchObject({ kind: 'browser' });
    expect(auth.sessionCookie(session!)).toBe(
      `mcp_gateway_console_4321=${session!}; HttpOnly; SameSite=Strict; Path=/`,
    );
  });

  test('a ticket with a lifetime expires', () => {
    let now = 0;
    const auth = new ConsoleAuth(
      () => 1,
      () => now,
    );
    const ticket = auth.mintTicket(1000);
    now = 1001;
    expect(auth.redeem(ticket)).toBeUndefined();
  });

  test("another port's cookie, a wrong token or none identify nobody", () => {
    const auth = new ConsoleAuth(() => 4321);
    const session = auth.redeem(auth.mintTicket())!;
    expect(
      auth.identify(request({ cookie: `mcp_gateway_console_9999=${session}` })),
    ).toBeUndefined();
    expect(auth.identify(request({ authorization: 'Bearer nope' }))).toBeUndefined();
    expect(auth.identify(request({}))).toBeUndefined();
    expect(auth.identify(request({ authorization: `Bearer ${auth.apiToken}` }))).toEqual({
      kind: 'token',
    });
  });

  test('state changes need the CSRF token of the browser session; the API token needs none', () => {
    const auth = new ConsoleAuth(() => 4321);
    const session = auth.redeem(auth.mintTicket())!;
    const caller = auth.identify(request({ cookie: `mcp_gateway_console_4321=${session}` }))!;
    expect(caller.kind).toBe('browser');
    const csrf = caller.kind === 'browser' ? caller.csrf : '';
    expect(auth.csrfOk(caller, request({}))).toBe(false);
    expect(auth.csrfOk(caller, request({ 'x-csrf-token': 'guess' }))).toBe(false);
    expect(auth.csrfOk(caller, request({ 'x-csrf-token': csrf }))).toBe(true);
    expect(auth.csrfOk({ kind: 'token' }, request({}))).toBe(true);
  });
});
