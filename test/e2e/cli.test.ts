import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { BIN, FIXTURE_SERVER, ROOT } from '../helpers/paths.js';
import { nodeServer, writeConfig } from '../helpers/spawn-gateway.js';

const cli = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) =>
  execa(process.execPath, [BIN, ...args], {
    reject: false,
    cwd: options.cwd ?? ROOT,
    env: { NO_COLOR: '1', ...options.env },
    stdin: 'ignore',
  });

describe('mcp-gateway CLI', () => {
  test('--version prints the package version', async () => {
    const result = await cli(['--version']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  test.each([
    [[]],
    [['validate']],
    [['tools']],
    [['call']],
    [['run']],
    [['doctor']],
    [['scan']],
    [['pins', 'diff']],
    [['audit', 'verify']],
    [['policy', 'test']],
  ])('--help works on %j', async (command) => {
    const result = await cli([...command, '--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Usage: mcp-gateway');
  });

  test('validate accepts the shipped config', async () => {
    const result = await cli(['validate']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('is valid: 3 servers (everything, memory, fs)');
  });

  test('validate prints every problem with file and JSON path and exits 2', async () => {
    const { file } = await writeConfig({
      servers: { fs: { comand: 'x' }, bad_name: { command: 'y' } },
      namng: {},
    });
    const result = await cli(['validate', '--config', file]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toContain('servers.fs: unknown key "comand" (did you mean "command"?)');
    expect(result.stderr).toContain('servers.bad_name: invalid name');
    expect(result.stderr).toContain('(root): unknown key "namng" (did you mean "naming"?)');
  });

  test('options work before or after the command', async () => {
    const { file } = await writeConfig({ servers: {} });
    expect((await cli(['--config', file, 'validate'])).exitCode).toBe(0);
    expect((await cli(['validate', '-c', file])).exitCode).toBe(0);
  });

  test('a missing config says how to create one and exits 2', async () => {
    const { dir } = await writeConfig({}, 'unrelated.json');
    const result = await cli(['validate'], { cwd: dir, env: { HOME: dir } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('No mcp-gateway config found');
    expect(result.stderr).toContain('Create mcp-gateway.config.json');
  });

  test('tools --json lists server, exposed and original names, and exits 1 when a backend failed', async () => {
    const { file } = await writeConfig({
      servers: {
        fx: nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: 'echo,odd.name' } }),
        broken: nodeServer(FIXTURE_SERVER, { env: { FIXTURE_EXIT_ON_START: '1' } }),
      },
    });
    const result = await cli(['tools', '--json', '--config', file]);
    expect(result.exitCode).toBe(1);
    const listing = JSON.parse(result.stdout) as {
      tools: { server: string; name: string; originalName: string; description: string }[];
      servers: { name: string; state: string }[];
    };
    expect(listing.tools).toMatchObject([
      { server: 'fx', name: 'fx__echo', originalName: 'echo', description: 'Fixture tool echo' },
      {
        server: 'fx',
        name: 'fx__odd_name',
        originalName: 'odd.name',
        description: 'Fixture tool odd.name',
      },
    ]);
    expect(listing.servers.find((s) => s.name === 'broken')?.state).not.toBe('ready');
  });

  test('call runs one tool and prints its text; a tool error exits 1', async () => {
    const { file } = await writeConfig({ servers: { fx: nodeServer(FIXTURE_SERVER) } });
    const ok = await cli(['call', 'fx__echo', '--args', '{"text":"hi"}', '--config', file]);
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toBe('echo: hi');
    const json = await cli([
      'call',
      'fx__echo',
      '--args',
      '{"text":"hi"}',
      '--json',
      '--config',
      file,
    ]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      content: [{ type: 'text', text: 'echo: hi' }],
    });
    const unknown = await cli(['call', 'fx__nope', '--config', file]);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('Unknown tool "fx__nope"');
    const badArgs = await cli(['call', 'fx__echo', '--args', '[1]', '--config', file]);
    expect(badArgs.exitCode).toBe(2);
  });

  test('run writes nothing but JSON-RPC to stdout', async () => {
    const { file } = await writeConfig({ servers: { fx: nodeServer(FIXTURE_SERVER) } });
    const init = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 't', version: '1' },
      },
    });
    const input = [
      init,
      '{"jsonrpc":"2.0","method":"notifications/initialized"}',
      '{"jsonrpc":"2.0","id":2,"method":"tools/list"}',
    ].join('\n');
    const child = execa(process.execPath, [BIN, '--config', file, '--log-level', 'debug'], {
      reject: false,
      input: `${input}\n`,
      env: { NO_COLOR: '1' },
    });
    const result = await child;
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
    expect(result.stderr).toContain('[fx] fixture: ready');
  });
});
