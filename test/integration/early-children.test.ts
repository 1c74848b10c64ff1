import { DEFAULT_INHERITED_ENV_VARS } from '@modelcontextprotocol/sdk/client/stdio.js';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BackendPool } from '../../src/backends/backend-pool.js';
import { spawnEarly } from '../../src/backends/early-children.js';
import { INHERITED_ENV, safeBaseEnv } from '../../src/backends/spawn-child.js';
import type { ResolvedStdioServer } from '../../src/config/resolve.js';
import { silentLogger } from '../../src/core/logger.js';
import { FIXTURE_SERVER } from '../helpers/paths.js';

const stdio = (name: string, args: string[] = [FIXTURE_SERVER]): ResolvedStdioServer => ({
  kind: 'stdio',
  name,
  command: process.execPath,
  args,
  env: {},
  cwd: process.cwd(),
  inheritEnv: false,
  display: `node ${args.join(' ')}`,
  enabled: true,
  startupTimeoutMs: 20_000,
  callTimeoutMs: 10_000,
  trustAnnotations: false,
  tags: [],
});

const until = async (condition: () => boolean, ms = 10_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

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

describe('backends spawned before the gateway loads', () => {
  test.skipIf(process.platform !== 'linux')(
    'the pool adopts the child spawned for its server and kills the ones it did not take',
    async () => {
      const marker = `early-${process.pid}-${Date.now()}`;
      const used = stdio('used', [FIXTURE_SERVER, marker]);
      const unused = stdio('unused', [FIXTURE_SERVER, `${marker}-unused`]);
      const children = spawnEarly([used, unused]);
      // Both are running before anything awaited.
      await until(() => pidsWith(marker).length === 2);
      const taken: number[] = [];
      const pool = new BackendPool({
        servers: [used],
        early: {
          take: (config) => {
            const child = children.take(config);
            if (child?.child.pid !== undefined) taken.push(child.child.pid);
            return child;
          },
          release: () => {
            children.release();
          },
        },
        logger: silentLogger,
        clientInfo: { name: 'test', version: '1' },
        capabilities: Promise.resolve({}),
        onChange: () => undefined,
      });
      pool.start();
      // The unused child is killed as soon as the pool has taken its own.
      await until(() => pidsWith(`${marker}-unused`).length === 0);
      await pool.settled(20_000);
      const [backend] = pool.readyBackends();
      expect(backend?.tools.length).toBeGreaterThan(0);
      expect(taken).toHaveLength(1);
      expect(backend?.pid).toBe(taken[0]);
      // Taken once: a restart spawns a fresh child.
      expect(children.take(used)).toBeUndefined();
      await pool.close();
      await until(() => pidsWith(marker).length === 0);
    },
    30_000,
  );

  test('a child inherits the SDK list of variables and nothing else', () => {
    expect(INHERITED_ENV.slice(0, DEFAULT_INHERITED_ENV_VARS.length)).toEqual(
      DEFAULT_INHERITED_ENV_VARS,
    );
    const env = safeBaseEnv({ PATH: '/bin', SECRET_TOKEN: 'x', SHELL: '() { evil; }', LANG: 'C' });
    expect(env).toEqual(
      process.platform === 'win32' ? { PATH: '/bin' } : { PATH: '/bin', LANG: 'C' },
    );
  });
});
