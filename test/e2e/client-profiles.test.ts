import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, test } from 'vitest';
import { BIN, FIXTURE_SERVER } from '../helpers/paths.js';
import { waitForExit } from '../helpers/process-alive.js';
import {
  connectGateway,
  nodeServer,
  startListening,
  trackGateways,
  writeConfig,
  type ConnectedGateway,
} from '../helpers/spawn-gateway.js';
import { linesText } from '../fixtures/servers/lines-text.mjs';
const open = trackGateways();

const numbered = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);

/** 60 tools: docs d01…d40 and code c01…c20, with the user's priorities and one exclusion. */
const SIXTY_TOOLS = {
  servers: {
    docs: {
      ...nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: numbered('d', 40).join(',') } }),
      tools: { exclude: ['d40'], priority: { 'd3*': 20 } },
    },
    code: {
      ...nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: numbered('c', 20).join(',') } }),
      priority: 5,
    },
  },
};

const CURSOR = { name: 'cursor-vscode', version: '1.7.0' };
const CLAUDE_CODE = { name: 'claude-code', version: '2.0.0' };

const connect = async (
  config: unknown,
  clientInfo?: { name: string; version: string },
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ gateway: ConnectedGateway; file: string; dir: string }> => {
  const { file, dir } = await writeConfig(config);
  const gateway = await connectGateway(['--config', file, ...args], {
    ...(clientInfo === undefined ? {} : { clientInfo }),
    env,
  });
  open.push(gateway);
  return { gateway, file, dir };
};

const cli = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [BIN, ...args], {
    reject: false,
    env: { NO_COLOR: '1', ...env },
    extendEnv: false,
  });

const waitFor = async (check: () => boolean, ms = 5000): Promise<void> => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('a client with a tool cap (Cursor, 40)', () => {
  const capped = numbered('d', 29).slice(10); // d11…d29: priority 0, after d01…d10 in order
  const kept = [
    ...numbered('d', 10).map((t) => `docs__${t}`),
    ...numbered('d', 39)
      .slice(29)
      .map((t) => `docs__${t}`),
    ...numbered('c', 20).map((t) => `code__${t}`),
  ];

  test('sees at most its cap, chosen by the priorities in the config, and is told what was left out', async () => {
    const { gateway } = await connect(SIXTY_TOOLS, CURSOR);
    const { tools } = await gateway.client.listTools();
    expect(tools).toHaveLength(40);
    expect(tools.map((t) => t.name).sort()).toEqual([...kept].sort());

    // Never silently: stderr names every tool left out, and why.
    await waitFor(() => gateway.stderr().includes('left out'));
    const stderr = gateway.stderr();
    expect(stderr).toContain(
      'Cursor takes at most 40 tools (the client table); 59 are offered, so 19 are left out:',
    );
    for (const tool of capped) expect(stderr).toContain(`docs__${tool}`);
    expect(stderr).toContain('servers.docs.tools.exclude leaves out 1 tool: docs__d40');

    // A left-out tool cannot be called by name either, and the error says why.
    await expect(
      gateway.client.callTool({ name: 'docs__d11', arguments: { text: 'x' } }),
    ).rejects.toThrow(/not offered to Cursor: it is over the tool cap \(40\)/);
    const ok = await gateway.client.callTool({ name: 'docs__d35', arguments: { text: 'hi' } });
    expect(ok.content).toEqual([{ type: 'text', text: 'd35: hi' }]);
  });

  test('a client with no cap gets every tool the config offers', async () => {
    const { gateway } = await connect(SIXTY_TOOLS);
    const { tools } = await gateway.client.listTools();
    expect(tools).toHaveLength(59);
    expect(tools.map((t) => t.name)).not.toContain('docs__d40');
  });

  test('clients.<name>.toolCap overrides the table', async () => {
    const { gateway } = await connect(
      { ...SIXTY_TOOLS, clients: { cursor: { toolCap: 25 } } },
      CURSOR,
    );
    const { tools } = await gateway.client.listTools();
    expect(tools).toHaveLength(25);
    // The 10 docs at priority 20, then the 20 code tools at 5: the first 15 of those.
    expect(tools.filter((t) => t.name.startsWith('docs__'))).toHaveLength(10);
    await waitFor(() => gateway.stderr().includes('clients.cursor.toolCap'));
  });

  test('tools --client and doctor --client show what Cursor would be offered', async () => {
    const { file } = await writeConfig(SIXTY_TOOLS);
    const tools = await cli(['tools', '--client', 'cursor', '--config', file]);
    expect(tools.exitCode).toBe(0);
    const row = tools.stdout.split('\n').find((l) => l.includes('docs__d11'));
    expect(row).toMatch(/left out \(cap\)/);
    expect(tools.stdout).toContain("19 tools left out over Cursor's cap of 40:");
    expect(tools.stdout).toContain('1 tool left out by servers.docs.tools.exclude: docs__d40');

    const json = await cli(['tools', '--client', 'cursor', '--json', '--config', file]);
    const report = JSON.parse(json.stdout) as {
      client: { offered: number; toolCap: number; leftOut: { exposed: string; reason: string }[] };
    };
    expect(report.client.offered).toBe(40);
    expect(report.client.toolCap).toBe(40);
    expect(report.client.leftOut.filter((l) => l.reason === 'cap').map((l) => l.exposed)).toEqual(
      capped.map((t) => `docs__${t}`),
    );

    const doctor = await cli(['doctor', '--client', 'cursor', '--config', file]);
    expect(doctor.stdout).toMatch(/Cursor: 40 tools offered/);
    expect(doctor.stdout).toContain("19 tools left out over Cursor's cap of 40");
  });
});

