import { describe, expect, test } from 'vitest';
import { parseDuration } from './resolve.js';
import { resolveTelemetry } from './resolve-telemetry.js';
import type { TelemetryUserConfig } from './telemetry-schema.js';

const resolve = (
  user: TelemetryUserConfig | undefined,
  env: Record<string, string | undefined> = {},
) =>
  resolveTelemetry(user, {
    env,
    parseDuration,
    expand: (value) =>
      value.replace(/\$\{env:([A-Za-z_]+)\}/g, (_whole, name: string) => env[name] ?? ''),
  });

describe('when telemetry is on', () => {
  test('nothing configured and no OTEL_* variables: nothing is exported', () => {
    expect(resolve(undefined).telemetry).toBeUndefined();
    expect(resolve({ serviceName: 'x' }).telemetry).toBeUndefined();
  });

  test('an empty telemetry.otlp exports every signal to the local collector', () => {
    const { telemetry } = resolve({ otlp: {} });
    expect(telemetry?.traces?.url).toBe('http://localhost:4318/v1/traces');
    expect(telemetry?.logs?.url).toBe('http://localhost:4318/v1/logs');
    expect(telemetry?.metrics?.url).toBe('http://localhost:4318/v1/metrics');
    expect(telemetry?.traces?.protocol).toBe('http/protobuf');
    expect(telemetry?.source).toBe('config');
  });

  test('OTEL_EXPORTER_OTLP_ENDPOINT alone turns it on, with the signal paths appended', () => {
    const { telemetry } = resolve(undefined, {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'https://collector.example:4318/otlp/',
    });
    expect(telemetry?.source).toBe('environment');
    expect(telemetry?.traces?.url).toBe('https://collector.example:4318/otlp/v1/traces');
  });

  test('a signal endpoint variable alone exports only that signal, at that exact URL', () => {
    const { telemetry } = resolve(undefined, {
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://jaeger:4318/custom',
    });
    expect(telemetry?.traces?.url).toBe('http://jaeger:4318/custom');
    expect(telemetry?.logs).toBeUndefined();
    expect(telemetry?.metrics).toBeUndefined();
  });

  test.each([
    ['enabled: false', { enabled: false, otlp: {} }, {}],
    ['OTEL_SDK_DISABLED=true', { otlp: {} }, { OTEL_SDK_DISABLED: 'true' }],
  ])('%s turns everything off', (_name, user, env) => {
    expect(resolve(user, env).telemetry).toBeUndefined();
  });

  test('OTEL_<SIGNAL>_EXPORTER=none turns one signal off; the config signals list overrides it', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_LOGS_EXPORTER: 'none' };
    expect(resolve(undefined, env).telemetry?.logs).toBeUndefined();
    expect(resolve({ otlp: { signals: ['logs'] } }, env).telemetry?.logs).toBeDefined();
    expect(resolve({ otlp: { signals: ['logs'] } }, env).telemetry?.traces).toBeUndefined();
  });
});

