import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ConsoleEntry } from '../../src/console/console-registry.js';
import { rawRequest, waitForConsole } from '../helpers/console.js';
import { FIXTURE_SERVER } from '../helpers/paths.js';
import {
  connectGateway,
  nodeServer,
  writeConfig,
  type ConnectedGateway,
} from '../helpers/spawn-gateway.js';
import path from 'node:path';

describe('the console refuses what is not its own page', () => {
  let entry: ConsoleEntry;
  let host: string;
  let gateway: ConnectedGateway | undefined;

  beforeAll(async () => {
    const { dir, file } = await writeConfig({
      servers: { fx: nodeServer(FIXTURE_SERVER) },
      policy: { default: 'allow', rules: [{ id: 'ask-echo', effect: 'ask', match: 'fx/echo' }] },
    });
    gateway = await connectGateway(['--config', file]);
    entry = await waitForConsole(path.join(dir, '.mcp-gateway'));
    host = new URL(entry.url).host;
  });

  afterAll(async () => {
    await gateway?.close();
  });

  /** Logs in with a fresh ticket: the session cookie and the page's CSRF token. */
  const login = async (): Promise<{ cookie: string; csrf: string }> => {
    const minted = await rawRequest(`${entry.url}/api/login`, {
      method: 'POST',
      headers: {
        host,
        authorization: `Bearer ${entry.apiToken}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    const { url } = JSON.parse(minted.body) as { url: string };
    const redeemed = await rawRequest(url, { headers: { host } });
    expect(redeemed.status).toBe(303);
    const cookie = String(redeemed.headers['set-cookie']).split(';')[0]!;
    const page = await rawRequest(`${entry.url}/`, { headers: { host, cookie } });
    const csrf = /name="csrf-token" content="([^"]+)"/.exec(page.body)?.[1];
    expect(csrf).toBeDefined();
    return { cookie, csrf: csrf! };
  };

  test('no token, no cookie: 401, and the page says how to get a link', async () => {
    const api = await rawRequest(`${entry.url}/api/now`, { headers: { host } });
    expect(api.status).toBe(401);
    const page = await rawRequest(`${entry.url}/`, { headers: { host } });
    expect(page.status).toBe(401);
    expect(page.body).toContain('mcp-gateway console');
    const wrongToken = await rawRequest(`${entry.url}/api/now`, {
      headers: { host, authorization: 'Bearer not-the-token' },
    });
    expect(wrongToken.status).toBe(401);
    const forgedCookie = await rawRequest(`${entry.url}/api/now`, {
      headers: { host, cookie: `mcp_gateway_console_${new URL(entry.url).port}=guess` },
    });
    expect(forgedCookie.status).toBe(401);
    const ok = await rawRequest(`${entry.url}/api/now`, {
      headers: { host, authorization: `Bearer ${entry.apiToken}` },
    });
    expect(ok.status).toBe(200);
  });

  test('a foreign Host (DNS rebinding) or Origin is refused, even with the token', async () => {
    const auth = { authorization: `Bearer ${entry.apiToken}` };
    const rebound = await rawRequest(`${entry.url}/api/now`, {
      headers: { ...auth, host: `evil.example:${new URL(entry.url).port}` },
    });
    expect(rebound.status).toBe(403);
    const otherPort = await rawRequest(`${entry.url}/api/now`, {
      headers: { ...auth, host: '127.0.0.1:1' },
    });
    expect(otherPort.status).toBe(403);
    const foreign = await rawRequest(`${entry.url}/api/now`, {
      headers: { ...auth, host, origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const crossSite = await rawRequest(`${entry.url}/api/now`, {
      headers: { ...auth, host, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const sameOrigin = await rawRequest(`${entry.url}/api/now`, {
      headers: { ...auth, host, origin: entry.url },
    });
    expect(sameOrigin.status).toBe(200);
  });

  test('a state change from the page needs the CSRF token and a JSON body', async () => {
    const { cookie, csrf } = await login();
    const body = JSON.stringify({ decision: 'approve' });
    const noCsrf = await rawRequest(`${entry.url}/api/approvals/x`, {
      method: 'POST',
      headers: { host, cookie, 'content-type': 'application/json' },
      body,
    });
    expect(noCsrf.status).toBe(403);
    const wrongCsrf = await rawRequest(`${entry.url}/api/approvals/x`, {
      method: 'POST',
      headers: { host, cookie, 'content-type': 'application/json', 'x-csrf-token': 'nope' },
      body,
    });
    expect(wrongCsrf.status).toBe(403);
    const form = await rawRequest(`${entry.url}/api/approvals/x`, {
      method: 'POST',
      headers: {
        host,
        cookie,
        'x-csrf-token': csrf,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'decision=approve',
    });
    expect(form.status).toBe(415);
    // Past every check, the console answers about the approval itself.
    const checked = await rawRequest(`${entry.url}/api/approvals/x`, {
      method: 'POST',
      headers: { host, cookie, 'content-type': 'application/json', 'x-csrf-token': csrf },
      body,
    });
    expect(checked.status).toBe(404);
    // A browser session cannot mint login links for others.
    const mint = await rawRequest(`${entry.url}/api/login`, {
      method: 'POST',
      headers: { host, cookie, 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: '{}',
    });
    expect(mint.status).toBe(403);
  });

  test('secrets in arguments are never rendered: the same redaction as the audit log', async () => {
    const token = `ghp_${'T'.repeat(36)}`;
    const call = gateway!.client.callTool({
      name: 'fx__echo',
      arguments: { text: `deploy with ${token}`, apiKey: 'k-123456' },
    });
    const auth = { host, authorization: `Bearer ${entry.apiToken}` };
    let listed = '';
    for (let i = 0; i < 100 && !listed.includes('fx'); i++) {
      listed = (await rawRequest(`${entry.url}/api/approvals`, { headers: auth })).body;
      if (!listed.includes('fx')) await new Promise((r) => setTimeout(r, 50));
    }
    expect(listed).not.toContain(token);
    expect(listed).not.toContain('k-123456');
    expect(listed).toContain('[REDACTED:');
    const { approvals } = JSON.parse(listed) as { approvals: { id: string; callId: string }[] };
    const decided = await rawRequest(`${entry.url}/api/approvals/${approvals[0]!.id}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'approve' }),
    });
    expect(decided.body).not.toContain(token);
    await call;
    // The records reach the log within its batch interval.
    let detail = { status: 0, body: '' };
    for (let i = 0; i < 100 && !detail.body.includes('"records":[{'); i++) {
      detail = await rawRequest(`${entry.url}/api/calls/${approvals[0]!.callId}`, {
        headers: auth,
      });
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(detail.status).toBe(200);
    expect(detail.body).toContain('[REDACTED:');
    expect(detail.body).not.toContain(token);
  });

  test('every answer forbids framing, sniffing, caching and referrers', async () => {
    const { cookie } = await login();
    const page = await rawRequest(`${entry.url}/`, { headers: { host, cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
  });
});
