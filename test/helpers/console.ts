import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { ConsoleEntry } from '../../src/console/console-registry.js';
import { ROOT } from './paths.js';

/** Chromium from the system's package manager (`apt-get install chromium`); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** True when the browser tests can run here. */
export const hasChromium = (): boolean => existsSync(CHROMIUM);

/** Where the browser tests leave their screenshots (docs/console.md shows copies of them). */
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'console');

/**
 * Headless Chromium with a fresh profile and nothing that reaches the network (the machine's
 * network is closed; the console is on 127.0.0.1).
 */
export const launchBrowser = async (): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> => {
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(path.join(os.tmpdir(), 'mcp-gateway-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
};

/** Waits until the page says it rendered `page` (the app sets `body[data-ready]`). */
export const waitForPage = async (page: Page, name: string): Promise<void> => {
  await page.waitForSelector(`body[data-ready="${name}"]`, { timeout: 15_000 });
};

/**
 * Saves a screenshot of the page as a test artifact; with UPDATE_DOCS_SCREENSHOTS=1 it also
 * replaces the copy that docs/console.md shows (`docs/images/console-<name>.png`).
 */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (process.env['UPDATE_DOCS_SCREENSHOTS'] === '1')
    await copyFile(file, path.join(ROOT, 'docs', 'images', `console-${name}.png`));
  return file;
};

/** The console entry a gateway wrote into its state folder (polls until it is there). */
export const waitForConsole = async (
  stateDir: string,
  timeoutMs = 15_000,
): Promise<ConsoleEntry> => {
  const dir = path.join(stateDir, 'consoles');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = await readdir(dir).catch(() => []);
    const name = names.find((n) => n.endsWith('.json'));
    if (name !== undefined) {
      try {
        return JSON.parse(await readFile(path.join(dir, name), 'utf8')) as ConsoleEntry;
      } catch {
        // Caught mid-write: read it again.
      }
    }
    if (Date.now() > deadline) throw new Error(`no console entry appeared in ${dir}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** One HTTP request with exactly these headers (fetch would not let a test forge Host). */
export const rawRequest = (
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> =>
  new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {} },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });

/** Calls the console API with the token, as `mcp-gateway approvals` does. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the answer's shape
export const consoleApi = async <T = unknown>(
  entry: ConsoleEntry,
  method: 'GET' | 'POST',
  apiPath: string,
  body?: unknown,
): Promise<{ status: number; body: T }> => {
  const response = await fetch(`${entry.url}${apiPath}`, {
    method,
    headers: {
      authorization: `Bearer ${entry.apiToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
};

/** Polls the console until a call waits for approval; returns the first one. */
export const waitForApproval = async (
  entry: ConsoleEntry,
  timeoutMs = 15_000,
): Promise<{ id: string; argsHash: string; server: string; tool: string; args: unknown }> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await consoleApi<{
      approvals: { id: string; argsHash: string; server: string; tool: string; args: unknown }[];
    }>(entry, 'GET', '/api/approvals');
    const first = body.approvals[0];
    if (first !== undefined) return first;
    if (Date.now() > deadline) throw new Error('no call waited for approval');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
