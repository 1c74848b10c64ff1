import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CallToolResultSchema,
  ElicitRequestSchema,
  type CallToolResult,
  type Progress,
} from '@modelcontextprotocol/sdk/types.js';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { consoleApi, waitForApproval, waitForConsole } from '../helpers/console.js';
import { BIN, FIXTURE_SERVER } from '../helpers/paths.js';
import {
  connectGateway,
  nodeServer,
  TEST_STATE_HOME,
  trackGateways,
  writeConfig,
} from '../helpers/spawn-gateway.js';

const open = trackGateways();

interface Listed {
  consoles: { pid: number; port: number; configFile: string }[];
}

const textOf = (result: Record<string, unknown>): string =>
  (result as CallToolResult).content.map((c) => (c.type === 'text' ? c.text : '')).join('');

/** A config with one fixture server whose `echo` asks a human. */
const askSetup = async (extra: Record<string, unknown> = {}) => {
  const { dir, file } = await writeConfig({
    servers: { fx: nodeServer(FIXTURE_SERVER) },
    policy: { default: 'allow', rules: [{ id: 'ask-echo', effect: 'ask', match: 'fx/echo' }] },
    ...extra,
  });
  return { dir, file, stateDir: path.join(dir, '.mcp-gateway') };
};

const cli = (args: string[]) =>
  execa(process.execPath, [BIN, ...args], {
    reject: false,
    env: { NO_COLOR: '1', XDG_STATE_HOME: TEST_STATE_HOME },
  });