describe('precedence: config file, then the signal variable, then the shared variable, then the default', () => {
  const env = {
    OTEL_EXPORTER_OTLP_ENDPOINT: 'http://shared:4318',
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://own:4318/v1/traces',
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/protobuf',
    OTEL_EXPORTER_OTLP_TIMEOUT: '3000',
    OTEL_EXPORTER_OTLP_LOGS_TIMEOUT: '4000',
    OTEL_EXPORTER_OTLP_HEADERS: 'a=shared,b=shared',
    OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'b=own,c=own%20value',
  };

  test.each([
    ['traces url', (t: R) => t?.traces?.url, 'http://own:4318/v1/traces'],
    ['logs url', (t: R) => t?.logs?.url, 'http://shared:4318/v1/logs'],
    ['logs protocol', (t: R) => t?.logs?.protocol, 'http/json'],
    ['metrics protocol', (t: R) => t?.metrics?.protocol, 'http/protobuf'],
    ['logs timeout', (t: R) => t?.logs?.timeoutMs, 4000],
    ['traces timeout', (t: R) => t?.traces?.timeoutMs, 3000],
    ['traces headers', (t: R) => t?.traces?.headers, { a: 'shared', b: 'own', c: 'own value' }],
  ])('environment only: %s', (_name, pick, expected) => {
    expect(pick(resolve(undefined, env).telemetry)).toEqual(expected);
  });

  test('the config file wins over every variable, per setting; headers merge per key', () => {
    const { telemetry } = resolve(
      {
        otlp: {
          endpoint: 'http://config:4318',
          protocol: 'http/protobuf',
          timeout: '2s',
          headers: { b: '${env:TOKEN}' },
        },
      },
      { ...env, TOKEN: 'from-config' },
    );
    expect(telemetry?.traces?.url).toBe('http://config:4318/v1/traces');
    expect(telemetry?.logs?.protocol).toBe('http/protobuf');
    expect(telemetry?.logs?.timeoutMs).toBe(2000);
    expect(telemetry?.traces?.headers).toEqual({ a: 'shared', b: 'from-config', c: 'own value' });
  });

  test('service name: config, then OTEL_SERVICE_NAME, then service.name in the resource, then mcp-gateway', () => {
    const resourceEnv = { OTEL_RESOURCE_ATTRIBUTES: 'service.name=r,team=a,env=ci' };
    expect(resolve({ otlp: {} }).telemetry?.serviceName).toBe('mcp-gateway');
    expect(resolve({ otlp: {} }, resourceEnv).telemetry?.serviceName).toBe('r');
    expect(
      resolve({ otlp: {} }, { ...resourceEnv, OTEL_SERVICE_NAME: 's' }).telemetry?.serviceName,
    ).toBe('s');
    const both = resolve({ otlp: {}, serviceName: 'c', resource: { team: 'b' } }, resourceEnv);
    expect(both.telemetry?.serviceName).toBe('c');
    expect(both.telemetry?.resource).toEqual({ team: 'b', env: 'ci' });
  });

  test('queue size, batch delay and metrics interval: config, then OTEL_BSP/BLRP/METRIC variables', () => {
    const vars = {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
      OTEL_BSP_MAX_QUEUE_SIZE: '100',
      OTEL_BLRP_SCHEDULE_DELAY: '250',
      OTEL_METRIC_EXPORT_INTERVAL: '9000',
    };
    const fromEnv = resolve(undefined, vars).telemetry;
    expect(fromEnv?.maxQueueSize).toEqual({ traces: 100, logs: 2048 });
    expect(fromEnv?.scheduleDelayMs).toEqual({ traces: 5000, logs: 250 });
    expect(fromEnv?.metricsIntervalMs).toBe(9000);
    const fromConfig = resolve(
      { otlp: { maxQueueSize: 7, scheduleDelay: '100ms', metricsInterval: '1s' } },
      vars,
    ).telemetry;
    expect(fromConfig?.maxQueueSize).toEqual({ traces: 7, logs: 7 });
    expect(fromConfig?.scheduleDelayMs).toEqual({ traces: 100, logs: 100 });
    expect(fromConfig?.metricsIntervalMs).toBe(1000);
  });
});

type R = ReturnType<typeof resolve>['telemetry'];

describe('bad settings say what to fix', () => {
  test('a config endpoint that is not an http(s) URL is a config error at its JSON path', () => {
    const { issues } = resolve({ otlp: { endpoint: 'collector:4317' } });
    expect(issues).toEqual([
      expect.objectContaining({
        path: ['telemetry', 'otlp', 'endpoint'],
        message: expect.stringMatching(/not an http:\/\/ or https:\/\/ URL/),
      }),
    ]);
  });

  test('OTEL_EXPORTER_OTLP_PROTOCOL=grpc is a warning and that signal is not exported', () => {
    const { telemetry, warnings } = resolve(undefined, {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4317',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
    });
    expect(telemetry).toBeUndefined();
    expect(warnings[0]?.message).toMatch(/OTLP over HTTP only.*4318/);
  });

  test('a malformed header variable is a warning that never repeats the value', () => {
    const { telemetry, warnings } = resolve(undefined, {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
      OTEL_EXPORTER_OTLP_HEADERS: 'secret-token-without-key,x=1',
    });
    expect(telemetry?.traces?.headers).toEqual({ x: '1' });
    expect(warnings.map((w) => w.message).join('\n')).not.toContain('secret-token');
    expect(warnings[0]?.message).toContain('OTEL_EXPORTER_OTLP_HEADERS');
  });

  test('a number that is not a whole number of milliseconds is a warning; the default applies', () => {
    const { telemetry, warnings } = resolve({ otlp: {} }, { OTEL_EXPORTER_OTLP_TIMEOUT: 'soon' });
    expect(telemetry?.traces?.timeoutMs).toBe(10_000);
    expect(warnings[0]?.message).toMatch(/OTEL_EXPORTER_OTLP_TIMEOUT="soon"/);
  });
});
