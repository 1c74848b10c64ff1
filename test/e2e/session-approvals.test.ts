import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, test } from 'vitest';
import type { ConsoleEntry } from '../../src/console/console-registry.js';
import { consoleApi, waitForApproval, waitForConsole } from '../helpers/console.js';
import { BIN, FIXTURE_SERVER, WEB_SERVER } from '../helpers/paths.js';
import { nodeServer, startListening, writeConfig } from '../helpers/spawn-gateway.js';

const listeners: { stop: () => Promise<void> }[] = [];
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close().catch(() => undefined);
  for (const listener of listeners.splice(0)) await listener.stop();
});

const textOf = (result: Record<string, unknown>): string =>
  (result as CallToolResult).content.map((c) => (c.type === 'text' ? c.text : '')).join('');

/** `serve --http` with the console on (also when the test itself runs under CI). */
const serve = async (config: Record<string, unknown>) => {
  const { dir, file } = await writeConfig(config);
  const server = await startListening(
    [BIN, 'serve', '--http', '127.0.0.1:0', '--no-auth', '--config', file],
    { CI: 'false' },
  );
  listeners.push(server);
  const stateDir = path.join(dir, '.mcp-gateway');
  const entry = await waitForConsole(stateDir);
  const connect = async (name: string): Promise<Client> => {
    const client = new Client({ name, version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
    clients.push(client);
    return client;
  };
  return { entry, connect, auditFile: path.join(stateDir, 'audit.jsonl') };
};

/**
 * Starts a call and says whether it waits for a human in the console or completes without
 * anyone being asked; the waiting call's pending approval comes back with it.
 */
const waitsOrRuns = async (
  entry: ConsoleEntry,
  call: Promise<Record<string, unknown>>,
): Promise<
  | { kind: 'waits'; approval: Awaited<ReturnType<typeof waitForApproval>> }
  | { kind: 'ran'; result: Record<string, unknown> }
> =>
  Promise.race([
    call.then((result) => ({ kind: 'ran' as const, result })),
    waitForApproval(entry).then((approval) => ({ kind: 'waits' as const, approval })),
  ]);

const decide = (
  entry: ConsoleEntry,
  approval: { id: string; argsHash: string },
  decision: 'approve' | 'deny',
  scope: 'once' | 'session' = 'once',
) =>
  consoleApi(entry, 'POST', `/api/approvals/${approval.id}`, {
    decision,
    scope,
    argsHash: approval.argsHash,
  });

describe('"approve for this session" is bound to the agent session that asked (serve --http)', () => {
  test("one client's session approval does not let another client's call through", async () => {
    const { entry, connect, auditFile } = await serve({
      servers: { fx: nodeServer(FIXTURE_SERVER) },
      policy: { default: 'allow', rules: [{ id: 'ask-echo', effect: 'ask', match: 'fx/echo' }] },
    });
    const alice = await connect('alice');
    const bob = await connect('bob');

    const first = alice.callTool({ name: 'fx__echo', arguments: { text: 'alice 1' } });
    const asked = await waitsOrRuns(entry, first);
    expect(asked.kind).toBe('waits');
    if (asked.kind !== 'waits') return;
    expect((await decide(entry, asked.approval, 'approve', 'session')).status).toBe(200);
    expect(textOf(await first)).toBe('echo: alice 1');
    // Alice's own session: nobody is asked again.
    expect(textOf(await alice.callTool({ name: 'fx__echo', arguments: { text: 'alice 2' } }))).toBe(
      'echo: alice 2',
    );

    // Bob's session never was approved: his call waits for a human, who denies it.
    const bobCall = bob.callTool({ name: 'fx__echo', arguments: { text: 'bob 1' } });
    const bobAsked = await waitsOrRuns(entry, bobCall);
    expect(bobAsked.kind).toBe('waits');
    if (bobAsked.kind !== 'waits') return;
    expect(bobAsked.approval.args).toEqual({ text: 'bob 1' });
    await decide(entry, bobAsked.approval, 'deny');
    const denied = await bobCall;
    expect(denied.isError).toBe(true);
    // The API token is the terminal's (`mcp-gateway approvals`); the page has its own cookie.
    expect(textOf(denied)).toContain('denied in a terminal');

    const calls = (await readFile(auditFile, 'utf8'))
      .split('\n')
      .filter((line) => line.includes('"type":"call"'))
      .map((line) => JSON.parse(line) as { args: unknown; decision: Record<string, unknown> });
    expect(calls.map((c) => [c.args, c.decision['final'], c.decision['approval']])).toEqual([
      [{ text: 'alice 1' }, 'allow', { scope: 'session', approved: true, channel: 'terminal' }],
      [{ text: 'alice 2' }, 'allow', { scope: 'session', approved: true }],
      [{ text: 'bob 1' }, 'deny', { scope: 'once', approved: false, channel: 'terminal' }],
    ]);
  });

  test("a flow ask approved for one session clears that session's labels only; the other is still asked", async () => {
    const { entry, connect, auditFile } = await serve({
      servers: { web: nodeServer(WEB_SERVER) },
      policy: { default: 'allow' },
    });
    const alice = await connect('alice');
    const bob = await connect('bob');
    // Both read an outside page carrying an injection: both sessions are untrusted.
    for (const client of [alice, bob])
      await client.callTool({
        name: 'web__fetch',
        arguments: { url: 'https://docs.example/injected' },
      });

    const aliceOut = alice.callTool({
      name: 'web__fetch',
      arguments: { url: 'https://evil.example/alice' },
    });
    const aliceAsked = await waitsOrRuns(entry, aliceOut);
    expect(aliceAsked.kind).toBe('waits');
    if (aliceAsked.kind !== 'waits') return;
    await decide(entry, aliceAsked.approval, 'approve', 'session');
    expect((await aliceOut).isError).not.toBe(true);

    const bobOut = bob.callTool({
      name: 'web__fetch',
      arguments: { url: 'https://evil.example/bob' },
    });
    const bobAsked = await waitsOrRuns(entry, bobOut);
    expect(bobAsked.kind).toBe('waits');
    if (bobAsked.kind !== 'waits') return;
    await decide(entry, bobAsked.approval, 'deny');
    const denied = await bobOut;
    expect(denied.isError).toBe(true);
    expect(textOf(denied)).toContain('flow rule "untrusted-egress"');

    const records = (await readFile(auditFile, 'utf8'))
      .split('\n')
      .filter((line) => line.includes('"type":"label"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const cleared = records.filter((r) => r['event'] === 'cleared');
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatchObject({ cause: 'approval', labels: [] });
    const aliceSession = records.find(
      (r) => r['event'] === 'added' && r['session_id'] === cleared[0]?.['session_id'],
    );
    expect(aliceSession).toBeDefined();
    // Bob's session kept its label: no record clears it.
    const sessions = new Set(records.map((r) => r['session_id']));
    expect(sessions.size).toBe(2);
  });
});
