import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { BIN, FILESYSTEM_SERVER, FIXTURE_SERVER } from '../helpers/paths.js';
import { waitForExit } from '../helpers/process-alive.js';
import {
  connectGateway,
  nodeServer,
  trackGateways,
  writeConfig,
} from '../helpers/spawn-gateway.js';

const open = trackGateways();

const textOf = (result: Record<string, unknown>): string =>
  ((result['content'] ?? []) as { type: string; text?: string }[])
    .map((c) => c.text ?? '')
    .join('\n');

const readRecords = async (file: string): Promise<Record<string, unknown>[]> =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const verify = (config: string) =>
  execa(process.execPath, [BIN, 'audit', 'verify', '--json', '--config', config], {
    reject: false,
  });

/** A folder tree for server-filesystem: root/allowed is writable by policy, root itself is not. */
const filesystemSetup = async (policy: (root: string) => Record<string, unknown>) => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mcp-gateway-fs-'));
  await mkdir(path.join(root, 'allowed'));
  const { file, dir } = await writeConfig({
    servers: { fs: nodeServer(FILESYSTEM_SERVER, { args: [root] }) },
    policy: policy(root),
  });
  return { root, config: file, auditFile: path.join(dir, '.mcp-gateway', 'audit.jsonl') };
};

