import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { BIN, ROOT } from '../helpers/paths.js';
import { nodeServer, writeConfig } from '../helpers/spawn-gateway.js';
import { openingLines } from '../helpers/opening-lines.js';

const ECHO = path.join(ROOT, 'bench', 'echo-server.mjs');

/** One start: initialize and one call sent at once; the trace up to the call's result, then exit. */
const start = async (
  file: string,
  message = 'hello',
): Promise<{ traceAtResult: string; result: unknown }> => {
  const child = spawn(process.execPath, [BIN, '--config', file], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, MCP_GATEWAY_TRACE_STARTUP: '1' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const answered = new Promise<{ traceAtResult: string; result: unknown }>((resolve) => {
    let buffer = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      for (let at = buffer.indexOf('\n'); at !== -1; at = buffer.indexOf('\n')) {
        const message = JSON.parse(buffer.slice(0, at)) as { id?: number; result?: unknown };
        buffer = buffer.slice(at + 1);
        if (message.id === 2) resolve({ traceAtResult: stderr, result: message.result });
      }
    });
  });
  // Every word of the call and its result (`message`, `hello`, `content`, `type`, `text`) passes
  // unscanned only once the scanner (or the cache) has cleared it.
  child.stdin.write(
    openingLines('quiet-words-test', { name: 'echo__echo', arguments: { message } }),
  );
  try {
    return await answered;
  } finally {
    child.stdin.end();
    await exited;
  }
};

test('a warm start answers a first call of words an earlier start cleared without building its scanner', async () => {
  const { dir, file } = await writeConfig({ servers: { echo: nodeServer(ECHO) } });
  const cold = await start(file);
  expect(cold.result).toMatchObject({ content: [{ type: 'text', text: 'hello' }] });
  // The first start built its scanner for the call's words and kept them with its scanner build.
  expect(cold.traceAtResult).toContain('scanner: building');
  const cache = JSON.parse(
    await readFile(path.join(dir, '.mcp-gateway', 'cache.json'), 'utf8'),
  ) as { quiet?: { scanner: string; words: string[] } };
  expect(cache.quiet?.words).toEqual(expect.arrayContaining(['message', 'hello', 'content']));

  const warm = await start(file);
  expect(warm.result).toMatchObject({ content: [{ type: 'text', text: 'hello' }] });
  expect(warm.traceAtResult).toContain('gateway built');
  expect(warm.traceAtResult).not.toContain('scanner: building');
}, 60_000);

test("the tools' argument names and MCP's result words are learnt while idle: a first call of a tool never called before, with no new word, needs no scanner", async () => {
  const { dir, file } = await writeConfig({ servers: { echo: nodeServer(ECHO) } });
  // A start with no call: once idle it builds its scanner and asks about the declared names.
  const child = spawn(process.execPath, [BIN, '--config', file], {
    stdio: ['pipe', 'ignore', 'pipe'],
    env: { ...process.env, MCP_GATEWAY_TRACE_STARTUP: '1' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve) => {
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes('argument names asked')) resolve();
    });
  });
  child.stdin.end();
  await exited;
  expect(stderr).toMatch(/scanner: [1-9]\d* argument names asked/);
  const cache = JSON.parse(
    await readFile(path.join(dir, '.mcp-gateway', 'cache.json'), 'utf8'),
  ) as { quiet?: { words: string[] } };
  expect(cache.quiet?.words).toEqual(expect.arrayContaining(['message', 'content', 'type']));

  // An empty message: the scan reads no empty string, and every other word is known.
  const warm = await start(file, '');
  expect(warm.result).toMatchObject({ content: [{ type: 'text', text: '' }] });
  expect(warm.traceAtResult).not.toContain('scanner: building');
  // A word neither start has seen is asked about: this one builds its scanner.
  const unseen = await start(file, 'hi');
  expect(unseen.result).toMatchObject({ content: [{ type: 'text', text: 'hi' }] });
  expect(unseen.traceAtResult).toContain('scanner: building');
}, 60_000);
