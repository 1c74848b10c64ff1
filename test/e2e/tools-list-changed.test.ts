import { writeFile } from 'node:fs/promises';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, test } from 'vitest';
import { FIXTURE_SERVER } from '../helpers/paths.js';
import {
  connectGateway,
  nodeServer,
  trackGateways,
  writeConfig,
  type ConnectedGateway,
} from '../helpers/spawn-gateway.js';

const open = trackGateways();

const fixture = (tools: string) => nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: tools } });

const names = async (gateway: ConnectedGateway) =>
  (await gateway.client.listTools()).tools.map((t) => t.name).sort();

const reloads = (gateway: ConnectedGateway) =>
  gateway
    .stderr()
    .split('\n')
    .filter((l) => l.includes('config reloaded')).length;

describe('notifications/tools/list_changed on reload', () => {
  test('sent only when the list an agent sees changed', async () => {
    const servers = { a: fixture('one,two') };
    const { file } = await writeConfig({ servers });
    const gateway = await connectGateway(['--config', file, '--log-level', 'info']);
    open.push(gateway);
    expect(await names(gateway)).toEqual(['a__one', 'a__two']);
    let changes = 0;
    gateway.client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      changes++;
    });

    // A reload that changes settings but no tool anyone sees: no notification.
    await writeFile(file, JSON.stringify({ servers, scanning: { arguments: 'block' } }));
    await expect.poll(() => reloads(gateway), { timeout: 15_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(changes).toBe(0);
    expect(await names(gateway)).toEqual(['a__one', 'a__two']);

    // A reload that hides a tool (the policy can never allow it): one notification.
    await writeFile(
      file,
      JSON.stringify({
        servers,
        scanning: { arguments: 'block' },
        policy: { default: 'allow', rules: [{ id: 'no-two', effect: 'deny', match: 'a/two' }] },
      }),
    );
    await expect.poll(() => changes, { timeout: 15_000 }).toBe(1);
    expect(await names(gateway)).toEqual(['a__one']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(changes).toBe(1);
  });
});
