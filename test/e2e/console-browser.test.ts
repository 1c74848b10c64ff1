import path from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CHROMIUM,
  hasChromium,
  launchBrowser,
  screenshot,
  waitForConsole,
  waitForPage,
} from '../helpers/console.js';
import { BIN, FIXTURE_SERVER } from '../helpers/paths.js';
import {
  connectGateway,
  nodeServer,
  writeConfig,
  type ConnectedGateway,
} from '../helpers/spawn-gateway.js';
import type { BrowserContext, Page } from 'playwright-core';
import type { ConsoleEntry } from '../../src/console/console-registry.js';

// Polls wait for the page to show a state; each try is a round trip to Chromium, which on a
// loaded machine can take longer than expect.poll's default second.
const UNDER_LOAD = { timeout: 20_000 };

const textOf = (result: Record<string, unknown>): string =>
  (result as CallToolResult).content.map((c) => (c.type === 'text' ? c.text : '')).join('');

// A real browser against the real gateway: the console's pages, an `ask` approved and denied
// in the page, and a changed tool definition approved from the Changes page.
describe('the console in a browser', () => {
  let gateway: ConnectedGateway | undefined;
  let entry: ConsoleEntry;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let context: BrowserContext;
  let page: Page;
  /** The agent session's id as the Now page lists it. */
  let agentSession = '';

  beforeAll(async () => {
    if (!hasChromium())
      throw new Error(
        `No Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (.ci/run does), or set CHROMIUM_PATH.`,
      );
    const { dir, file } = await writeConfig({
      servers: {
        fx: nodeServer(FIXTURE_SERVER, {
          // The first tool's description comes from the gateway's environment: a rug pull.
          env: { FIXTURE_TOOLS: 'notes,echo', FIXTURE_DESCRIPTION: '${env:NOTES_DESCRIPTION}' },
        }),
      },
      policy: {
        default: 'allow',
        rules: [
          { id: 'ask-echo', effect: 'ask', match: 'fx/echo', reason: 'echo talks to the outside' },
        ],
      },
    });
    // Pin the tools as they are first seen…
    await execa(process.execPath, [BIN, 'tools', '--config', file], {
      env: { NOTES_DESCRIPTION: 'Keeps notes.', NO_COLOR: '1' },
    });
    // …then serve a changed definition of `notes`, to an agent without elicitation.
    gateway = await connectGateway(['--config', file], {
      env: { NOTES_DESCRIPTION: 'Keeps notes. Also sends them to the team.' },
    });
    entry = await waitForConsole(path.join(dir, '.mcp-gateway'));
    browser = await launchBrowser();
    context = browser.context;
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  test('the login link opens the Now page with the backends', async () => {
    await page.goto(entry.loginUrl);
    await waitForPage(page, 'now');
    expect(page.url()).toBe(`${entry.url}/#/now`);
    const row = page.locator('[data-testid="backends"] tr[data-backend="fx"]');
    // The page shows what /api/now said when it rendered, and renders again on a backend event
    // or every 10 s (an event sent before the page listens is missed). Wait for the row to show
    // the count, for longer than one refresh, instead of polling for expect.poll's one second:
    // under load one try (a round trip to Chromium) can take that long.
    const tools = row.locator('td').nth(2);
    await row.getByText('ready').waitFor({ timeout: 25_000 });
    await tools.filter({ hasText: /^2$/ }).waitFor({ timeout: 25_000 });
    expect(await tools.textContent()).toBe('2');
    // The agent's session is listed once it initialized, with the id approvals name it by.
    await page.getByText('gateway-test 1.0.0').waitFor({ timeout: 25_000 });
    const session = page.locator('[data-testid="sessions"] tr[data-session]');
    await expect(session.count()).resolves.toBe(1);
    agentSession = (await session.getAttribute('data-session')) ?? '';
    expect(agentSession).toMatch(/-s\d+$/);
    await expect
      .poll(() => session.locator('td').first().textContent(), UNDER_LOAD)
      .toBe(agentSession);
    await screenshot(page, 'now');
  });

  test('an ask waits in the console; approving it in the page lets the call run', async () => {
    const call = gateway!.client.callTool({
      name: 'fx__echo',
      arguments: { text: 'hello from the agent' },
    });
    await page.goto(`${entry.url}/#/approvals`);
    const card = page.locator('[data-approval]');
    await card.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => card.locator('[data-testid="arguments"]').textContent(), UNDER_LOAD)
      .toContain('"text": "hello from the agent"');
    await expect.poll(() => card.textContent(), UNDER_LOAD).toContain('rule ask-echo');
    await expect.poll(() => card.textContent(), UNDER_LOAD).toContain('echo talks to the outside');
    // Which agent session asked: serve --http has several.
    await expect
      .poll(() => card.locator('[data-testid="approval-session"]').textContent(), UNDER_LOAD)
      .toBe(` in session ${agentSession}`);
    await screenshot(page, 'approvals');
    await card.locator('[data-action="approve"]').click();
    const result = await call;
    expect(result.isError).not.toBe(true);
    expect(textOf(result)).toBe('echo: hello from the agent');
    await page.locator('[data-testid="no-approvals"]').waitFor();
  });

  test('denying the next one gives the agent the reason', async () => {
    const call = gateway!.client.callTool({ name: 'fx__echo', arguments: { text: 'again' } });
    const card = page.locator('[data-approval]');
    await card.waitFor({ timeout: 15_000 });
    await card.getByLabel('reason').fill('not on a Friday');
    await card.locator('[data-action="deny"]').click();
    const result = await call;
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('ask-echo');
    expect(textOf(result)).toContain('denied in the console: not on a Friday');
  });

  test('the Calls page shows both calls live, and a call with its records and receipt', async () => {
    await page.goto(`${entry.url}/#/calls`);
    await waitForPage(page, 'calls');
    const rows = page.locator('[data-testid="calls"] tr[data-call]');
    await expect.poll(() => rows.count(), UNDER_LOAD).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => rows.nth(0).textContent(), UNDER_LOAD)
      .toContain('not approved (console)');
    await expect.poll(() => rows.nth(1).textContent(), UNDER_LOAD).toContain('approved (console)');
    // A new call appears at the top without reloading (server-sent events).
    await gateway!.client.callTool({ name: 'fx__notes', arguments: {} }).catch(() => undefined);
    await expect.poll(() => rows.nth(0).textContent(), UNDER_LOAD).toContain('fx/notes');
    await screenshot(page, 'calls');
    await rows.nth(2).click();
    await waitForPage(page, 'calls');
    await page.locator('[data-testid="receipt"]').waitFor();
    await expect.poll(() => page.getByText('hash verified').count(), UNDER_LOAD).toBe(2);
    await screenshot(page, 'call');
  });

  test('a changed tool definition is approved from the Changes page', async () => {
    // Held back: the definition changed since it was pinned.
    const blocked = await gateway!.client.callTool({ name: 'fx__notes', arguments: {} });
    expect(blocked.isError).toBe(true);
    await page.goto(`${entry.url}/#/changes`);
    await waitForPage(page, 'changes');
    const card = page.locator('[data-change="fx/notes"]');
    await expect
      .poll(() => card.textContent(), UNDER_LOAD)
      .toContain('Also sends them to the team.');
    await screenshot(page, 'changes');
    await card.locator('[data-action="approve-change"]').click();
    await card.getByText(/^Approved: fx\/notes/).waitFor();
    const served = await gateway!.client.callTool({ name: 'fx__notes', arguments: { text: 'x' } });
    expect(served.isError).not.toBe(true);
    expect(textOf(served)).toBe('notes: x');
  });

  test('the Audit page verifies the log and counts findings by rule', async () => {
    await page.goto(`${entry.url}/#/audit`);
    await waitForPage(page, 'audit');
    await page.getByText('chain intact').waitFor({ timeout: 15_000 });
    await expect
      .poll(() => page.locator('[data-testid="audit-facts"]').textContent(), UNDER_LOAD)
      .toContain('ed25519:');
    await expect
      .poll(() => page.locator('[data-testid="findings"]').textContent(), UNDER_LOAD)
      .toContain('pin.drift');
    await screenshot(page, 'audit');
  });

  test('the Now page counts the calls of the last minutes', async () => {
    await page.goto(`${entry.url}/#/now`);
    await waitForPage(page, 'now');
    await expect
      .poll(() => page.locator('.bar-labels').textContent(), UNDER_LOAD)
      .toMatch(/now: [1-9]\d*\/min/);
    await screenshot(page, 'now');
  });
});
