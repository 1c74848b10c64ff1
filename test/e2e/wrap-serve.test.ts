import http from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { execa } from 'execa';
import { afterEach, describe, expect, test } from 'vitest';
import { BIN, FIXTURE_SERVER } from '../helpers/paths.js';
import {
  connectGateway,
  nodeServer,
  writeConfig,
  type ConnectedGateway,
} from '../helpers/spawn-gateway.js';

const open: ConnectedGateway[] = [];
const children: {
  kill: (signal: NodeJS.Signals) => boolean;
  catch: (f: () => undefined) => Promise<unknown>;
}[] = [];
afterEach(async () => {
  for (const gateway of open.splice(0)) await gateway.close().catch(() => undefined);
  for (const child of children.splice(0)) {
    child.kill('SIGTERM');
    await child.catch(() => undefined);
  }
});

/** Starts `serve --http 127.0.0.1:0` and resolves with its URL and printed token. */
const serve = async (extra: string[], env: Record<string, string> = {}) => {
  const { file } = await writeConfig({ servers: { fx: nodeServer(FIXTURE_SERVER) } });
  const child = execa(
    process.execPath,
    [BIN, 'serve', '--http', '127.0.0.1:0', '--config', file, ...extra],
    {
      reject: false,
      env: { NO_COLOR: '1', ...env },
      stdin: 'ignore',
    },
  );
  children.push(child);
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /listening on (\S+)/.exec(stderr);
      if (
        match?.[1] !== undefined &&
        (extra.includes('--no-auth') ||
          stderr.includes('bearer token') ||
          env['MCP_GATEWAY_TOKEN'] !== undefined)
      )
        resolve(match[1]);
    });
    void child.then(() => {
      reject(new Error(`serve exited: ${stderr}`));
    });
  });
  const token = /bearer token[^:]*: (\S+)/.exec(stderr)?.[1];
  return { url, token, child };
};

const httpClient = async (url: string, token?: string) => {
  const client = new Client({ name: 'http-test', version: '1' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(url),
      token === undefined ? {} : { requestInit: { headers: { Authorization: `Bearer ${token}` } } },
    ),
  );
  return client;
};

describe('wrap: one server, no config file', () => {
  test('names are untouched and calls go through the pipeline', async () => {
    const gateway = await connectGateway([
      'wrap',
      '--name',
      'fx',
      '--',
      process.execPath,
      FIXTURE_SERVER,
    ]);
    open.push(gateway);
    const names = (await gateway.client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(['echo', 'slow', 'crash', 'big']);
    const result = await gateway.client.callTool({ name: 'echo', arguments: { text: 'wrapped' } });
    expect(result.content).toEqual([{ type: 'text', text: 'echo: wrapped' }]);
    expect(result._meta?.['mcp-gateway/receipt']).toBeDefined();
  });
});

describe('serve --http', () => {
  test('requires the bearer token, and serves one session per client', async () => {
    const { url, token } = await serve([]);
    expect(token).toBeDefined();
    const denied = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: '{}',
    });
    expect(denied.status).toBe(401);
    const first = await httpClient(url, token);
    const second = await httpClient(url, token);
    expect((await first.listTools()).tools.map((t) => t.name)).toContain('fx__echo');
    const result = await second.callTool({ name: 'fx__echo', arguments: { text: 'over http' } });
    expect(result.content).toEqual([{ type: 'text', text: 'echo: over http' }]);
    await first.close();
    await second.close();
  });

  test('takes its token from MCP_GATEWAY_TOKEN', async () => {
    const { url } = await serve([], { MCP_GATEWAY_TOKEN: 'chosen-token-123' });
    const client = await httpClient(url, 'chosen-token-123');
    await client.ping();
    await client.close();
  });

  test('rejects a foreign Host header (DNS rebinding) even without auth', async () => {
    const { url } = await serve(['--no-auth']);
    // fetch() will not send a foreign Host header, so this one goes through node:http.
    const initialize = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'x', version: '1' },
      },
    });
    const target = new URL(url);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            host: 'evil.example',
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      );
      request.on('error', reject);
      request.end(initialize);
    });
    expect(status).toBe(403);
  });

  test('--no-auth is refused on a non-loopback address', async () => {
    const { file } = await writeConfig({ servers: {} });
    const result = await execa(
      process.execPath,
      [BIN, 'serve', '--http', '0.0.0.0:0', '--no-auth', '--config', file],
      { reject: false },
    );
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--no-auth is only allowed on a loopback address');
  });
});