describe('approvals that work in every client', () => {
  test('a client that declares elicitation but declines instantly falls through to the console, with progress meanwhile', async () => {
    // The threshold is wide here so a busy test machine cannot make an instant decline look human.
    const { file, stateDir } = await askSetup({ approvals: { fastDecline: '2s' } });
    const gateway = await connectGateway(['--config', file], {
      capabilities: { elicitation: {} },
    });
    open.push(gateway);
    let elicited = 0;
    // What some clients do: declare elicitation, then decline every request unseen.
    gateway.client.setRequestHandler(ElicitRequestSchema, () => {
      elicited++;
      return { action: 'decline' };
    });
    const entry = await waitForConsole(stateDir);
    const progress: Progress[] = [];
    const call = gateway.client.callTool(
      { name: 'fx__echo', arguments: { text: 'first' } },
      CallToolResultSchema,
      { onprogress: (p) => progress.push(p), resetTimeoutOnProgress: true },
    );
    const waiting = await waitForApproval(entry);
    expect(waiting).toMatchObject({ server: 'fx', tool: 'echo', args: { text: 'first' } });
    expect(elicited).toBe(1);
    const approved = await consoleApi(entry, 'POST', `/api/approvals/${waiting.id}`, {
      decision: 'approve',
      argsHash: waiting.argsHash,
    });
    expect(approved.status).toBe(200);
    const result = await call;
    expect(textOf(result)).toBe('echo: first');
    // The agent was told it waits for a human, in the console.
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress[0]?.message).toContain('console');

    // For the rest of the session elicitation is not tried again: the console decides.
    const second = gateway.client.callTool({ name: 'fx__echo', arguments: { text: 'second' } });
    const next = await waitForApproval(entry);
    expect(elicited).toBe(1);
    await consoleApi(entry, 'POST', `/api/approvals/${next.id}`, {
      decision: 'deny',
      note: 'wrong channel',
    });
    const denied = await second;
    expect(denied.isError).toBe(true);
    expect(textOf(denied)).toContain('denied in a terminal: wrong channel');
    expect(gateway.stderr()).toContain('faster than a human can');
  });

  test('an approval names its call: another arguments hash is refused', async () => {
    const { file, stateDir } = await askSetup();
    const gateway = await connectGateway(['--config', file]);
    open.push(gateway);
    const entry = await waitForConsole(stateDir);
    const call = gateway.client.callTool({ name: 'fx__echo', arguments: { text: 'exact' } });
    const waiting = await waitForApproval(entry);
    const stale = await consoleApi(entry, 'POST', `/api/approvals/${waiting.id}`, {
      decision: 'approve',
      argsHash: `sha256:${'0'.repeat(64)}`,
    });
    expect(stale.status).toBe(409);
    const unknown = await consoleApi(entry, 'POST', '/api/approvals/nope', { decision: 'approve' });
    expect(unknown.status).toBe(404);
    await consoleApi(entry, 'POST', `/api/approvals/${waiting.id}`, {
      decision: 'approve',
      scope: 'session',
      argsHash: waiting.argsHash,
    });
    expect(textOf(await call)).toBe('echo: exact');
    // "session": the same tool runs again without asking.
    const again = await gateway.client.callTool({ name: 'fx__echo', arguments: { text: 'more' } });
    expect(textOf(again)).toBe('echo: more');
  });

  test('`approvals approve` from a terminal completes a waiting call; `deny --reason` tells the agent why', async () => {
    const { file, stateDir } = await askSetup();
    const gateway = await connectGateway(['--config', file]);
    open.push(gateway);
    await waitForConsole(stateDir);
    const call = gateway.client.callTool({ name: 'fx__echo', arguments: { text: 'from a shell' } });
    let listed: { approvals: { id: string; args: unknown; rule: string }[] } = { approvals: [] };
    for (let i = 0; i < 100 && listed.approvals.length === 0; i++) {
      const run = await cli(['approvals', 'list', '--json', '--config', file]);
      expect(run.exitCode).toBe(0);
      listed = JSON.parse(run.stdout) as typeof listed;
      if (listed.approvals.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    const [waiting] = listed.approvals;
    expect(waiting).toMatchObject({
      rule: 'ask-echo',
      args: { text: 'from a shell' },
      // The agent session that asked, as the audit log names it.
      session: expect.stringMatching(/^[0-9a-f]{8}-s\d+$/),
    });
    const human = await cli(['approvals', 'list', '--config', file]);
    expect(human.stdout).toContain(`mcp-gateway approvals approve ${waiting!.id}`);
    expect(human.stdout).toContain(`session: ${(waiting as { session?: string }).session ?? ''}`);
    expect(human.stdout).toContain('"text": "from a shell"');
    const approve = await cli(['approvals', 'approve', waiting!.id, '--config', file]);
    expect(approve.exitCode).toBe(0);
    expect(approve.stdout).toContain(`approved ${waiting!.id}: fx/echo`);
    expect(textOf(await call)).toBe('echo: from a shell');

    const second = gateway.client.callTool({ name: 'fx__echo', arguments: { text: 'no' } });
    let id: string | undefined;
    for (let i = 0; i < 100 && id === undefined; i++) {
      const run = await cli(['approvals', '--json', '--config', file]);
      id = (JSON.parse(run.stdout) as typeof listed).approvals[0]?.id;
      if (id === undefined) await new Promise((r) => setTimeout(r, 100));
    }
    const deny = await cli([
      'approvals',
      'deny',
      id!,
      '--reason',
      'use the staging server',
      '--config',
      file,
    ]);
    expect(deny.exitCode).toBe(0);
    const denied = await second;
    expect(denied.isError).toBe(true);
    expect(textOf(denied)).toContain('denied in a terminal: use the staging server');
    const gone = await cli(['approvals', 'approve', id!, '--config', file]);
    expect(gone.exitCode).toBe(1);
    expect(gone.stderr).toContain(`No call waits for approval "${id!}"`);
  });

  test('CI with no console: ask denies at once unless pre-approved, and the message says how', async () => {
    const { dir, file } = await askSetup();
    const ci = await connectGateway(['--config', file], { env: { CI: 'true' } });
    open.push(ci);
    const started = Date.now();
    const denied = await ci.client.callTool({ name: 'fx__echo', arguments: { text: 'ci' } });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(denied.isError).toBe(true);
    expect(textOf(denied)).toContain('the console is off');
    expect(textOf(denied)).toContain('--approve ask-echo');
    await ci.close();

    const preapproved = await connectGateway(['--config', file, '--approve', 'ask-echo'], {
      env: { CI: 'true' },
    });
    open.push(preapproved);
    const ran = await preapproved.client.callTool({ name: 'fx__echo', arguments: { text: 'ci' } });
    expect(textOf(ran)).toBe('echo: ci');
    await preapproved.close();
    const records = (await readFile(path.join(dir, '.mcp-gateway', 'audit.jsonl'), 'utf8'))
      .split('\n')
      .filter((line) => line.includes('"type":"call"'))
      .map((line) => JSON.parse(line) as { decision: { final: string; approval?: unknown } });
    expect(records.map((r) => r.decision)).toMatchObject([
      { final: 'deny', approval: { approved: false } },
      { final: 'allow', approval: { approved: true, channel: 'preapproved' } },
    ]);
  });

  test('--approve with an id that is no ask rule is a usage error', async () => {
    const { file } = await askSetup();
    const run = await cli(['validate', '--config', file, '--approve', 'ask-ech']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--approve ask-ech');
    expect(run.stderr).toContain('ask-echo');
  });

  test('`approvals` and `console` say so when no gateway runs', async () => {
    const { file } = await askSetup();
    const run = await cli(['approvals', 'list', '--config', file]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('No running gateway serves a console');
    const consoleRun = await cli(['console', '--no-open', '--config', file]);
    expect(consoleRun.exitCode).toBe(1);
  });

  test('`console` lists every gateway of a config, each on its own port, with a fresh login link', async () => {
    const { file, stateDir } = await askSetup();
    const first = await connectGateway(['--config', file]);
    open.push(first);
    const second = await connectGateway(['--config', file]);
    open.push(second);
    await waitForConsole(stateDir);
    let consoles: { pid: number; port: number; loginUrl: string }[] = [];
    for (let i = 0; i < 100 && consoles.length < 2; i++) {
      const run = await cli(['console', '--no-open', '--json', '--config', file]);
      expect(run.exitCode).toBe(0);
      consoles = (JSON.parse(run.stdout) as { consoles: typeof consoles }).consoles;
      if (consoles.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(consoles.map((c) => c.pid).sort()).toEqual([first.pid, second.pid].sort());
    expect(new Set(consoles.map((c) => c.port)).size).toBe(2);
    const login = await fetch(consoles[0]!.loginUrl, { redirect: 'manual' });
    expect(login.status).toBe(303);
    expect(login.headers.get('set-cookie')).toContain('HttpOnly; SameSite=Strict');
    // One time only.
    const again = await fetch(consoles[0]!.loginUrl, { redirect: 'manual' });
    expect(again.status).toBe(401);
    await second.close();
    // A gateway that stopped removes its entry.
    const run = await cli(['console', '--no-open', '--json', '--config', file]);
    expect((JSON.parse(run.stdout) as { consoles: unknown[] }).consoles).toHaveLength(1);
  });

  test('`console --all` and `approvals --all` reach the gateways of every config on the machine', async () => {
    const a = await askSetup();
    const b = await askSetup();
    const first = await connectGateway(['--config', a.file]);
    open.push(first);
    const second = await connectGateway(['--config', b.file]);
    open.push(second);
    await waitForConsole(a.stateDir);
    const entryB = await waitForConsole(b.stateDir);
    let listed: Listed = { consoles: [] };
    for (let i = 0; i < 100 && listed.consoles.length < 2; i++) {
      const run = await cli(['console', '--all', '--no-open', '--json']);
      listed = run.exitCode === 0 ? (JSON.parse(run.stdout) as Listed) : { consoles: [] };
      if (listed.consoles.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(listed.consoles.map((c) => [c.pid, c.configFile]).sort()).toEqual(
      [
        [first.pid, a.file],
        [second.pid, b.file],
      ].sort(),
    );
    expect(new Set(listed.consoles.map((c) => c.port)).size).toBe(2);
    // Without --all, a config sees its own gateways only.
    const own = await cli(['console', '--no-open', '--json', '--config', a.file]);
    expect((JSON.parse(own.stdout) as Listed).consoles.map((c) => c.pid)).toEqual([first.pid]);

    // A call waiting in the second config's gateway is decided without naming that config.
    const call = second.client.callTool({ name: 'fx__echo', arguments: { text: 'anywhere' } });
    const waiting = await waitForApproval(entryB);
    const all = await cli(['approvals', 'list', '--all', '--json']);
    expect(
      (JSON.parse(all.stdout) as { approvals: { id: string }[] }).approvals.map((x) => x.id),
    ).toEqual([waiting.id]);
    expect((await cli(['approvals', 'approve', waiting.id, '--all'])).exitCode).toBe(0);
    expect(textOf(await call)).toBe('echo: anywhere');

    await first.close();
    await second.close();
    const none = await cli(['console', '--all', '--no-open']);
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain('No running gateway of yours');
  });
});
