import { spawn } from 'node:child_process';
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { BIN, FIXTURE_SERVER } from '../helpers/paths.js';
import { nodeServer, writeConfig } from '../helpers/spawn-gateway.js';

/**
 * Starts the built CLI, makes one call whose arguments must be scanned, and returns its start-up
 * trace once the call is answered and, when `untilWritten`, the scanner's code cache is written.
 */
async function traceOneCall(
  file: string,
  untilWritten: boolean,
): Promise<{ trace: string; reply: string }> {
  const child = spawn(process.execPath, [BIN, '--config', file], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, MCP_GATEWAY_TRACE_STARTUP: '1' },
  });
  let trace = '';
  let stdout = '';
  child.stderr.setEncoding('utf8');
  child.stdout.setEncoding('utf8');
  const done = new Promise<string>((resolve) => {
    const check = (): void => {
      const reply = stdout.split('\n').find((line) => line.includes('"id":2'));
      if (reply === undefined) return;
      if (untilWritten && !/scanner: code cache (written|not written)/.test(trace)) return;
      resolve(reply);
    };
    child.stderr.on('data', (chunk: string) => {
      trace += chunk;
      check();
    });
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      check();
    });
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const send = (message: Record<string, unknown>): void => {
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
  };
  send({
    id: 1,
    method: 'initialize',
    params: {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'code-cache-test', version: '1' },
    },
  });
  send({ method: 'notifications/initialized' });
  // Prose in the arguments: scanned, so the scanner is built for this call if not before.
  send({
    id: 2,
    method: 'tools/call',
    params: { name: 'fx__echo', arguments: { text: 'a sentence of plain prose to scan' } },
  });
  try {
    const reply = await done;
    return { trace, reply };
  } finally {
    child.stdin.end();
    await exited;
  }
}

test("the built CLI compiles its scanner with V8's code cache kept in the state folder, and compiles without it when the cache is refused", async () => {
  const { dir, file } = await writeConfig({
    servers: { fx: nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: 'echo' } }) },
  });
  const cacheDir = path.join(dir, '.mcp-gateway', 'code-cache');

  const first = await traceOneCall(file, true);
  expect(first.trace).toContain('scanner: script compiled (no code cache)');
  expect(first.trace).toMatch(/scanner: code cache written \(\d+ KB\)/);
  expect(first.reply).toContain('a sentence of plain prose to scan');
  const files = await readdir(cacheDir);
  expect(files).toHaveLength(1);
  const cacheFile = path.join(cacheDir, files[0] ?? '');
  expect(files[0]).toMatch(/^scanner-[0-9a-f]{16}-node[\d.]+-\w+\.bin$/);
  expect((await stat(cacheFile)).mode & 0o777).toBe(0o600);

  const second = await traceOneCall(file, false);
  expect(second.trace).toMatch(/scanner: script compiled with its code cache \(\d+ KB\)/);
  expect(second.trace).not.toContain('scanner: code cache written');
  expect(second.reply).toContain('a sentence of plain prose to scan');

  // Data V8 cannot take (another V8, a damaged file): compiled from the source, and written again.
  await writeFile(cacheFile, Buffer.alloc(4096, 7));
  // A cache of another build of the scanner is removed when this one's is written.
  const stale = path.join(cacheDir, 'scanner-0000000000000000-node0.0.0-x64.bin');
  await writeFile(stale, 'old');
  const third = await traceOneCall(file, true);
  expect(third.trace).toContain('scanner: script compiled (code cache refused)');
  expect(third.trace).toMatch(/scanner: built \(keyword lists: \d+ from the bundle, 0 computed\)/);
  expect(third.trace).toMatch(/scanner: code cache written/);
  expect(third.reply).toContain('a sentence of plain prose to scan');
  expect(await readdir(cacheDir)).toEqual(files);
}, 90_000);
