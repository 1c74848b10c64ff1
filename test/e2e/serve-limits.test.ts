import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { execa } from 'execa';
import { afterEach, describe, expect, test } from 'vitest';
import { BIN, FIXTURE_SERVER } from '../helpers/paths.js';
import { nodeServer, writeConfig } from '../helpers/spawn-gateway.js';

const children: {
  kill: (signal: NodeJS.Signals) => boolean;
  catch: (f: () => undefined) => Promise<unknown>;
}[] = [];
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close().catch(() => undefined);
  for (const child of children.splice(0)) {
    child.kill('SIGTERM');
    await child.catch(() => undefined);
  }
});

// A token of the recommended length, built at runtime (STYLE rule 23).
const TOKEN = 't'.repeat(20) + 'K'.repeat(20);

/** Starts `serve --http 127.0.0.1:0` with the fixture backend; resolves once it listens. */
const serve = async (extra: string[], env: Record<string, string> = {}) => {
  const { file } = await writeConfig({ servers: { fx: nodeServer(FIXTURE_SERVER) } });
  const child = execa(
    process.execPath,
    [BIN, 'serve', '--http', '127.0.0.1:0', '--config', file, ...extra],
    { reject: false, stdin: 'ignore', env: { NO_COLOR: '1', MCP_GATEWAY_TOKEN: TOKEN, ...env } },
  );
  children.push(child);
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /listening on (\S+)/.exec(stderr);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    void child.then(() => {
      reject(new Error(`serve exited: ${stderr}`));
    });
  });
  return { url, pid: child.pid!, stderr: () => stderr };
};

const connect = async (url: string, token = TOKEN) => {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  const client = new Client({ name: 'limits-test', version: '1' });
  await client.connect(transport);
  clients.push(client);
  return { client, transport };
};

const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'x', version: '1' },
  },
};

/** One request over a keep-alive agent; resolves with status and body. */
const send = (
  agent: http.Agent,
  url: URL,
  request: { method: string; body?: string; accept?: string; session?: string },
): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: request.method,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          'content-type': 'application/json',
          accept: request.accept ?? 'application/json, text/event-stream',
          ...(request.session === undefined ? {} : { 'mcp-session-id': request.session }),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });

const rssMb = (pid: number): number => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) / 1024;
};

describe('serve --http resource limits', () => {
  test('10,000 requests without a session open nothing: RSS stays within 30 MB of its level after warm-up, on a 64 MB heap', async () => {
    // A small heap, as in the report: leaked sessions would exhaust it, not just grow RSS.
    const { url, pid } = await serve([], { NODE_OPTIONS: '--max-old-space-size=64' });
    const target = new URL(url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    // Every kind that opened a session before: a request that is not initialize, an initialize
    // the SDK refuses (Accept without text/event-stream), a body that is not JSON, a GET.
    const kinds = [
      {
        method: 'POST',
        body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
        status: 400,
      },
      { method: 'POST', body: JSON.stringify(INITIALIZE), accept: 'application/json', status: 406 },
      { method: 'POST', body: '{"jsonrpc":', status: 400 },
      { method: 'GET', status: 400 },
    ];
    const blast = async (count: number): Promise<void> => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next < count) {
            const kind = kinds[next++ % kinds.length]!;
            const { status } = await send(agent, target, kind);
            expect(status).toBe(kind.status);
          }
        }),
      );
    };
    await blast(1000);
    const before = rssMb(pid);
    await blast(10_000);
    const after = rssMb(pid);
    agent.destroy();
    expect(after - before).toBeLessThan(30);
    // The gateway still serves a real client.
    const { client } = await connect(url);
    const result = await client.callTool({ name: 'fx__echo', arguments: { text: 'still here' } });
    expect(result.content).toEqual([{ type: 'text', text: 'echo: still here' }]);
  }, 120_000);

  test('an initialize over --max-sessions gets 503 with a JSON-RPC error; ending a session frees a slot', async () => {
    const { url } = await serve(['--max-sessions', '2']);
    const first = await connect(url);
    await connect(url);
    const agent = new http.Agent({ keepAlive: false });
    const refused = await send(agent, new URL(url), {
      method: 'POST',
      body: JSON.stringify(INITIALIZE),
    });
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body)).toMatchObject({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32000, message: expect.stringContaining('Too many sessions: 2') as string },
    });
    await first.transport.terminateSession();
    const third = await connect(url);
    await third.client.ping();
  });

  test('a session with nothing open for --idle-timeout is closed and frees its slot; one holding its stream stays', async () => {
    const { url } = await serve(['--max-sessions', '2', '--idle-timeout', '1s']);
    const target = new URL(url);
    const agent = new http.Agent({ keepAlive: false });
    // The SDK client keeps a GET stream open for server notifications: it is connected.
    const connected = await connect(url);
    // A client that initialized over plain POST and went away: nothing of it stays open.
    const gone = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            authorization: `Bearer ${TOKEN}`,
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            resolve(String(res.headers['mcp-session-id']));
          });
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(INITIALIZE));
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const ping = JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'ping' });
    const expired = await send(agent, target, { method: 'POST', body: ping, session: gone });
    expect(expired.status).toBe(404);
    expect(expired.body).toContain('Session not found');
    await connected.client.ping();
    // The expired session's slot is free: a new client fits next to the connected one.
    const fresh = await connect(url);
    await fresh.client.ping();
  });
});

