import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { BIN, ROOT } from '../helpers/paths.js';
import { openingLines } from '../helpers/opening-lines.js';
import { nodeServer, writeConfig } from '../helpers/spawn-gateway.js';

const ECHO = path.join(ROOT, 'bench', 'echo-server.mjs');

/** Pids of running processes whose command line contains `marker` (Linux). */
const pidsWith = (marker: string): number[] =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);

const until = async (condition: () => boolean, ms = 10_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Runs the built CLI with the trace on; `lines` go to its stdin, which then stays open until `stop`. */
const launch = (args: string[], lines = '') => {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, MCP_GATEWAY_TRACE_STARTUP: '1' },
  });
  let stderr = '';
  let stdout = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.stdin.write(lines);
  return {
    child,
    exited,
    stderr: () => stderr,
    stdout: () => stdout,
    stop: async () => {
      child.stdin.end();
      return await exited;
    },
  };
};

test.skipIf(process.platform !== 'linux')(
  'a `run` of a JSON config spawns its backend before the CLI loads, and that child is the one serving',
  async () => {
    const marker = `launch-${process.pid}-${Date.now()}`;
    const { file } = await writeConfig({ servers: { echo: nodeServer(ECHO, { args: [marker] }) } });
    const gateway = launch(
      ['--config', file],
      openingLines('launch-test', { name: 'echo__echo', arguments: { message: 'hi' } }),
    );
    await until(() => gateway.stdout().includes('"id":2'), 30_000);
    expect(gateway.stdout()).toContain('"text":"hi"');
    const trace = gateway.stderr();
    const at = trace.indexOf('backends spawned at launch (1)');
    expect(at).toBeGreaterThanOrEqual(0);
    // Before the CLI's code: the run command starts after it, and adopts that child.
    expect(trace.indexOf('run command')).toBeGreaterThan(at);
    expect(trace).toContain('backends spawned from the config text (1)');
    // One backend process, not a second one spawned by `run` or the pool.
    expect(pidsWith(marker)).toHaveLength(1);
    expect(await gateway.stop()).toBe(0);
    await until(() => pidsWith(marker).length === 0);
  },
  60_000,
);

test.skipIf(process.platform !== 'linux')(
  'a child spawned at launch for a config that then fails validation is killed with the exit',
  async () => {
    const marker = `launch-bad-${process.pid}-${Date.now()}`;
    const { file } = await writeConfig({
      servers: { echo: nodeServer(ECHO, { args: [marker] }) },
      notAnOption: true,
    });
    const gateway = launch(['--config', file]);
    const code = await gateway.exited;
    expect(code).not.toBe(0);
    expect(gateway.stderr()).toContain('backends spawned at launch (1)');
    expect(gateway.stderr()).toContain('notAnOption');
    await until(() => pidsWith(marker).length === 0);
  },
  60_000,
);

test.skipIf(process.platform !== 'linux')(
  'a command line that is not plainly `run` spawns nothing before commander has read it',
  async () => {
    const marker = `launch-none-${process.pid}-${Date.now()}`;
    const { file } = await writeConfig({ servers: { echo: nodeServer(ECHO, { args: [marker] }) } });
    for (const args of [
      ['validate', '--config', file],
      ['--config', file, '--log-level', 'loud'],
    ]) {
      let seen = false;
      const gateway = launch(args);
      const watch = setInterval(() => {
        seen ||= pidsWith(marker).length > 0;
      }, 5);
      await gateway.exited;
      clearInterval(watch);
      expect(seen).toBe(false);
      expect(gateway.stderr()).not.toContain('backends spawned at launch');
    }
  },
  60_000,
);
