import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { BIN, FIXTURE_SERVER, ROOT } from '../helpers/paths.js';
import { nodeServer, writeConfig } from '../helpers/spawn-gateway.js';

// A name no test machine has set, so the reference below is unset for sure.
const UNSET = 'MCP_GATEWAY_DOCTOR_TEST_UNSET';

const doctor = (args: string[]) =>
  execa(process.execPath, [BIN, 'doctor', ...args], {
    reject: false,
    cwd: ROOT,
    env: { NO_COLOR: '1' },
    stdin: 'ignore',
  });

interface Report {
  ok: boolean;
  servers: {
    name: string;
    status: string;
    tools?: number;
    startMs?: number;
    checks: { check: string; ok: boolean; message: string; fix?: string }[];
  }[];
}

const brokenSetup = () =>
  writeConfig({
    servers: {
      healthy: nodeServer(FIXTURE_SERVER),
      missing: { command: 'mcp-gateway-no-such-command' },
      'needs-env': nodeServer(FIXTURE_SERVER, { env: { TOKEN: `\${env:${UNSET}}` } }),
      exits: nodeServer(FIXTURE_SERVER, { env: { FIXTURE_EXIT_ON_START: '1' } }),
      hangs: {
        ...nodeServer(FIXTURE_SERVER, { env: { FIXTURE_HANG: '1' } }),
        timeouts: { startup: '1s' },
      },
    },
  });

describe('mcp-gateway doctor', () => {
  test('reports each broken server with its fix and exits 1, while the healthy one is checked too', async () => {
    const { file } = await brokenSetup();
    const result = await doctor(['--config', file]);
    expect(result.exitCode).toBe(1);
    const out = result.stdout;
    expect(out).toContain(`Config: ${file}`);
    expect(out).toMatch(/✓ healthy +4 tools; initialize and tools\/list took \d+ ms/);

    expect(out).toMatch(/✗ missing +failed/);
    expect(out).toContain('"mcp-gateway-no-such-command" was not found on PATH');
    expect(out).toContain(
      'fix: install mcp-gateway-no-such-command or add the folder that holds it to PATH, or write its absolute path in servers.missing.command',
    );

    expect(out).toMatch(/✗ needs-env +not started/);
    expect(out).toContain(`environment variable ${UNSET} is not set (servers.needs-env.env.TOKEN)`);
    expect(out).toContain(`fix: set ${UNSET} in the environment that starts mcp-gateway`);

    expect(out).toMatch(/✗ exits +failed/);
    expect(out).toContain('exited with code 1 before answering initialize');
    expect(out).toContain('Last stderr: fixture: exiting on start as asked');
    expect(out).toContain(`fix: run it by hand to see why it stops`);

    expect(out).toMatch(/✗ hangs +failed/);
    expect(out).toContain('fix: raise servers.hangs.timeouts.startup (now 1000 ms');

    expect(out).toContain('4 of 5 servers need attention');
  });

  test('--json gives every check of every server, machine-readable', async () => {
    const { file } = await brokenSetup();
    const result = await doctor(['--json', '--config', file]);
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.ok).toBe(false);
    const byName = new Map(report.servers.map((s) => [s.name, s]));
    expect(byName.get('healthy')).toMatchObject({ status: 'ready', tools: 4 });
    expect(byName.get('healthy')?.startMs).toBeGreaterThan(0);
    expect(byName.get('healthy')?.checks.every((c) => c.ok)).toBe(true);
    expect(byName.get('missing')?.checks).toContainEqual(
      expect.objectContaining({ check: 'command', ok: false, fix: expect.any(String) }),
    );
    expect(byName.get('needs-env')).toMatchObject({
      status: 'not started',
      checks: expect.arrayContaining([
        expect.objectContaining({ check: 'env', ok: false, fix: expect.stringContaining(UNSET) }),
      ]),
    });
    expect(byName.get('exits')?.checks).toContainEqual(
      expect.objectContaining({ check: 'start', ok: false, fix: expect.any(String) }),
    );
  });

  test('exits 0 when every server is fine', async () => {
    const { file } = await writeConfig({
      servers: {
        one: nodeServer(FIXTURE_SERVER),
        two: nodeServer(FIXTURE_SERVER, {
          env: { FIXTURE_TOOLS: 'read', LEVEL: `\${env:${UNSET}:-info}` },
        }),
        off: { command: 'mcp-gateway-no-such-command', enabled: false },
      },
    });
    const result = await doctor(['--config', file]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/✓ one +4 tools/);
    expect(result.stdout).toMatch(/✓ two +1 tool;/);
    expect(result.stdout).toMatch(/- off +disabled/);
    expect(result.stdout).toContain('✓ Everything looks fine.');
  });

  test('an invalid config is reported with its JSON paths and exits 1', async () => {
    const { file } = await writeConfig({ servers: { fs: { comand: 'x' } } });
    const result = await doctor(['--config', file]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('servers.fs: unknown key "comand" (did you mean "command"?)');
    expect(result.stdout).toContain('mcp-gateway validate');
  });
});
