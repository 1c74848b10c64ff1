import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BackendPool } from '../../src/backends/backend-pool.js';
import type { ResolvedStdioServer } from '../../src/config/resolve.js';
import { silentLogger } from '../../src/core/logger.js';
import { FIXTURE_SERVER } from '../helpers/paths.js';
import { processAlive } from '../helpers/process-alive.js';

const stdio = (
  name: string,
  command: string,
  args: string[] = [],
  env: Record<string, string> = {},
): ResolvedStdioServer => ({
  kind: 'stdio',
  name,
  command,
  args,
  env,
  cwd: process.cwd(),
  inheritEnv: false,
  display: [command, ...args].join(' '),
  enabled: true,
  startupTimeoutMs: 20_000,
  callTimeoutMs: 10_000,
  trustAnnotations: false,
  tags: [],
});

const openFds = (): number => readdirSync('/proc/self/fd').length;

describe('BackendPool with real child processes', () => {
  test('20 backends start in parallel, not one after another', async () => {
    const one = new BackendPool({
      servers: [stdio('solo', process.execPath, [FIXTURE_SERVER])],
      logger: silentLogger,
      clientInfo: { name: 'test', version: '1' },
      capabilities: Promise.resolve({}),
      onChange: () => undefined,
    });
    let started = performance.now();
    one.start();
    await one.settled(20_000);
    const single = performance.now() - started;
    await one.close();

    const servers = Array.from({ length: 20 }, (_, i) =>
      stdio(`s${i}`, process.execPath, [FIXTURE_SERVER]),
    );
    const pool = new BackendPool({
      servers,
      logger: silentLogger,
      clientInfo: { name: 'test', version: '1' },
      capabilities: Promise.resolve({}),
      onChange: () => undefined,
    });
    started = performance.now();
    pool.start();
    await pool.settled(60_000);
    const twenty = performance.now() - started;
    try {
      expect(pool.status().filter((s) => s.state === 'ready')).toHaveLength(20);
      // Started in parallel, each start spans most of the wall time, so the starts overlap:
      // their summed durations far exceed it (in a row, the sum would equal the wall time).
      const summed = pool.status().reduce((total, s) => total + (s.startMs ?? 0), 0);
      expect(summed).toBeGreaterThan(twenty * 5);
      expect(single).toBeGreaterThan(0);
    } finally {
      const pids = pool.readyBackends().map((b) => b.pid);
      await pool.close();
      for (const pid of pids) if (pid !== undefined) expect(processAlive(pid)).toBe(false);
    }
  }, 90_000);

  test('file descriptors and memory do not grow across hundreds of restarts of a crashing backend', async () => {
    const restarts = Number(process.env['RESTARTS'] ?? '200');
    const seen = { failed: false };
    const pool = new BackendPool({
      servers: [stdio('crash', 'node', ['-e', 'process.exit(1)'])],
      logger: silentLogger,
      clientInfo: { name: 'test', version: '1' },
      capabilities: Promise.resolve({}),
      onChange: () => undefined,
      onEvent: (_server, event) => {
        if (event === 'failed') seen.failed = true;
      },
      restartDelayMs: (attempt) => (attempt > restarts ? undefined : 0),
    });
    const fdsBefore = openFds();
    const heapBefore = process.memoryUsage().heapUsed;
    pool.start();
    const deadline = Date.now() + 170_000;
    while (!seen.failed && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen.failed).toBe(true);
    expect(pool.status()[0]?.restarts).toBe(restarts);
    global.gc?.();
    // A leak of one descriptor per restart would show as hundreds here.
    expect(openFds() - fdsBefore).toBeLessThan(10);
    const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    console.error(
      `restarts=${restarts} fd growth=${openFds() - fdsBefore} heap growth=${heapGrowthMb.toFixed(1)} MB rss=${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
    );
    expect(heapGrowthMb).toBeLessThan(30);
    await pool.close();
  }, 180_000);
});
