import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, test, vi } from 'vitest';
import { descendantPids, processAlive, waitForExit } from '../helpers/process-alive.js';
import { EVERYTHING_SERVER, FIXTURE_SERVER, MEMORY_SERVER } from '../helpers/paths.js';
import {
  connectGateway,
  nodeServer,
  trackGateways,
  writeConfig,
} from '../helpers/spawn-gateway.js';

const open = trackGateways();

const start = async (servers: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const { file } = await writeConfig({ servers, ...extra });
  const gateway = await connectGateway(['--config', file]);
  open.push(gateway);
  return gateway;
};

describe('one stdio entry in front of several real MCP servers', () => {
  test('lists every backend tool under server__tool and routes calls by the original name', async () => {
    const gateway = await start({
      everything: nodeServer(EVERYTHING_SERVER, { args: ['stdio'] }),
      memory: nodeServer(MEMORY_SERVER, {
        env: { MEMORY_FILE_PATH: '/tmp/mcp-gateway-test-memory.jsonl' },
      }),
    });
    const { tools } = await gateway.client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toContain('everything__echo');
    expect(names).toContain('everything__get-sum');
    expect(names).toContain('memory__read_graph');
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);

    const sum = await gateway.client.callTool({
      name: 'everything__get-sum',
      arguments: { a: 40, b: 2 },
    });
    expect(sum.content).toEqual([{ type: 'text', text: 'The sum of 40 and 2 is 42.' }]);
    const graph = await gateway.client.callTool({ name: 'memory__read_graph', arguments: {} });
    expect(graph.isError).not.toBe(true);
  });

  test('an unknown tool is a JSON-RPC invalid-params error', async () => {
    const gateway = await start({ fx: nodeServer(FIXTURE_SERVER) });
    await expect(
      gateway.client.callTool({ name: 'fx__nope', arguments: {} }),
    ).rejects.toMatchObject({ code: -32602 });
  });

  test('a backend that is missing, exits, hangs or speaks garbage does not stop the others', async () => {
    const gateway = await start({
      good: nodeServer(FIXTURE_SERVER),
      missing: { command: 'mcp-gateway-no-such-command-xyz' },
      exits: nodeServer(FIXTURE_SERVER, { env: { FIXTURE_EXIT_ON_START: '7' } }),
      hangs: {
        ...nodeServer(FIXTURE_SERVER, { env: { FIXTURE_HANG: '1' } }),
        timeouts: { startup: '1s' },
      },
      garbage: nodeServer(FIXTURE_SERVER, { env: { FIXTURE_GARBAGE_STDOUT: '1' } }),
    });
    const { tools } = await gateway.client.listTools();
    const servers = new Set(tools.map((t) => t.name.split('__')[0]));
    expect([...servers].sort()).toEqual(['garbage', 'good']);
    const echoed = await gateway.client.callTool({
      name: 'garbage__echo',
      arguments: { text: 'still here' },
    });
    expect(echoed.content).toEqual([{ type: 'text', text: 'echo: still here' }]);
    // The listing does not wait for the backend that hangs: its start-up timeout may fire after the call.
    await vi.waitFor(
      () => {
        expect(gateway.stderr()).toMatch(/Backend "hangs" did not finish starting within 1000 ms/);
      },
      { timeout: 10_000 },
    );
    const stderr = gateway.stderr();
    expect(stderr).toMatch(/Backend "missing" could not be started/);
    expect(stderr).toMatch(/Backend "exits" exited with code 7 before answering initialize/);
    expect(stderr).toMatch(/\[garbage\] ignored a line that is not JSON-RPC/);
  });

  test('reads every page of a paginated tools/list', async () => {
    const gateway = await start({
      paged: nodeServer(FIXTURE_SERVER, {
        env: { FIXTURE_TOOLS: 'a,b,c,d,e', FIXTURE_PAGE_SIZE: '2' },
      }),
    });
    const { tools } = await gateway.client.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      'paged__a',
      'paged__b',
      'paged__c',
      'paged__d',
      'paged__e',
    ]);
  });

  test('tools of a backend that starts late are announced with tools/list_changed', async () => {
    const gateway = await start({
      fast: nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: 'one' } }),
      late: nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: 'two', FIXTURE_DELAY_MS: '6500' } }),
    });
    let changed = 0;
    gateway.client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      changed++;
    });
    const first = await gateway.client.listTools();
    expect(first.tools.map((t) => t.name)).toEqual(['fast__one']);
    changed = 0;
    await expect.poll(() => changed, { timeout: 10_000 }).toBeGreaterThan(0);
    const second = await gateway.client.listTools();
    expect(second.tools.map((t) => t.name)).toEqual(['fast__one', 'late__two']);
  });

  test("backends get a minimal environment, not the agent's secrets", async () => {
    const { file } = await writeConfig({
      servers: {
        everything: {
          ...nodeServer(EVERYTHING_SERVER, { args: ['stdio'] }),
          env: { CHOSEN: 'yes' },
        },
      },
    });
    const gateway = await connectGateway(['--config', file], {
      env: { AGENT_SECRET_TOKEN: 'do-not-leak' },
    });
    open.push(gateway);
    const result = await gateway.client.callTool({ name: 'everything__get-env', arguments: {} });
    const text = (result.content as { text: string }[])[0]?.text ?? '';
    expect(text).toContain('"CHOSEN": "yes"');
    expect(text).toContain('"PATH"');
    expect(text).not.toContain('AGENT_SECRET_TOKEN');
  });
});

describe('shutdown leaves no child process behind', () => {
  test('stdin EOF ends the gateway and every backend, even one that ignores SIGTERM', async () => {
    const gateway = await start({
      a: nodeServer(FIXTURE_SERVER),
      b: nodeServer(FIXTURE_SERVER, { env: { FIXTURE_IGNORE_SIGTERM: '1' } }),
      everything: nodeServer(EVERYTHING_SERVER, { args: ['stdio'] }),
    });
    await gateway.client.listTools();
    const children = await descendantPids(gateway.pid);
    expect(children.length).toBeGreaterThanOrEqual(3);
    await gateway.close();
    await waitForExit(gateway.pid, 15_000);
    for (const pid of children) await waitForExit(pid, 5000);
  });

  test.each(['SIGTERM', 'SIGINT'] as const)(
    '%s ends the gateway and every backend',
    async (signal) => {
      const gateway = await start({ a: nodeServer(FIXTURE_SERVER), b: nodeServer(FIXTURE_SERVER) });
      await gateway.client.listTools();
      const children = await descendantPids(gateway.pid);
      expect(children.length).toBeGreaterThanOrEqual(2);
      process.kill(gateway.pid, signal);
      await waitForExit(gateway.pid, 15_000);
      for (const pid of children) expect(processAlive(pid)).toBe(false);
    },
  );
});
