import { mkdtempSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import { afterEach } from 'vitest';
import { BIN } from './paths.js';

/**
 * XDG_STATE_HOME of the gateways a test file starts (test/setup.ts makes one per file): their
 * per-user pointers (`console --all`) land there, never in the real home.
 */
export const TEST_STATE_HOME =
  process.env['XDG_STATE_HOME'] ?? mkdtempSync(path.join(os.tmpdir(), 'mcp-gateway-user-state-'));

/** A temp folder with a config file written in it. */
export const writeConfig = async (
  config: unknown,
  name = 'mcp-gateway.config.json',
): Promise<{ dir: string; file: string }> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-gateway-test-'));
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify(config, null, 2));
  return { dir, file };
};

/** A stdio backend entry running a fixture or reference server with node. */
export const nodeServer = (
  script: string,
  options: { args?: string[]; env?: Record<string, string> } = {},
) => ({
  command: process.execPath,
  args: [script, ...(options.args ?? [])],
  ...(options.env === undefined ? {} : { env: options.env }),
});

export interface ConnectedGateway {
  readonly client: Client;
  readonly transport: StdioClientTransport;
  readonly pid: number;
  readonly stderr: () => string;
  close(): Promise<void>;
}

/** Spawns the built CLI (`node bin/mcp-gateway.js …`) and connects an SDK Client to it. */
export const connectGateway = async (
  args: string[],
  options: { capabilities?: ClientCapabilities; cwd?: string; env?: Record<string, string> } = {},
): Promise<ConnectedGateway> => {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, ...args],
    stderr: 'pipe',
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      XDG_STATE_HOME: TEST_STATE_HOME,
      NO_COLOR: '1',
      ...options.env,
    },
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const client = new Client(
    { name: 'gateway-test', version: '1.0.0' },
    { capabilities: options.capabilities ?? {} },
  );
  await client.connect(transport);
  const pid = transport.pid;
  if (pid === null) throw new Error('gateway did not start');
  return {
    client,
    transport,
    pid,
    stderr: () => stderr,
    close: () => client.close(),
  };
};

/** A list of gateways the calling test file opens; each is closed after every test. */
export const trackGateways = (): ConnectedGateway[] => {
  const open: ConnectedGateway[] = [];
  afterEach(async () => {
    for (const gateway of open.splice(0)) await gateway.close().catch(() => undefined);
  });
  return open;
};

/**
 * Starts a process that prints `listening on URL` to stderr (fixture HTTP servers,
 * `serve --http`) and resolves with that URL and a way to stop it.
 */
export const startListening = async (
  args: string[],
  env: Record<string, string> = {},
): Promise<{ url: string; stderr: () => string; stop: () => Promise<void> }> => {
  const { execa } = await import('execa');
  const child = execa(process.execPath, args, {
    reject: false,
    stdin: 'ignore',
    env: { NO_COLOR: '1', XDG_STATE_HOME: TEST_STATE_HOME, ...env },
  });
  let text = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /listening on (\S+)/.exec(text);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    void child.then(() => {
      reject(new Error(`exited before listening: ${text}`));
    });
  });
  return {
    url,
    stderr: () => text,
    stop: async () => {
      child.kill('SIGTERM');
      await child;
    },
  };
};