describe('name budgets per client', () => {
  const LONG = 'search_repositories_by_topic_and_language_ordered';
  const config = {
    servers: { github: nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: `${LONG},echo` } }) },
  };

  test("Claude Code's mcp__<entry>__ prefix counts in its 64: names are shortened to fit, and still route", async () => {
    expect(`github__${LONG}`.length).toBe(57);
    const { gateway } = await connect(config, CLAUDE_CODE);
    const { tools } = await gateway.client.listTools();
    const names = tools.map((t) => t.name);
    for (const name of names) expect(`mcp__gateway__${name}`.length).toBeLessThanOrEqual(64);
    const long = names.find((n) => n !== 'github__echo');
    expect(long).toBeDefined();
    expect(long).not.toBe(`github__${LONG}`);
    const result = await gateway.client.callTool({ name: long ?? '', arguments: { text: 'go' } });
    expect(result.content).toEqual([{ type: 'text', text: `${LONG}: go` }]);
    // Short names are untouched.
    expect(names).toContain('github__echo');
  });

  test('the same config gives a client without a prefix the full name', async () => {
    const { gateway } = await connect(config);
    const { tools } = await gateway.client.listTools();
    expect(tools.map((t) => t.name)).toContain(`github__${LONG}`);
  });

  test('--entry-name changes the prefix counted', async () => {
    // mcp__x__ leaves 56 characters (mcp__gateway__ left 50): still short of the 57 needed.
    const { gateway } = await connect(config, CLAUDE_CODE, ['--entry-name', 'x']);
    const { tools } = await gateway.client.listTools();
    for (const t of tools) expect(`mcp__x__${t.name}`.length).toBeLessThanOrEqual(64);
    const long = tools.map((t) => t.name).find((n) => n !== 'github__echo') ?? '';
    expect(long.length).toBeGreaterThan(50);
    expect(long.length).toBeLessThanOrEqual(56);
  });
});

