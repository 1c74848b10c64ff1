import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, test } from 'vitest';
import { FIXTURE_SERVER } from '../helpers/paths.js';
import { descendantPids, processAlive, waitForExit } from '../helpers/process-alive.js';
import {
  connectGateway,
  nodeServer,
  trackGateways,
  writeConfig,
  type ConnectedGateway,
} from '../helpers/spawn-gateway.js';

const open = trackGateways();

const fixture = (tools: string, env: Record<string, string> = {}) =>
  nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: tools, ...env } });

const names = async (gateway: ConnectedGateway) =>
  (await gateway.client.listTools()).tools.map((t) => t.name).sort();

const countChanges = (gateway: ConnectedGateway) => {
  const counter = { value: 0 };
  gateway.client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
    counter.value++;
  });
  return counter;
};

const auditTypes = async (dir: string) =>
  (await readFile(path.join(dir, '.mcp-gateway', 'audit.jsonl'), 'utf8'))
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { type: string; status?: string });

describe('hot reload under a connected client', () => {
  test('adding, changing and removing servers; an invalid config is rejected and the old one stays', async () => {
    const { file, dir } = await writeConfig({ servers: { a: fixture('one'), b: fixture('two') } });
    const gateway = await connectGateway(['--config', file]);
    open.push(gateway);
    expect(await names(gateway)).toEqual(['a__one', 'b__two']);
    const changes = countChanges(gateway);
    const before = await descendantPids(gateway.pid);

    // add c, change b, keep a
    await writeFile(
      file,
      JSON.stringify({ servers: { a: fixture('one'), b: fixture('three'), c: fixture('four') } }),
    );
    await expect
      .poll(() => names(gateway), { timeout: 15_000 })
      .toEqual(['a__one', 'b__three', 'c__four']);
    expect(changes.value).toBeGreaterThan(0);
    const after = await descendantPids(gateway.pid);
    // Unchanged "a" kept its process; some process of "b" was replaced.
    expect(before.filter((pid) => after.includes(pid)).length).toBeGreaterThan(0);

    // an invalid config: rejected, everything keeps working
    await writeFile(file, JSON.stringify({ servers: { a: { comand: 'oops' } } }));
    await expect
      .poll(() => gateway.stderr(), { timeout: 10_000 })
      .toContain('The changed config was rejected');
    expect(await names(gateway)).toEqual(['a__one', 'b__three', 'c__four']);
    const still = await gateway.client.callTool({ name: 'c__four', arguments: { text: 'x' } });
    expect(still.content).toEqual([{ type: 'text', text: 'four: x' }]);

    // remove b and c
    await writeFile(file, JSON.stringify({ servers: { a: fixture('one') } }));
    await expect.poll(() => names(gateway), { timeout: 15_000 }).toEqual(['a__one']);

    await gateway.close();
    await waitForExit(gateway.pid);
    for (const pid of [...before, ...after]) expect(processAlive(pid)).toBe(false);
    const records = await auditTypes(dir);
    expect(records.filter((r) => r.type === 'config_change').map((r) => r.status)).toEqual([
      'accepted',
      'rejected',
      'accepted',
    ]);
  });

  test('policy changes apply to the next call', async () => {
    const { file } = await writeConfig({ servers: { a: fixture('one') } });
    const gateway = await connectGateway(['--config', file]);
    open.push(gateway);
    expect((await gateway.client.callTool({ name: 'a__one', arguments: {} })).isError).not.toBe(
      true,
    );
    await writeFile(
      file,
      JSON.stringify({
        servers: { a: fixture('one') },
        policy: {
          default: 'allow',
          rules: [
            { id: 'no-one', effect: 'deny', match: 'a/one', args: { text: { exists: true } } },
          ],
        },
      }),
    );
    await expect
      .poll(
        async () =>
          (await gateway.client.callTool({ name: 'a__one', arguments: { text: 'x' } })).isError,
        { timeout: 10_000 },
      )
      .toBe(true);
  });
});

describe('supervision', () => {
  test('a killed backend fails the call in flight with its name, restarts, and its tools come back', async () => {
    const { file } = await writeConfig({ servers: { fx: fixture('echo,slow') } });
    const gateway = await connectGateway(['--config', file]);
    open.push(gateway);
    await gateway.client.listTools();
    const [backendPid] = await descendantPids(gateway.pid);
    const inFlight = gateway.client.callTool({ name: 'fx__slow', arguments: { ms: 20_000 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(backendPid!, 'SIGKILL');
    const failed = await inFlight;
    expect(failed.isError).toBe(true);
    expect((failed.content as { text: string }[])[0]?.text).toContain('Backend "fx"');
    await expect
      .poll(
        async () =>
          (await gateway.client.callTool({ name: 'fx__echo', arguments: { text: 'back' } }))
            .content,
        { timeout: 15_000 },
      )
      .toEqual([{ type: 'text', text: 'echo: back' }]);
  });

  test('a backend that keeps crashing is capped, marked failed, and the others keep serving', async () => {
    const { file, dir } = await writeConfig({
      servers: { good: fixture('echo'), bad: fixture('echo', { FIXTURE_EXIT_ON_START: '1' }) },
    });
    const gateway = await connectGateway(['--config', file]);
    open.push(gateway);
    await expect
      .poll(() => gateway.stderr(), { timeout: 40_000, interval: 500 })
      .toContain('Backend "bad" failed 6 times in a row; giving up');
    expect(await names(gateway)).toEqual(['good__echo']);
    await gateway.close();
    await waitForExit(gateway.pid);
    const failed = (await auditTypes(dir)).filter(
      (r) => r.type === 'backend' && (r as { event?: string }).event === 'failed',
    );
    expect(failed).toHaveLength(1);
  }, 60_000);

  test('the tool cache answers tools/list before a slow backend is up, and the call waits for it', async () => {
    const { file } = await writeConfig({
      servers: { slow: fixture('echo', { FIXTURE_DELAY_MS: '4000' }) },
    });
    const first = await connectGateway(['--config', file]);
    open.push(first);
    expect(await names(first)).toEqual(['slow__echo']);
    await first.close();
    await waitForExit(first.pid);

    const second = await connectGateway(['--config', file]);
    open.push(second);
    const started = Date.now();
    expect(await names(second)).toEqual(['slow__echo']);
    expect(Date.now() - started).toBeLessThan(2000);
    const result = await second.client.callTool({
      name: 'slow__echo',
      arguments: { text: 'waited' },
    });
    expect(result.content).toEqual([{ type: 'text', text: 'echo: waited' }]);
  });
});
