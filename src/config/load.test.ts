import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { GatewayError } from '../core/errors.js';
import { loadConfig, validateConfig } from './load.js';

const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'mcp-gateway-config-'));

const issuesOf = (run: () => unknown): { path: (string | number)[]; message: string }[] => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return (error as GatewayError).details?.['issues'] as {
      path: (string | number)[];
      message: string;
    }[];
  }
  throw new Error('expected the config to be rejected');
};

const options = { cwd: '/work', env: { HOME: '/home/me', TOKEN: 's3cret' } };

describe('validateConfig', () => {
  test('fills defaults and resolves relative paths against the config folder', () => {
    const config = validateConfig(
      { servers: { fs: { command: 'node', args: ['server.js'] } } },
      '/etc/gw/mcp-gateway.config.json',
      options,
    );
    expect(config.stateDir).toBe('/etc/gw/.mcp-gateway');
    expect(config.audit.path).toBe('/etc/gw/.mcp-gateway/audit.jsonl');
    expect(config.servers[0]).toMatchObject({
      kind: 'stdio',
      name: 'fs',
      cwd: '/etc/gw',
      startupTimeoutMs: 15_000,
      callTimeoutMs: 50_000,
      inheritEnv: false,
    });
    expect(config.naming).toEqual({ separator: '__', maxLength: 64, prefix: 'always' });
  });

  test('accepts mcpServers pasted from Claude Desktop', () => {
    const config = validateConfig(
      { mcpServers: { memory: { command: 'npx', args: ['-y', 'x'] } } },
      undefined,
      options,
    );
    expect(config.servers.map((s) => s.name)).toEqual(['memory']);
  });

  test.each([
    ['${env:TOKEN}', 's3cret'],
    ['Bearer ${env:TOKEN}', 'Bearer s3cret'],
    ['${env:UNSET:-fallback}', 'fallback'],
    ['${env:UNSET:-}', ''],
    ['${configDir}/data', '/etc/gw/data'],
    ['plain', 'plain'],
  ])('expands %s to %s in env, args, headers and url', (written, expected) => {
    const config = validateConfig(
      {
        servers: {
          local: { command: 'x', args: [written], env: { V: written } },
          remote: { url: `https://example.test/${written}`, headers: { H: written } },
        },
      },
      '/etc/gw/mcp-gateway.config.json',
      options,
    );
    const [local, remote] = config.servers;
    expect(local).toMatchObject({ args: [expected], env: { V: expected } });
    expect(remote).toMatchObject({
      headers: { H: expected },
      url: `https://example.test/${expected}`,
    });
  });

  test('an unset variable without a default names the server and key', () => {
    const issues = issuesOf(() =>
      validateConfig(
        {
          servers: {
            gh: { url: 'https://x.test', headers: { Authorization: 'Bearer ${env:GH_TOKEN}' } },
          },
        },
        undefined,
        options,
      ),
    );
    expect(issues).toEqual([
      {
        path: ['servers', 'gh', 'headers', 'Authorization'],
        message: expect.stringContaining('GH_TOKEN is not set') as string,
      },
    ]);
  });

  test('a header value with a line break inside is a config error that names the variable, never the value', () => {
    const token = `tk${'Q'.repeat(20)}`;
    const issues = issuesOf(() =>
      validateConfig(
        {
          servers: {
            api: {
              url: 'https://x.test/mcp',
              headers: { Authorization: 'Bearer ${env:API_TOKEN}' },
            },
          },
        },
        '/etc/gw/mcp-gateway.config.json',
        { ...options, env: { API_TOKEN: `${token}\r\nX-Injected: 1` } },
      ),
    );
    expect(issues).toEqual([
      {
        path: ['servers', 'api', 'headers', 'Authorization'],
        message: expect.stringContaining(
          'line break (CR or LF) inside it after expanding ${env:API_TOKEN}',
        ) as string,
      },
    ]);
    expect(JSON.stringify(issues)).not.toContain(token);
  });

  test('a header value written with a line break inside is a config error too', () => {
    const issues = issuesOf(() =>
      validateConfig(
        { servers: { api: { url: 'https://x.test', headers: { 'X-Key': 'a\nb' } } } },
        undefined,
        options,
      ),
    );
    expect(issues).toEqual([
      {
        path: ['servers', 'api', 'headers', 'X-Key'],
        message: expect.stringContaining('line break') as string,
      },
    ]);
  });

  test('whitespace around a header value (a CRLF from a .env file) is cut, as fetch would', () => {
    const config = validateConfig(
      {
        servers: {
          api: { url: 'https://x.test', headers: { Authorization: 'Bearer ${env:TOKEN}' } },
        },
      },
      undefined,
      { ...options, env: { TOKEN: 's3cret\r\n' } },
    );
    expect(config.servers[0]).toMatchObject({ headers: { Authorization: 'Bearer s3cret' } });
  });

  test('a remote server is displayed as written: variables by name, no query, no credentials', () => {
    const config = validateConfig(
      {
        servers: {
          api: { url: 'https://user:pw@h.test/${env:TOKEN}/mcp?key=${env:TOKEN}#frag' },
        },
      },
      undefined,
      options,
    );
    expect(config.servers[0]).toMatchObject({
      url: 'https://user:pw@h.test/s3cret/mcp?key=s3cret#frag',
      display: 'https://h.test/${env:TOKEN}/mcp',
    });
  });

  test('an unknown key is rejected with a did-you-mean hint', () => {
    const issues = issuesOf(() =>
      validateConfig({ servers: { fs: { comand: 'x' } } }, undefined, options),
    );
    expect(issues).toContainEqual({
      path: ['servers', 'fs'],
      message: expect.stringContaining('"comand" (did you mean "command"?)') as string,
    });
  });

  test.each([
    [{ servers: { a_b: { command: 'x' } } }, ['servers', 'a_b'], 'server names'],
    [{ servers: { fs: {} } }, ['servers', 'fs'], 'needs either "command"'],
    [
      { servers: { fs: { command: 'x', url: 'https://x.test' } } },
      ['servers', 'fs'],
      'both "command" and "url"',
    ],
    [
      { servers: { fs: { url: 'https://x.test', args: [] } } },
      ['servers', 'fs', 'args'],
      'only applies to a local',
    ],
    [
      { servers: { fs: { command: 'x', timeouts: { call: 'soon' } } } },
      ['servers', 'fs', 'timeouts', 'call'],
      'duration',
    ],
    [{ servers: {}, mcpServers: {} }, ['mcpServers'], 'not both'],
    [
      { naming: { prefix: 'never' }, servers: { a: { command: 'x' }, b: { command: 'y' } } },
      ['naming', 'prefix'],
      'one enabled server',
    ],
  ])('rejects %j at its JSON path', (raw, at, words) => {
    const issues = issuesOf(() => validateConfig(raw, undefined, options));
    expect(
      issues.find((issue) => JSON.stringify(issue.path) === JSON.stringify(at))?.message,
    ).toContain(words);
  });

  test('CLI flags win over the file', () => {
    const config = validateConfig({ stateDir: 'from-file', servers: {} }, '/etc/gw/c.json', {
      ...options,
      inline: { stateDir: '/flag' },
    });
    expect(config.stateDir).toBe('/flag');
  });

  test.each([
    ['500ms', 500],
    ['15s', 15_000],
    ['2m', 120_000],
    [2500, 2500],
  ])('timeouts accept %s', (written, ms) => {
    const config = validateConfig(
      { servers: { a: { command: 'x', timeouts: { startup: written } } } },
      undefined,
      options,
    );
    expect(config.servers[0]?.startupTimeoutMs).toBe(ms);
  });
});

