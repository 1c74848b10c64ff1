import { execa } from 'execa';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, FIXTURE_SERVER } from '../helpers/paths.js';
import { startOtlpReceiver } from '../helpers/otlp-receiver.js';
import { writeConfig } from '../helpers/spawn-gateway.js';

const DIST = path.join(ROOT, 'dist');

/**
 * Starts a gateway in a fresh Node process from dist/, makes one call, and reports which
 * OpenTelemetry modules that process loaded (CommonJS modules show up in require.cache, also
 * when they were imported from ES modules).
 */
const loadedModules = async (config: Record<string, unknown>): Promise<string[]> => {
  const { file } = await writeConfig({
    servers: { fx: { command: process.execPath, args: [FIXTURE_SERVER] } },
    ...config,
  });
  const script = `
    import { createRequire } from 'node:module';
    const { loadConfig } = await import(${JSON.stringify(path.join(DIST, 'config', 'load.js'))});
    const { createGateway } = await import(${JSON.stringify(path.join(DIST, 'gateway', 'create-gateway.js'))});
    const { silentLogger } = await import(${JSON.stringify(path.join(DIST, 'core', 'logger.js'))});
    const config = await loadConfig({ configPath: ${JSON.stringify(file)}, cwd: process.cwd(), env: {} });
    const gateway = await createGateway({ config, logger: silentLogger, standalone: true });
    await gateway.settled(10000);
    const outcome = await gateway.callTool({ name: 'fx__echo', args: { text: 'x' }, meta: undefined, signal: new AbortController().signal, onProgress: undefined });
    if (outcome.kind !== 'ok') throw new Error(JSON.stringify(outcome));
    await gateway.close();
    const cache = createRequire(import.meta.url).cache;
    process.stdout.write(JSON.stringify(Object.keys(cache).filter((k) => k.includes('@opentelemetry'))));
  `;
  const result = await execa(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env['PATH'] ?? '' },
    extendEnv: false,
  });
  return JSON.parse(result.stdout) as string[];
};

describe('the OpenTelemetry packages load only when telemetry is configured', () => {
  test('a gateway without telemetry loads none of them, through a whole call', async () => {
    expect(await loadedModules({})).toEqual([]);
  });

  test('a gateway with telemetry loads the SDK and the exporter of its protocol only', async () => {
    const otlp = await startOtlpReceiver();
    try {
      const loaded = await loadedModules({ telemetry: { otlp: { endpoint: otlp.url } } });
      expect(loaded.some((m) => m.includes('sdk-trace'))).toBe(true);
      expect(loaded.some((m) => m.includes('exporter-trace-otlp-proto'))).toBe(true);
      expect(loaded.some((m) => m.includes('exporter-trace-otlp-http/'))).toBe(false);
    } finally {
      await otlp.stop();
    }
  });
});

describe('doctor probes each endpoint with an empty export', () => {
  const check = async (status?: number) => {
    const { checkTelemetry } = await import('../../src/telemetry/check-telemetry.js');
    const otlp = await startOtlpReceiver(status === undefined ? {} : { status });
    try {
      const target = {
        url: `${otlp.url}/v1/traces`,
        protocol: 'http/protobuf' as const,
        headers: { authorization: 'Bearer secret-value' },
        timeoutMs: 2000,
      };
      const report = await checkTelemetry(
        {
          traces: target,
          logs: undefined,
          metrics: undefined,
          serviceName: 'mcp-gateway',
          resource: {},
          maxQueueSize: { traces: 1, logs: 1 },
          scheduleDelayMs: { traces: 1, logs: 1 },
          metricsIntervalMs: 1,
          source: 'config',
        },
        undefined,
      );
      return { endpoint: report.endpoints[0], requests: otlp.requests };
    } finally {
      await otlp.stop();
    }
  };

  test('a live collector accepts it, with the configured headers', async () => {
    const { endpoint, requests } = await check();
    expect(endpoint).toMatchObject({ signal: 'traces', ok: true });
    expect(endpoint?.message).toMatch(/accepts http\/protobuf \(HTTP 200 in \d+ ms\)/);
    expect(requests[0]?.headers.authorization).toBe('Bearer secret-value');
  });

  test.each([
    [401, /telemetry\.otlp\.headers/],
    [404, /base URL/],
    [415, /telemetry\.otlp\.protocol/],
  ])('HTTP %i says what to fix', async (status, fix) => {
    const { endpoint } = await check(status);
    expect(endpoint?.ok).toBe(false);
    expect(endpoint?.fix).toMatch(fix);
    expect(JSON.stringify(endpoint)).not.toContain('secret-value');
  });
});
