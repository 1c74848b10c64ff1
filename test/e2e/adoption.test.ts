import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { execa } from 'execa';
import { parseTOML, getStaticTOMLValue } from 'toml-eslint-parser';
import { describe, expect, test } from 'vitest';
import {
  ALL_SECRETS,
  BEARER,
  BRAVE_KEY,
  GITHUB_PAT,
  createMachine,
  writeClaudeCode,
  writeClaudeDesktop,
  writeClaudeDesktopSample,
  writeCodex,
  writeCursor,
  writeCursorProject,
  writeVsCode,
  writeVsCodeProject,
  writeWindsurf,
  type FakeMachine,
} from '../helpers/client-fixtures.js';
import { BIN } from '../helpers/paths.js';

const cli = (machine: FakeMachine, args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [BIN, ...args], {
    reject: false,
    cwd: machine.project,
    env: { ...machine.env, ...env },
    extendEnv: false,
    stdin: 'ignore',
  });

interface InitJson {
  file: string;
  imported: { name: string; sourceName: string; enabled: boolean; notes: string[] }[];
  renamed: { from: string; to: string }[];
  skipped: { name: string; reason: string }[];
  secrets: { name: string; server: string; field: string }[];
  prompted: { name: string; server: string }[];
  otherProjects: { dir: string; names: string[] }[];
  config: { servers: Record<string, Record<string, unknown>>; naming?: { maxLength: number } };
}

const init = async (machine: FakeMachine, from: string[]): Promise<InitJson> => {
  const result = await cli(machine, ['init', ...from.flatMap((f) => ['--from', f]), '--json']);
  expect(result.stderr).not.toContain('unexpected error');
  expect(result.exitCode, result.stderr).toBe(0);
  const json = JSON.parse(result.stdout) as InitJson;
  const written = await readFile(json.file, 'utf8');
  // No secret value ever reaches the new file, nor the summary.
  for (const secret of ALL_SECRETS) {
    expect(written).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
    expect(result.stdout).not.toContain(secret);
  }
  return json;
};

const validate = (machine: FakeMachine, env: Record<string, string>) =>
  cli(machine, ['validate'], env);

