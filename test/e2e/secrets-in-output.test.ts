import net from 'node:net';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { BIN } from '../helpers/paths.js';
import { writeConfig } from '../helpers/spawn-gateway.js';

// Built at runtime (STYLE rule 23): secret-looking values never sit in the repository.
const KEY = `k3y${'P'.repeat(24)}`;
const TOKEN = `tk${'Z'.repeat(30)}`;

/** A local port nothing listens on: connections are refused at once. */
const closedPort = async (): Promise<number> => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
};

/** A remote backend whose URL path holds a key and whose header holds a token, both from env. */
const remoteSetup = async () =>
  writeConfig({
    servers: {
      api: {
        url: `http://127.0.0.1:${String(await closedPort())}/\${env:MCP_TEST_KEY}/mcp`,
        headers: { Authorization: 'Bearer ${env:MCP_TEST_TOKEN}' },
        timeouts: { startup: '5s' },
      },
    },
  });

const cli = (args: string[], env: Record<string, string>) =>
  execa(process.execPath, [BIN, ...args], {
    reject: false,
    stdin: 'ignore',
    timeout: 30_000,
    env: { NO_COLOR: '1', ...env },
  });

describe('secrets from ${env:} never reach printed output', () => {
  const env = { MCP_TEST_KEY: KEY, MCP_TEST_TOKEN: TOKEN };

  test.each([[['doctor']], [['doctor', '--json']], [['tools']]])(
    '%j shows a key in the URL path as ${env:NAME}',
    async (args) => {
      const { file } = await remoteSetup();
      const result = await cli([...args, '--config', file], env);
      const printed = result.stdout + result.stderr;
      expect(printed).toContain('api');
      expect(printed).not.toContain(KEY);
      expect(printed).not.toContain(TOKEN);
      expect(printed).toContain('${env:MCP_TEST_KEY}');
    },
  );

  test('a header value with CR/LF inside is a config error naming the file, the JSON path and the fix', async () => {
    const { file } = await remoteSetup();
    const result = await cli(['validate', '--config', file], {
      ...env,
      MCP_TEST_TOKEN: `${TOKEN}\r\nX-Injected: 1`,
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toContain('servers.api.headers.Authorization');
    expect(result.stderr).toContain('line break');
    expect(result.stderr).toContain('${env:MCP_TEST_TOKEN}');
    expect(result.stderr).not.toContain(TOKEN);
  });

  test('doctor reports that config error without the token', async () => {
    const { file } = await remoteSetup();
    const result = await cli(['doctor', '--json', '--config', file], {
      ...env,
      MCP_TEST_TOKEN: `${TOKEN}\r\nX-Injected: 1`,
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
    expect(result.stdout).toContain('line break');
  });
});
