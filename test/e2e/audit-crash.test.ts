import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { BIN, FIXTURE_SERVER } from '../helpers/paths.js';
import { descendantPids, processAlive, waitForExit } from '../helpers/process-alive.js';
import { nodeServer, writeConfig } from '../helpers/spawn-gateway.js';

const leftovers: number[] = [];
afterEach(() => {
  for (const pid of leftovers.splice(0)) if (processAlive(pid)) process.kill(pid, 'SIGKILL');
});

interface Receipt {
  readonly seq: number;
  readonly hash: string;
}

/**
 * The built CLI over raw stdio: newline-delimited JSON-RPC, so the test can kill the gateway
 * with SIGKILL from inside the handler that received a reply, before anything else runs.
 */
const startGateway = (config: string) => {
  const child = spawn(process.execPath, [BIN, '--config', config], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NO_COLOR: '1' },
  });
  const waiting = new Map<number, (message: Record<string, unknown>) => void>();
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') continue;
      const message = JSON.parse(line) as Record<string, unknown>;
      const resolve = waiting.get(message['id'] as number);
      waiting.delete(message['id'] as number);
      resolve?.(message);
    }
  });
  child.stderr.resume();
  // Requests written after the kill meet a closed pipe; they are simply never answered.
  child.stdin.on('error', () => undefined);
  let nextId = 1;
  const request = (method: string, params: unknown) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
    });
  const exited = new Promise<void>((resolve) => {
    // 'close', not 'exit': every answer already in the pipe has been read by then.
    child.once('close', () => {
      resolve();
    });
  });
  return { child, request, exited };
};

describe('audit log and kill -9', () => {
  test('every call the gateway answered has its call and result records in the file, in the default (batch) mode', async () => {
    const { file, dir } = await writeConfig({ servers: { fx: nodeServer(FIXTURE_SERVER) } });
    const auditFile = path.join(dir, '.mcp-gateway', 'audit.jsonl');
    const gateway = startGateway(file);
    await gateway.request('initialize', {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'kill-test', version: '1' },
    });
    gateway.child.stdin.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n');
    for (;;) {
      const listed = (await gateway.request('tools/list', {}))['result'] as {
        tools: { name: string }[];
      };
      if (listed.tools.some((t) => t.name === 'fx__echo')) break;
    }
    const backends = await descendantPids(gateway.child.pid!);
    leftovers.push(...backends);

    // Eight calls in flight at all times; SIGKILL lands the moment the 400th answer arrives, so
    // the last answers were sent microseconds before the kill: well inside any batch. Every
    // answer read, before or after the kill, left the gateway and must be in the file.
    const answered: Receipt[] = [];
    const stream = async (): Promise<void> => {
      while (!gateway.child.killed) {
        const reply = await gateway.request('tools/call', {
          name: 'fx__echo',
          arguments: { text: 'x' },
        });
        // Answers read after the kill count too: they left the gateway before it died.
        const result = reply['result'] as { _meta?: Record<string, Receipt> } | undefined;
        const receipt = result?._meta?.['mcp-gateway/receipt'];
        if (receipt === undefined) throw new Error(`no receipt in ${JSON.stringify(reply)}`);
        answered.push(receipt);
        if (answered.length === 400) {
          gateway.child.kill('SIGKILL');
        }
      }
    };
    await Promise.race([Promise.all(Array.from({ length: 8 }, stream)), gateway.exited]);
    await gateway.exited;
    for (const pid of backends) await waitForExit(pid);

    const records = (await readFile(auditFile, 'utf8'))
      .split('\n')
      .filter((line) => line !== '')
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return []; // a torn last line: it can only hold records nobody was answered with
        }
      });
    const bySeq = new Map(records.map((record) => [record['seq'] as number, record]));
    const calls = new Set(
      records
        .filter((record) => record['type'] === 'call')
        .map((record) => (record['call'] as { id: string }).id),
    );
    const missing = answered.filter((receipt) => {
      const record = bySeq.get(receipt.seq);
      if (record?.['hash'] !== receipt.hash || record['type'] !== 'result') return true;
      return !calls.has((record['call'] as { id: string }).id);
    });
    expect(answered.length).toBeGreaterThanOrEqual(400);
    expect(missing).toEqual([]);
  });
});