describe('init --from each client', () => {
  test('Claude Desktop: names made valid, secrets in env and args moved out, Windows paths kept', async () => {
    const machine = await createMachine();
    await writeClaudeDesktop(machine);
    const json = await init(machine, ['claude-desktop']);
    expect(json.imported.map((s) => s.name)).toEqual(['memory', 'github-server', 'brave-search']);
    expect(json.renamed).toEqual([
      expect.objectContaining({ from: 'github_server', to: 'github-server' }),
      expect.objectContaining({ from: 'brave search', to: 'brave-search' }),
    ]);
    expect(json.secrets).toEqual([
      {
        name: 'GITHUB_PERSONAL_ACCESS_TOKEN',
        server: 'github-server',
        field: 'env.GITHUB_PERSONAL_ACCESS_TOKEN',
      },
      { name: 'BRAVE_SEARCH_API_KEY', server: 'brave-search', field: 'args[2]' },
    ]);
    const brave = json.config.servers['brave-search'];
    expect(brave?.['command']).toBe('C:\\Program Files\\nodejs\\node.exe');
    expect(brave?.['args']).toEqual([
      'C:\\Users\\me\\mcp\\brave\\index.js',
      '--api-key',
      '${env:BRAVE_SEARCH_API_KEY}',
    ]);
    expect(json.config.servers['github-server']?.['env']).toEqual({
      GITHUB_PERSONAL_ACCESS_TOKEN: '${env:GITHUB_PERSONAL_ACCESS_TOKEN}',
      LOG_LEVEL: 'info',
    });
    // Without the variables the config is refused, naming them; with them it is valid.
    const missing = await validate(machine, {});
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('GITHUB_PERSONAL_ACCESS_TOKEN is not set');
    const ok = await validate(machine, {
      GITHUB_PERSONAL_ACCESS_TOKEN: 'x',
      BRAVE_SEARCH_API_KEY: 'y',
    });
    expect(ok.exitCode, ok.stderr).toBe(0);
  });

  test('Claude Code: user scope, local scope of this folder, project .mcp.json, ${VAR:-default}', async () => {
    const machine = await createMachine();
    await writeClaudeCode(machine);
    const json = await init(machine, ['claude-code']);
    expect(json.imported.map((s) => [s.name, s.enabled])).toEqual([
      ['context7', true],
      ['local-fs', true],
      ['old', false],
      ['api', true],
    ]);
    expect(json.otherProjects).toEqual([
      { file: expect.any(String), dir: '/elsewhere/other-project', names: ['unrelated'] },
    ]);
    expect(json.config.servers['api']).toMatchObject({
      url: '${env:API_BASE_URL:-https://api.example.com}/mcp',
      transport: 'streamable-http',
      headers: { Authorization: 'Bearer ${env:API_KEY}' },
    });
    // Claude Code's prefix is counted per session at run time (client profiles), not written
    // into the file, where it would shorten names for every client.
    expect(json.config.naming).toBeUndefined();
    expect(json.secrets).toEqual([]);
  });

  test('Cursor: comments and trailing commas, ${userHome}, a bearer token, a project file with ./ paths', async () => {
    const machine = await createMachine();
    await writeCursor(machine);
    await writeCursorProject(machine);
    const json = await init(machine, ['cursor']);
    expect(json.imported.map((s) => s.name)).toEqual(['notes', 'linear', 'repo-tools']);
    expect(json.config.servers['notes']?.['args']).toEqual([
      `${machine.home}/mcp/notes.js`,
      '--db',
      '${env:NOTES_DB}',
    ]);
    expect(json.config.servers['linear']?.['headers']).toEqual({
      Authorization: 'Bearer ${env:LINEAR_TOKEN}',
    });
    expect(json.config.servers['repo-tools']).toMatchObject({
      command: path.join(machine.project, 'scripts', 'tools.sh'),
      args: [machine.project],
    });
    expect(json.secrets.map((s) => s.name)).toEqual(['LINEAR_TOKEN']);
  });

  test('VS Code: servers and inputs, a prompted secret, tabs, envFile reported', async () => {
    const machine = await createMachine();
    await writeVsCode(machine);
    await writeVsCodeProject(machine);
    const json = await init(machine, ['vscode']);
    expect(json.imported.map((s) => s.name)).toEqual(['openai-tools', 'docs', 'db']);
    expect(json.config.servers['openai-tools']?.['env']).toEqual({
      OPENAI_API_KEY: '${env:OPENAI_KEY}',
    });
    expect(json.prompted).toEqual([
      expect.objectContaining({ name: 'OPENAI_KEY', server: 'openai-tools' }),
    ]);
    expect(json.imported[0]?.notes.join(' ')).toContain('envFile');
    expect(json.config.servers['docs']).toMatchObject({
      url: 'https://docs.example/mcp',
      transport: 'streamable-http',
    });
    // A password inside a connection string in args.
    expect(json.config.servers['db']?.['args']).toEqual([
      '-y',
      '@example/db-mcp',
      'postgresql://app:${env:DB_PASSWORD}@localhost/app',
    ]);
  });

  test('Windsurf: serverUrl, disabled servers imported switched off, WebSocket reported as not runnable', async () => {
    const machine = await createMachine();
    await writeWindsurf(machine);
    const json = await init(machine, ['windsurf']);
    expect(json.imported.map((s) => [s.name, s.enabled])).toEqual([
      ['zapier', true],
      ['git', false],
    ]);
    expect(json.skipped).toEqual([
      { name: 'live', file: expect.any(String), reason: expect.stringContaining('WebSocket') },
    ]);
    expect(json.config.servers['git']).toMatchObject({ enabled: false });
  });

  test('Codex: TOML tables, env table secret, env_vars, bearer_token_env_var, timeouts, enabled = false', async () => {
    const machine = await createMachine();
    await writeCodex(machine);
    const json = await init(machine, ['codex']);
    expect(json.config.servers).toMatchObject({
      context7: {
        command: 'npx',
        env: { OPENAI_API_KEY: '${env:OPENAI_API_KEY}' },
        timeouts: { startup: '20s' },
      },
      figma: {
        url: 'https://mcp.figma.example/mcp',
        headers: { Authorization: 'Bearer ${env:FIGMA_OAUTH_TOKEN}' },
      },
      shell: {
        command: 'shell-mcp',
        env: { SHELL_PROFILE: '${env:SHELL_PROFILE:-}' },
        enabled: false,
      },
    });
    expect(json.secrets.map((s) => s.name)).toEqual(['OPENAI_API_KEY']);
  });

  test('--from FILE works for any mcpServers JSON; without --from every client found is read', async () => {
    const machine = await createMachine();
    const file = path.join(machine.project, 'servers.json');
    await writeFile(
      file,
      JSON.stringify({ mcpServers: { 'my.server': { command: 'node', args: ['x.js'] } } }),
    );
    const json = await init(machine, [file]);
    expect(json.imported.map((s) => [s.sourceName, s.name])).toEqual([['my.server', 'my-server']]);

    const all = await createMachine();
    await writeClaudeDesktop(all);
    await writeCodex(all);
    const found = await init(all, []);
    expect(found.imported.map((s) => s.name)).toEqual([
      'memory',
      'github-server',
      'brave-search',
      'context7',
      'figma',
      'shell',
    ]);
  });

  test('refuses to overwrite without --force, and refuses a file that does not parse', async () => {
    const machine = await createMachine();
    await writeClaudeDesktop(machine);
    const target = path.join(machine.project, 'mcp-gateway.config.json');
    await writeFile(target, '{"servers": {}}\n');
    const refused = await cli(machine, ['init', '--from', 'claude-desktop']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('already exists');
    expect(await readFile(target, 'utf8')).toBe('{"servers": {}}\n');
    expect((await cli(machine, ['init', '--from', 'claude-desktop', '--force'])).exitCode).toBe(0);

    const broken = path.join(machine.project, 'broken.json');
    await writeFile(broken, '{ "mcpServers": { "a": { "command": "x" } ');
    const bad = await cli(machine, ['init', '--from', broken, '--config', 'other.json']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/Cannot parse .*broken\.json at line 1, column \d+/);
  });
});

describe('the starter policy', () => {
  test('flow control is on without a line in the file: egress after untrusted content asks', async () => {
    const machine = await createMachine();
    await writeClaudeDesktop(machine);
    const summary = await cli(machine, ['init', '--from', 'claude-desktop']);
    expect(summary.exitCode, summary.stderr).toBe(0);
    expect(summary.stderr + summary.stdout).toContain('flow control is on');
    const env = { GITHUB_PERSONAL_ACCESS_TOKEN: 'x', BRAVE_SEARCH_API_KEY: 'y' };
    const call = JSON.stringify({ tool: 'github-server/create_issue', args: { title: 'hi' } });
    const decide = async (extra: string[]) => {
      const result = await cli(
        machine,
        ['policy', 'test', '--call', call, ...extra, '--json'],
        env,
      );
      expect(result.exitCode, result.stderr).not.toBe(2);
      return (JSON.parse(result.stdout) as { decision: { effect: string; decidingRule: string } })
        .decision;
    };
    // A fresh session: the starter policy's default asks for a write; after untrusted content
    // the built-in flow rule is what decides.
    expect((await decide([])).decidingRule).not.toBe('flow:untrusted-egress');
    const after = await decide(['--after', 'untrusted']);
    expect(after).toMatchObject({ effect: 'ask', decidingRule: 'flow:untrusted-egress' });
  });
});

/** Runs init from one client, then install and uninstall into that client, comparing bytes. */
const roundTrip = async (
  write: (machine: FakeMachine) => Promise<string>,
  client: string,
  extra: string[] = [],
) => {
  const machine = await createMachine();
  const file = await write(machine);
  await init(machine, [client]);
  const before = await readFile(file);
  const installed = await cli(machine, ['install', '--client', client, ...extra]);
  expect(installed.exitCode, installed.stderr).toBe(0);
  const after = await readFile(file, 'utf8');
  expect(after).not.toEqual(before.toString('utf8'));
  // Idempotent: a second install changes nothing.
  const again = await cli(machine, ['install', '--client', client, ...extra]);
  expect(again.exitCode).toBe(0);
  expect(again.stderr).toContain('nothing changed');
  expect(await readFile(file, 'utf8')).toBe(after);
  const removed = await cli(machine, [
    'uninstall',
    '--client',
    client,
    ...extra.filter((a) => a === '--project'),
  ]);
  expect(removed.exitCode, removed.stderr).toBe(0);
  expect(Buffer.compare(await readFile(file), before)).toBe(0);
  return { machine, file, after };
};

describe('install and uninstall', () => {
  test('Claude Desktop: the round trip leaves the file byte-identical', async () => {
    const { after } = await roundTrip(writeClaudeDesktop, 'claude-desktop');
    const entry = (
      JSON.parse(after) as { mcpServers: Record<string, { command: string; args: string[] }> }
    ).mcpServers['gateway'];
    expect(entry?.command).toBe(process.execPath);
    expect(entry?.args.slice(0, 1)).toEqual([BIN]);
    expect(entry?.args.at(-2)).toBe('--config');
  });

  test('Cursor (comments, trailing commas) round trip; comments survive the install', async () => {
    const { after } = await roundTrip(writeCursor, 'cursor');
    expect(after).toContain('// Cursor reads JSON with comments');
    expect(after).toContain('/* notes kept here */');
    expect(after).toContain('// token pasted by hand');
  });

  test('VS Code (tabs, "servers" with type stdio) round trip', async () => {
    const { after } = await roundTrip(writeVsCode, 'vscode');
    expect(after).toMatch(/\t\t"gateway": \{\n\t\t\t"type": "stdio",/);
  });

  test('--name: the entry tells the gateway its name, which Claude Code counts in mcp__<name>__', async () => {
    const { after } = await roundTrip(writeClaudeCode, 'claude-code', ['--name', 'tools']);
    const entry = (
      JSON.parse(after) as { mcpServers: Record<string, { args: string[] } | undefined> }
    ).mcpServers['tools'];
    expect(entry?.args.slice(-4)).toEqual([
      '--config',
      expect.any(String),
      '--entry-name',
      'tools',
    ]);
  });

  test('Claude Code (~/.claude.json) and Windsurf round trips', async () => {
    await roundTrip(writeClaudeCode, 'claude-code');
    await roundTrip(writeWindsurf, 'windsurf');
  });

  test('Codex (TOML) round trip; comments and other tables survive, the entry is a [mcp_servers.gateway] table', async () => {
    const { after } = await roundTrip(writeCodex, 'codex');
    expect(after).toContain('# documentation lookups');
    expect(after).toContain('args = ["-y", "@upstash/context7-mcp"]   # pinned later');
    expect(after).toContain('[mcp_servers.gateway]');
    const data = getStaticTOMLValue(parseTOML(after)) as {
      mcp_servers: Record<string, { args: string[]; env?: Record<string, string> }>;
    };
    expect(data.mcp_servers['gateway']?.args.at(-2)).toBe('--config');
    // The secret the gateway config needs comes from the same file, into the entry's env.
    expect(Object.keys(data.mcp_servers['gateway']?.env ?? {})).toEqual(['OPENAI_API_KEY']);
  });

  test('--replace removes the imported servers, carries their secrets, and uninstall puts everything back', async () => {
    const machine = await createMachine();
    const file = await writeClaudeDesktop(machine);
    const original = await readFile(file, 'utf8');
    await init(machine, ['claude-desktop']);
    const result = await cli(machine, [
      'install',
      '--client',
      'claude-desktop',
      '--replace',
      '--json',
    ]);
    expect(result.exitCode, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as {
      removed: { name: string }[];
      carried: string[];
      backup: string;
    };
    expect(summary.removed.map((r) => r.name)).toEqual(['memory', 'github_server', 'brave search']);
    expect(summary.carried).toEqual(['BRAVE_SEARCH_API_KEY', 'GITHUB_PERSONAL_ACCESS_TOKEN']);
    expect(result.stdout + result.stderr).not.toContain(GITHUB_PAT);
    const data = JSON.parse(await readFile(file, 'utf8')) as {
      mcpServers: Record<string, { env?: Record<string, string> }>;
      globalShortcut: string;
    };
    expect(Object.keys(data.mcpServers)).toEqual(['gateway']);
    expect(data.mcpServers['gateway']?.env).toEqual({
      BRAVE_SEARCH_API_KEY: BRAVE_KEY,
      GITHUB_PERSONAL_ACCESS_TOKEN: GITHUB_PAT,
    });
    expect(data.globalShortcut).toBe('Ctrl+Space');
    expect(await readFile(summary.backup, 'utf8')).toBe(original);
    // Idempotent with --replace too.
    const again = await cli(machine, ['install', '--client', 'claude-desktop', '--replace']);
    expect(again.stderr).toContain('nothing changed');
    expect((await cli(machine, ['uninstall', '--client', 'claude-desktop'])).exitCode).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  test('uninstall after the user edited the file removes only the entry and puts the replaced servers back', async () => {
    const machine = await createMachine();
    const file = await writeCursor(machine);
    await init(machine, ['cursor']);
    expect((await cli(machine, ['install', '--client', 'cursor', '--replace'])).exitCode).toBe(0);
    const edited = (await readFile(file, 'utf8')).replace(
      '"mcpServers": {',
      '"mcpServers": {\n    "mine": {\n      "command": "mine"\n    },',
    );
    await writeFile(file, edited);
    const removed = await cli(machine, ['uninstall', '--client', 'cursor']);
    expect(removed.exitCode, removed.stderr).toBe(0);
    expect(removed.stderr).toContain('put back notes, linear');
    const text = await readFile(file, 'utf8');
    expect(text).toContain('"mine": {\n      "command": "mine"\n    },');
    expect(text).toContain('// Cursor reads JSON with comments');
    expect(text).not.toContain('"gateway"');
    expect(text).toContain(BEARER);
  });

  test('a client file that does not parse is refused and left untouched', async () => {
    for (const [write, client, breakIt] of [
      [writeCursor, 'cursor', (t: string) => t.replace('"linear": {', '"linear" {')],
      [writeCodex, 'codex', (t: string) => t.replace('[mcp_servers.figma]', '[mcp_servers.figma')],
    ] as const) {
      const machine = await createMachine();
      const file = await write(machine);
      await init(machine, [client]);
      const broken = breakIt(await readFile(file, 'utf8'));
      await writeFile(file, broken);
      const result = await cli(machine, ['install', '--client', client, '--replace']);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/Cannot parse .* at line \d+, column \d+/);
      expect(await readFile(file, 'utf8')).toBe(broken);
      expect((await readdir(path.dirname(file))).some((name) => name.includes('mcp-gateway'))).toBe(
        false,
      );
    }
  });

  test('a server of the same name that is not the gateway is not overwritten', async () => {
    const machine = await createMachine();
    const file = await writeClaudeDesktop(machine);
    await init(machine, ['claude-desktop']);
    const text = (await readFile(file, 'utf8')).replace(
      '"memory": {',
      '"gateway": { "command": "other" },\n    "memory": {',
    );
    await writeFile(file, text);
    const result = await cli(machine, ['install', '--client', 'claude-desktop']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('not mcp-gateway');
    expect(await readFile(file, 'utf8')).toBe(text);
  });
});

describe('from scratch', () => {
  test('init from a Claude Desktop file, install, then the client starts the gateway and a call goes through', async () => {
    const machine = await createMachine();
    const file = await writeClaudeDesktopSample(machine);
    await init(machine, ['claude-desktop']);
    expect(
      (await cli(machine, ['install', '--client', 'claude-desktop', '--replace'])).exitCode,
    ).toBe(0);
    // Start the gateway exactly as Claude Desktop would: the entry's command, args and env.
    const entry = (
      JSON.parse(await readFile(file, 'utf8')) as {
        mcpServers: { gateway: { command: string; args: string[]; env: Record<string, string> } };
      }
    ).mcpServers.gateway;
    const transport = new StdioClientTransport({
      command: entry.command,
      args: entry.args,
      // CI: no console, so the ask below is decided at once instead of waiting for a human.
      env: {
        PATH: machine.env['PATH'] ?? '',
        HOME: machine.home,
        NO_COLOR: '1',
        CI: 'true',
        ...entry.env,
      },
      cwd: '/',
      stderr: 'pipe',
    });
    const client = new Client({ name: 'claude-ai', version: '1.0.0' }, { capabilities: {} });
    try {
      await client.connect(transport);
      const result = await client.callTool({ name: 'memory__read_graph', arguments: {} });
      expect(result.isError).not.toBe(true);
      expect(JSON.stringify(result.content)).toContain('entities');
      // A write asks first; Claude Desktop-like client without elicitation gets a clear denial.
      const write = await client.callTool({
        name: 'memory__create_entities',
        arguments: { entities: [{ name: 'a', entityType: 'b', observations: [] }] },
      });
      expect(write.isError).toBe(true);
      expect(JSON.stringify(write.content)).toMatch(/approv/i);
    } finally {
      await client.close();
    }
  });
});