describe('large results (limits.resultBytes, clients.<name>.resultBytes)', () => {
  const LIMIT = 100_000;
  const config = {
    servers: { fx: nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: 'lines,echo' } }) },
    clients: { 'gateway-test': { resultBytes: LIMIT } },
  };
  const textOf = (result: Record<string, unknown>): string =>
    ((result['content'] ?? []) as { text?: string }[]).map((c) => c.text ?? '').join('');

  test('a 200 KB result to a client with a 100 KB limit is cut cleanly and the rest is read back', async () => {
    const { gateway, dir } = await connect(config);
    const whole = linesText(200_000);
    const result = await gateway.client.callTool({
      name: 'fx__lines',
      arguments: { bytes: 200_000 },
    });
    const content = result.content as { type: string; text: string }[];
    expect(content).toHaveLength(2);
    const [shown, note] = content.map((c) => c.text);
    expect(Buffer.byteLength(textOf(result))).toBeLessThanOrEqual(LIMIT);
    // Cut at a line end, never inside a character.
    expect(shown?.endsWith('\n')).toBe(true);
    expect(whole.startsWith(shown ?? '')).toBe(true);
    const shownBytes = Buffer.byteLength(shown ?? '');
    expect(note).toContain(
      `${shownBytes.toLocaleString('en-US')} of its 200,000 bytes of text are shown`,
    );
    const uri =
      /resources\/read with uri "(mcp-gateway:\/\/results\/[0-9a-f]+)\?offset=(\d+)&length=(\d+)"/.exec(
        note ?? '',
      );
    expect(uri).not.toBeNull();
    const [, base = '', offset = '', length = ''] = uri ?? [];
    expect(Number(offset)).toBe(shownBytes);

    // Read the rest as the note says: raise offset by length until the end.
    let rest = '';
    for (let at = Number(offset); at < 200_000; at += Number(length)) {
      const read = await gateway.client.readResource({
        uri: `${base}?offset=${at}&length=${length}`,
      });
      const [item] = read.contents as { text: string; mimeType: string }[];
      expect(item?.mimeType).toBe('text/plain');
      rest += item?.text ?? '';
      expect(read._meta?.['mcp-gateway/receipt']).toBeDefined();
    }
    expect((shown ?? '') + rest).toBe(whole);

    // An odd range: starts inside an emoji, ends inside another; whole characters come back.
    const odd = await gateway.client.readResource({
      uri: `${base}?offset=${shownBytes + 35}&length=7`,
    });
    const range = odd._meta?.['mcp-gateway/range'] as { offset: number; length: number };
    const oddText = (odd.contents[0] as { text: string }).text;
    expect(Buffer.byteLength(oddText)).toBe(range.length);
    expect(whole.includes(oddText)).toBe(true);
    expect(oddText).not.toContain('\uFFFD');

    // The template and the session's kept results are listed.
    const templates = await gateway.client.listResourceTemplates();
    expect(templates.resourceTemplates.map((t) => t.uriTemplate)).toContain(
      'mcp-gateway://results/{id}{?offset,length}',
    );
    const listed = await gateway.client.listResources();
    expect(listed.resources.map((r) => r.uri)).toContain(base);

    // Audited like any result: the call's record describes the whole result and names the cut;
    // every read is a call and a result of its own, and the chain verifies.
    const records = (await readFile(path.join(dir, '.mcp-gateway', 'audit.jsonl'), 'utf8'))
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const cutRecord = records.find((r) => r['type'] === 'result' && r['cut'] !== undefined);
    expect(cutRecord?.['cut']).toEqual({
      shown_bytes: shownBytes,
      text_bytes: 200_000,
      resource: base,
    });
    expect((cutRecord?.['outcome'] as { bytes: number }).bytes).toBeGreaterThan(200_000);
    const reads = records.filter((r) => r['type'] === 'call' && r['tool'] === 'results/read');
    expect(reads.length).toBeGreaterThanOrEqual(2);
    const verify = await cli([
      'audit',
      'verify',
      '--config',
      path.join(dir, 'mcp-gateway.config.json'),
    ]);
    expect(verify.exitCode, verify.stdout + verify.stderr).not.toBe(1);

    // Kept in the state folder while the session lasts; gone when it ends.
    const resultsDir = path.join(dir, '.mcp-gateway', 'results');
    const [own] = await readdir(resultsDir);
    expect(await readdir(path.join(resultsDir, own ?? ''))).toHaveLength(1);
    await gateway.close();
    await waitForExit(gateway.pid);
    expect(await readdir(resultsDir)).toEqual([]);
  });

  test('a small result passes whole, and an unknown or malformed result URI is refused', async () => {
    const { gateway } = await connect(config);
    const small = await gateway.client.callTool({ name: 'fx__lines', arguments: { bytes: 5000 } });
    expect(textOf(small)).toBe(linesText(5000));
    await expect(
      gateway.client.readResource({ uri: `mcp-gateway://results/${'0'.repeat(32)}` }),
    ).rejects.toThrow(/no kept result/);
    await expect(
      gateway.client.readResource({ uri: `mcp-gateway://results/${'0'.repeat(32)}?offset=x` }),
    ).rejects.toThrow(/offset must be a whole number/);
  });

  test("Claude Code's own MAX_MCP_OUTPUT_TOKENS sets its limit; limits.resultBytes: null never cuts", async () => {
    const base = { servers: config.servers };
    const { gateway } = await connect(base, CLAUDE_CODE, [], { MAX_MCP_OUTPUT_TOKENS: '10000' });
    const cut = await gateway.client.callTool({ name: 'fx__lines', arguments: { bytes: 60_000 } });
    // 10,000 tokens at 3 bytes each.
    expect(Buffer.byteLength(textOf(cut))).toBeLessThanOrEqual(30_000);
    expect(textOf(cut)).toContain("Claude Code's limit of 30,000 bytes");

    const { gateway: never } = await connect(
      { ...base, limits: { resultBytes: null } },
      CLAUDE_CODE,
      [],
      {
        MAX_MCP_OUTPUT_TOKENS: '10000',
      },
    );
    const whole = await never.client.callTool({ name: 'fx__lines', arguments: { bytes: 60_000 } });
    expect(textOf(whole)).toBe(linesText(60_000));
  });
});