describe('loadConfig', () => {
  test('finds mcp-gateway.config.json in a parent folder', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'mcp-gateway.config.json'),
      JSON.stringify({ servers: { a: { command: 'x' } } }),
    );
    const nested = path.join(dir, 'x', 'y');
    await mkdir(nested, { recursive: true });
    const config = await loadConfig({ cwd: nested, env: {} });
    expect(config.file).toBe(path.join(dir, 'mcp-gateway.config.json'));
  });

  test('MCP_GATEWAY_CONFIG names the file; --config wins over it', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'one.json'),
      JSON.stringify({ servers: { one: { command: 'x' } } }),
    );
    await writeFile(
      path.join(dir, 'two.json'),
      JSON.stringify({ servers: { two: { command: 'x' } } }),
    );
    const fromEnv = await loadConfig({ cwd: dir, env: { MCP_GATEWAY_CONFIG: 'one.json' } });
    expect(fromEnv.servers[0]?.name).toBe('one');
    const fromFlag = await loadConfig({
      cwd: dir,
      env: { MCP_GATEWAY_CONFIG: 'one.json' },
      configPath: 'two.json',
    });
    expect(fromFlag.servers[0]?.name).toBe('two');
  });

  test('a missing file says how to create one', async () => {
    const dir = await tempDir();
    await expect(loadConfig({ cwd: dir, env: {}, configPath: 'nope.json' })).rejects.toMatchObject({
      code: 'CONFIG_NOT_FOUND',
      message: expect.stringContaining('Create mcp-gateway.config.json') as string,
    });
  });

  test('a file that is not JSON names the file', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'bad.json'), '{ "servers": ');
    await expect(loadConfig({ cwd: dir, env: {}, configPath: 'bad.json' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      details: { file: path.join(dir, 'bad.json') },
    });
  });

  test('reads YAML rc files', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, '.mcp-gatewayrc.yaml'), 'servers:\n  y:\n    command: x\n');
    const config = await loadConfig({ cwd: dir, env: {} });
    expect(config.servers[0]?.name).toBe('y');
  });
});
