import { spawn } from 'node:child_process';
import { expect, test } from 'vitest';
import { BIN, FIXTURE_SERVER } from '../helpers/paths.js';
import { nodeServer, writeConfig } from '../helpers/spawn-gateway.js';
import { openingLines } from '../helpers/opening-lines.js';

test("the built CLI's scanner takes every lexicon keyword list from the bundle", async () => {
  const { file } = await writeConfig({
    servers: { fx: nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: 'echo' } }) },
  });
  const child = spawn(process.execPath, [BIN, '--config', file], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, MCP_GATEWAY_TRACE_STARTUP: '1' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  const built = new Promise<string>((resolve) => {
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      const line = /scanner: built.*/.exec(stderr);
      if (line) resolve(line[0]);
    });
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Prose in the arguments: scanned, so the scanner is built for this call if not before.
  child.stdin.write(
    openingLines('precompute-test', {
      name: 'fx__echo',
      arguments: { text: 'a sentence of plain prose to scan' },
    }),
  );
  try {
    const line = await built;
    const counts = /keyword lists and tries: (\d+) from the bundle, (\d+) computed/.exec(line);
    expect(counts, line).not.toBeNull();
    expect(Number(counts?.[1])).toBeGreaterThan(100);
    expect(Number(counts?.[2])).toBe(0);
  } finally {
    child.stdin.end();
    await exited;
  }
}, 60_000);