describe('one policy across all servers, through the built CLI', () => {
  test('writes outside the allowed folder are denied, inside allowed; tools never allowed are hidden', async () => {
    const { root, config, auditFile } = await filesystemSetup((root) => ({
      default: 'deny',
      access: { 'fs/read_*': 'read', 'fs/list_*': 'read' },
      rules: [
        { id: 'reads', effect: 'allow', match: 'fs/*', access: 'read' },
        {
          id: 'write-allowed',
          effect: 'allow',
          match: 'fs/write_file',
          args: { path: { pathUnder: path.join(root, 'allowed') } },
        },
      ],
    }));
    const gateway = await connectGateway(['--config', config]);
    open.push(gateway);
    const names = (await gateway.client.listTools()).tools.map((t) => t.name);
    expect(names).toContain('fs__write_file');
    expect(names).toContain('fs__read_text_file');
    expect(names).not.toContain('fs__move_file');

    const inside = await gateway.client.callTool({
      name: 'fs__write_file',
      arguments: { path: path.join(root, 'allowed', 'a.txt'), content: 'ok' },
    });
    expect(inside.isError).not.toBe(true);
    expect(await readFile(path.join(root, 'allowed', 'a.txt'), 'utf8')).toBe('ok');
    expect(inside._meta?.['mcp-gateway/receipt']).toMatchObject({
      seq: expect.any(Number) as number,
      hash: expect.stringMatching(/^sha256:/) as string,
    });

    const escape = await gateway.client.callTool({
      name: 'fs__write_file',
      arguments: { path: path.join(root, 'allowed', '..', 'b.txt'), content: 'no' },
    });
    expect(escape.isError).toBe(true);
    expect(textOf(escape)).toContain('Denied by the gateway\'s policy (rule "default")');
    await expect(readFile(path.join(root, 'b.txt'))).rejects.toThrow();

    await gateway.close();
    await waitForExit(gateway.pid);
    const records = await readRecords(auditFile);
    const calls = records.filter((r) => r['type'] === 'call');
    expect(calls.map((r) => (r['decision'] as { final: string }).final)).toEqual(['allow', 'deny']);
    const results = records
      .filter((r) => r['type'] === 'result')
      .map((r) => (r['outcome'] as { status: string }).status);
    expect(results).toEqual(['ok', 'denied']);
    expect((await verify(config)).exitCode).toBe(0);
  });

  test('ask: the human approves through elicitation, or declines', async () => {
    const { root, config } = await filesystemSetup(() => ({
      default: 'allow',
      rules: [{ id: 'ask-writes', effect: 'ask', match: 'fs/write_file' }],
    }));
    let answer: 'accept' | 'decline' = 'accept';
    const gateway = await connectGateway(['--config', config], {
      capabilities: { elicitation: {} },
    });
    open.push(gateway);
    const asked: string[] = [];
    gateway.client.setRequestHandler(ElicitRequestSchema, async (request) => {
      asked.push(request.params.message);
      // A human takes longer than approvals.fastDecline (150 ms) to read and decide.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return answer === 'accept'
        ? { action: 'accept', content: { approve: true, scope: 'once' } }
        : { action: 'decline' };
    });
    const approved = await gateway.client.callTool({
      name: 'fs__write_file',
      arguments: { path: path.join(root, 'x.txt'), content: 'yes' },
    });
    expect(approved.isError).not.toBe(true);
    expect(asked[0]).toContain('"write_file" on the server "fs"');
    answer = 'decline';
    const declined = await gateway.client.callTool({
      name: 'fs__write_file',
      arguments: { path: path.join(root, 'y.txt'), content: 'no' },
    });
    expect(declined.isError).toBe(true);
    expect(textOf(declined)).toContain('declined');
    expect(asked).toHaveLength(2);
  });

  test('ask without elicitation support, under CI (no console), is denied with a reason that says approval was needed', async () => {
    const { root, config } = await filesystemSetup(() => ({
      default: 'allow',
      rules: [{ id: 'ask-writes', effect: 'ask', match: 'fs/write_file' }],
    }));
    const gateway = await connectGateway(['--config', config], { env: { CI: 'true' } });
    open.push(gateway);
    const result = await gateway.client.callTool({
      name: 'fs__write_file',
      arguments: { path: path.join(root, 'x.txt'), content: 'no' },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("needs a human's approval");
  });

  test("arguments pointing into the gateway's own state folder are always denied", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-gateway-self-'));
    const { file } = await writeConfig({
      servers: { fs: nodeServer(FILESYSTEM_SERVER, { args: [os.tmpdir()] }) },
      stateDir: path.join(dir, 'state'),
    });
    const gateway = await connectGateway(['--config', file]);
    open.push(gateway);
    const result = await gateway.client.callTool({
      name: 'fs__read_text_file',
      arguments: { path: path.join(dir, 'state', 'audit.jsonl') },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('builtin:self-protection');
  });
});

describe('audit receipts', () => {
  test('a secret passed in arguments never reaches the audit file', async () => {
    const secret = 'ghp_' + 'Q'.repeat(36);
    const { file, dir } = await writeConfig({ servers: { fx: nodeServer(FIXTURE_SERVER) } });
    const gateway = await connectGateway(['--config', file]);
    open.push(gateway);
    await gateway.client.callTool({
      name: 'fx__echo',
      arguments: { text: `token is ${secret}`, password: 'hunter2-plain' },
    });
    await gateway.close();
    await waitForExit(gateway.pid);
    const text = await readFile(path.join(dir, '.mcp-gateway', 'audit.jsonl'), 'utf8');
    expect(text).toContain('[REDACTED:');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('hunter2-plain');
    expect((await verify(file)).exitCode).toBe(0);
  });

  test('kill -9 during a stream of calls leaves a log that verifies, with every answered call in it', async () => {
    const { file, dir } = await writeConfig({
      servers: { fx: nodeServer(FIXTURE_SERVER) },
      audit: { durability: 'sync' },
    });
    const gateway = await connectGateway(['--config', file]);
    const answered: string[] = [];
    const stream = (async () => {
      for (let i = 0; i < 10_000; i++) {
        const result = await gateway.client
          .callTool({ name: 'fx__echo', arguments: { text: `n${i}` } })
          .catch(() => undefined);
        if (result === undefined) return;
        answered.push(`n${i}`);
      }
    })();
    await expect.poll(() => answered.length, { timeout: 10_000 }).toBeGreaterThan(50);
    process.kill(gateway.pid, 'SIGKILL');
    await stream;
    await waitForExit(gateway.pid);
    const records = await readRecords(path.join(dir, '.mcp-gateway', 'audit.jsonl')).catch(
      async () => {
        // The last line may be torn: parse what parses.
        const raw = await readFile(path.join(dir, '.mcp-gateway', 'audit.jsonl'), 'utf8');
        return raw.split('\n').flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        });
      },
    );
    const logged = new Set(
      records.filter((r) => r['type'] === 'call').map((r) => (r['args'] as { text: string }).text),
    );
    for (const text of answered) expect(logged.has(text)).toBe(true);
    const result = await verify(file);
    expect([0, 2]).toContain(result.exitCode);
    await gateway.close().catch(() => undefined);
  });

  test('two gateway processes writing one audit file give one valid chain', async () => {
    const { file, dir } = await writeConfig({ servers: { fx: nodeServer(FIXTURE_SERVER) } });
    const first = await connectGateway(['--config', file]);
    const second = await connectGateway(['--config', file]);
    open.push(first, second);
    await Promise.all(
      [first, second].map(async (gateway, g) => {
        for (let i = 0; i < 40; i++) {
          await gateway.client.callTool({ name: 'fx__echo', arguments: { text: `g${g}-${i}` } });
        }
      }),
    );
    await first.close();
    await second.close();
    await waitForExit(first.pid);
    await waitForExit(second.pid);
    const records = await readRecords(path.join(dir, '.mcp-gateway', 'audit.jsonl'));
    expect(records.filter((r) => r['type'] === 'result')).toHaveLength(80);
    const seqs = records.map((r) => r['seq'] as number);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect((await verify(file)).exitCode).toBe(0);
  });
});
