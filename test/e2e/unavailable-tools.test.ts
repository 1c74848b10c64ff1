import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { BIN, FIXTURE_SERVER } from '../helpers/paths.js';
import { descendantPids, waitForExit } from '../helpers/process-alive.js';
import {
  connectGateway,
  nodeServer,
  trackGateways,
  writeConfig,
} from '../helpers/spawn-gateway.js';

const open = trackGateways();

const fixture = (tools: string, env: Record<string, string> = {}) =>
  nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: tools, ...env } });

type Line = Record<string, unknown> & { type: string };
const auditLines = async (dir: string): Promise<Line[]> =>
  (await readFile(path.join(dir, '.mcp-gateway', 'audit.jsonl'), 'utf8'))
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);

const textOf = (result: Record<string, unknown>): string =>
  ((result['content'] ?? []) as { text?: string }[]).map((c) => c.text ?? '').join('\n');

/** The call record of each exposed name, with its result record. */
const callsNamed = (lines: Line[], exposed: string) =>
  lines
    .filter((l) => l.type === 'call' && l['exposed'] === exposed)
    .map((call) => ({
      call,
      result: lines.find(
        (l) =>
          l.type === 'result' &&
          (l['call'] as { id: string }).id === (call['call'] as { id: string }).id,
      ),
    }));

describe('calls that reach no running tool', () => {
  test('an unknown tool is InvalidParams and is audited; audit verify passes', async () => {
    const { file, dir } = await writeConfig({ servers: { good: fixture('echo') } });
    const gateway = await connectGateway(['--config', file]);
    open.push(gateway);
    await gateway.client.listTools();
    await expect(
      gateway.client.callTool({ name: 'good__nope', arguments: { token: 'x' } }),
    ).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining('Unknown tool "good__nope"'),
    });
    await gateway.close();
    await waitForExit(gateway.pid);

    const [unknown] = callsNamed(await auditLines(dir), 'good__nope');
    expect(unknown?.call).toMatchObject({
      server: null,
      tool: null,
      // Arguments are redacted as in any call record.
      args: { token: '[REDACTED:token]' },
      decision: { deciding: 'unknown-tool', effect: 'deny', final: 'deny' },
    });
    expect(unknown?.result).toMatchObject({ outcome: { status: 'error' } });
    const verify = await execa(process.execPath, [BIN, 'audit', 'verify', '--config', file], {
      reject: false,
    });
    expect(verify.exitCode, verify.stdout + verify.stderr).toBe(0);
  });

  test('a backend that gave up after repeated crashes: its tools answer with a tool error naming it, audited', async () => {
    const { file, dir } = await writeConfig({ servers: {} });
    const marker = path.join(dir, 'crash-now');
    await writeFile(
      file,
      JSON.stringify({
        servers: {
          good: fixture('echo'),
          // Starts once, then crashes on every restart once the marker exists.
          flaky: fixture('echo', { FIXTURE_EXIT_IF_FILE: marker }),
          // Never starts: its tools were never listed.
          never: fixture('echo', { FIXTURE_EXIT_ON_START: '1' }),
        },
        cache: { enabled: false },
      }),
    );
    const gateway = await connectGateway(['--config', file]);
    open.push(gateway);
    expect((await gateway.client.listTools()).tools.map((t) => t.name).sort()).toEqual([
      'flaky__echo',
      'good__echo',
    ]);
    await writeFile(marker, '');
    const pids = await descendantPids(gateway.pid);
    // The flaky backend is the process whose environment names the marker.
    for (const pid of pids) {
      const environ = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
      if (environ.includes(marker)) process.kill(pid, 'SIGKILL');
    }
    await expect
      .poll(() => gateway.stderr(), { timeout: 40_000, interval: 500 })
      .toContain('Backend "flaky" failed 6 times in a row; giving up');
    await expect
      .poll(() => gateway.stderr(), { timeout: 40_000, interval: 500 })
      .toContain('Backend "never" failed 6 times in a row; giving up');

    expect((await gateway.client.listTools()).tools.map((t) => t.name)).toEqual(['good__echo']);
    const flaky = await gateway.client.callTool({ name: 'flaky__echo', arguments: { text: 'hi' } });
    expect(flaky.isError).toBe(true);
    expect(textOf(flaky)).toMatch(/Backend "flaky" is down: it failed 6 times in a row/);
    const never = await gateway.client.callTool({ name: 'never__echo', arguments: {} });
    expect(never.isError).toBe(true);
    expect(textOf(never)).toMatch(/Tool "never__echo" belongs to backend "never", which is down/);
    const good = await gateway.client.callTool({ name: 'good__echo', arguments: { text: 'ok' } });
    expect(textOf(good)).toBe('echo: ok');
    await gateway.close();
    await waitForExit(gateway.pid);

    const lines = await auditLines(dir);
    expect(callsNamed(lines, 'flaky__echo')[0]).toMatchObject({
      call: { server: 'flaky', tool: 'echo', decision: { final: 'allow' } },
      result: { outcome: { status: 'error' } },
    });
    expect(callsNamed(lines, 'never__echo')[0]).toMatchObject({
      call: { server: 'never', tool: null, decision: { deciding: 'unknown-tool' } },
      result: { outcome: { status: 'error' } },
    });
    const verify = await execa(process.execPath, [BIN, 'audit', 'verify', '--config', file], {
      reject: false,
    });
    expect(verify.exitCode, verify.stdout + verify.stderr).toBe(0);
  }, 90_000);
});