describe('large results over serve --http', () => {
  const listeners: { stop: () => Promise<void> }[] = [];
  afterEach(async () => {
    for (const listener of listeners.splice(0)) await listener.stop();
  });

  test("each client is fitted on its own, and one session cannot read another's kept result", async () => {
    const { file } = await writeConfig({
      servers: { fx: nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: 'lines' } }) },
      clients: { 'small-client': { resultBytes: 10_000 } },
    });
    const server = await startListening([
      BIN,
      'serve',
      '--http',
      '127.0.0.1:0',
      '--no-auth',
      '--config',
      file,
    ]);
    listeners.push(server);
    const connect = async (name: string) => {
      const client = new Client({ name, version: '1' });
      await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
      return client;
    };
    const small = await connect('small-client');
    const other = await connect('other-client');
    try {
      const cut = await small.callTool({ name: 'fx__lines', arguments: { bytes: 30_000 } });
      const note = (cut.content as { text: string }[]).at(-1)?.text ?? '';
      const uri = /mcp-gateway:\/\/results\/[0-9a-f]+/.exec(note)?.[0] ?? '';
      expect(uri).not.toBe('');
      const whole = await other.callTool({ name: 'fx__lines', arguments: { bytes: 30_000 } });
      expect((whole.content as { text: string }[]).map((c) => c.text).join('')).toBe(
        linesText(30_000),
      );
      await expect(other.readResource({ uri })).rejects.toThrow(/no kept result/);
      const own = await small.readResource({ uri: `${uri}?offset=0&length=100` });
      const part = (own.contents[0] as { text: string }).text;
      expect(linesText(30_000).startsWith(part)).toBe(true);
      expect(Buffer.byteLength(part)).toBeGreaterThan(95);
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(100);
    } finally {
      await small.close();
      await other.close();
    }
  });
});

describe('profiles', () => {
  const config = {
    servers: {
      code: nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: 'edit,build' } }),
      mail: nodeServer(FIXTURE_SERVER, {
        env: { FIXTURE_TOOLS: 'read_inbox,send,delete_all', TOKEN: '${env:MAIL_TOKEN}' },
      }),
    },
    profiles: {
      coding: { servers: ['code'] },
      mail: { servers: ['mail'], tools: { exclude: ['mail/delete_*'] } },
    },
  };

  test('--profile runs only its servers and tools; servers outside it need no secrets', async () => {
    const { gateway } = await connect(config, undefined, ['--profile', 'coding']);
    const { tools } = await gateway.client.listTools();
    // MAIL_TOKEN is unset, yet the coding profile starts: mail is not part of it.
    expect(tools.map((t) => t.name).sort()).toEqual(['code__build', 'code__edit']);
  });

  test('MCP_GATEWAY_PROFILE chooses too, and profile tool filters apply', async () => {
    const { gateway } = await connect(config, undefined, [], {
      MCP_GATEWAY_PROFILE: 'mail',
      MAIL_TOKEN: 't',
    });
    const { tools } = await gateway.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['mail__read_inbox', 'mail__send']);
  });

  test('doctor --profile says which servers are outside it and does not ask for their secrets', async () => {
    const { file } = await writeConfig(config);
    const run = await cli(['doctor', '--profile', 'coding', '--config', file]);
    expect(run.stdout).toMatch(/mail +not in profile "coding"/);
    expect(run.stdout).not.toContain('MAIL_TOKEN');
    expect(run.exitCode).toBe(0);
    // Without the profile the unset variable is a problem again.
    const all = await cli(['doctor', '--config', file]);
    expect(all.stdout).toContain('MAIL_TOKEN');
    expect(all.exitCode).toBe(1);
  });

  test('an unknown profile is a clear error naming the ones there are', async () => {
    const { file } = await writeConfig(config);
    const run = await cli(['tools', '--profile', 'nope', '--config', file]);
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('has no profile "nope"');
    expect(run.stderr).toContain('"coding", "mail"');
  });
});