describe('serve --http connection cap', () => {
  test('idle sockets beyond --max-connections are closed, and clients still get in', async () => {
    const { url, stderr } = await serve(['--max-connections', '8']);
    const target = new URL(url);
    const connected = await connect(url);
    await connected.client.listTools();
    // Forty sockets that connect and never send a byte.
    let closed = 0;
    const idle = await Promise.all(
      Array.from(
        { length: 40 },
        () =>
          new Promise<net.Socket>((resolve, reject) => {
            const socket = net.connect(Number(target.port), target.hostname, () => {
              resolve(socket);
            });
            socket.on('close', () => {
              closed++;
            });
            socket.on('error', () => undefined);
            socket.once('error', reject);
          }),
      ),
    );
    try {
      // The server holds at most 8 connections: the others were closed to make room.
      await expect.poll(() => closed, { timeout: 10_000 }).toBeGreaterThanOrEqual(40 - 8);
      expect(stderr()).toContain(
        '8 connections are open, the most this gateway holds (serve --max-connections)',
      );
      // The connected client still works, and a new one gets in past the idle sockets.
      await connected.client.ping();
      const fresh = await connect(url);
      const tools = await fresh.client.listTools();
      expect(tools.tools.length).toBeGreaterThan(0);
      await connected.client.ping();
    } finally {
      for (const socket of idle) socket.destroy();
    }
  });
});

describe('serve --http start-up failures exit 2', () => {
  const run = async (args: string[], env: Record<string, string> = {}) => {
    const { file } = await writeConfig({ servers: { fx: nodeServer(FIXTURE_SERVER) } });
    return execa(process.execPath, [BIN, 'serve', ...args, '--config', file], {
      reject: false,
      stdin: 'ignore',
      timeout: 30_000,
      env: { NO_COLOR: '1', MCP_GATEWAY_TOKEN: TOKEN, ...env },
    });
  };

  test('on a busy port, with a message saying so', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await run(['--http', `127.0.0.1:${String(port)}`]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('the port is in use by another process');
    } finally {
      blocker.close();
    }
  });

  test('on a host name that does not resolve', async () => {
    const result = await run(['--http', 'no-such-host.invalid:0']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('does not resolve');
  });

  test('--no-auth on a host name that merely starts with 127.', async () => {
    const result = await run(['--http', '127.attacker.example:0', '--no-auth']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--no-auth is only allowed on a loopback address');
  });

  test.each([
    ['--max-sessions', '0'],
    ['--max-connections', 'many'],
    ['--idle-timeout', 'soon'],
  ])('%s %s', async (flag, value) => {
    const result = await run(['--http', '127.0.0.1:0', flag, value]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(flag);
  });
});

describe('serve --http tokens', () => {
  test('a token shorter than 32 characters gets a warning', async () => {
    const { stderr } = await serve([], { MCP_GATEWAY_TOKEN: 'short-' + 'k'.repeat(10) });
    expect(stderr()).toContain('use at least 32');
  });

  test('a token of 32 characters or more gets none', async () => {
    const { stderr } = await serve([]);
    expect(stderr()).not.toContain('use at least 32');
  });
});
