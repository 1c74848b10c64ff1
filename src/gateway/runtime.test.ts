import { describe, expect, test, vi } from 'vitest';
import { callContext, fakeForward, okText } from '../../test/helpers/call-context.js';
import { validateConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/resolve.js';
import { MemoryAuditSink } from '../core/audit/audit-sink.js';
import { createScanner } from '../core/scanner/scanner.js';
import type { Logger } from '../core/logger.js';
import { createRuntime, reloadedConfig, type RuntimeParts } from './runtime.js';

const configOf = (policy: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  validateConfig(
    { servers: { fs: { command: 'node', args: ['server.js'] } }, policy, ...extra },
    '/work/mcp-gateway.config.json',
    { cwd: '/work', env: { HOME: '/home/me' } },
  );

const parts = (forward = fakeForward().forward): RuntimeParts => ({
  forward,
  scanner: createScanner(),
  review: () => undefined,
  askHuman: () => Promise.resolve({ approved: false, why: 'unavailable' }),
  labelSink: new MemoryAuditSink(),
  audit: {
    sink: new MemoryAuditSink(),
    durability: 'batch',
    results: 'hash',
    findSecrets: () => [],
    digest: () => ({ bytes: 0, sha256: 'sha256:x', json: '{}' }),
    defHash: () => undefined,
    now: () => 0,
  },
});

const quietLogger = () => {
  const warn = vi.fn();
  const logger = { error: vi.fn(), warn, info: vi.fn(), debug: vi.fn(), backend: vi.fn() };
  return { logger: logger satisfies Logger, warn };
};

describe('createRuntime', () => {
  test('its pipeline enforces the policy it was built from, not a later one', async () => {
    const { forward, calls } = fakeForward();
    const allow = createRuntime(configOf({ default: 'allow' }), parts(forward));
    const deny = createRuntime(configOf({ default: 'deny' }), parts(forward), allow);
    expect((await allow.pipeline(callContext())).kind).toBe('ok');
    expect((await deny.pipeline(callContext())).kind).toBe('denied');
    expect(calls).toHaveLength(1);
  });

  test('rate-limit buckets carry over a reload that leaves the policy unchanged', () => {
    const policy = { default: 'allow', limits: [{ id: 'l', match: '*/*', rate: '1/1m' }] };
    const first = createRuntime(configOf(policy), parts());
    const same = createRuntime(configOf(policy, { naming: { separator: '__' } }), parts(), first);
    const changed = createRuntime(configOf({ default: 'deny' }), parts(), same);
    expect(same.limiter).toBe(first.limiter);
    expect(changed.limiter).not.toBe(first.limiter);
  });

  test('a call record is sealed after the transport flushed the request, and precedes its result', async () => {
    const base = parts();
    const sink = base.audit?.sink as MemoryAuditSink;
    const atFlush: string[][] = [];
    // Like the stdio transport: requests handed on in a turn leave on a tick queued then, and
    // the answer comes in a later turn of the event loop.
    const forward: RuntimeParts['forward'] = () => {
      process.nextTick(() => atFlush.push(sink.records.map((r) => r.type)));
      return new Promise((resolve) =>
        setImmediate(() => {
          resolve(okText('done'));
        }),
      );
    };
    const runtime = createRuntime(configOf({ default: 'allow' }), { ...base, forward });
    const outcome = await runtime.pipeline(callContext());
    expect(outcome.kind).toBe('ok');
    expect(atFlush).toEqual([[]]);
    expect(sink.records.map((r) => r.type)).toEqual(['call', 'result']);
  });

  test('servers are looked up by name', () => {
    const runtime = createRuntime(configOf({ default: 'allow' }), parts());
    expect(runtime.servers.get('fs')).toMatchObject({ name: 'fs', kind: 'stdio' });
  });
});

describe('reloadedConfig', () => {
  test('keeps the state folder, audit and pinning of the running gateway, and says so', () => {
    const running: ResolvedConfig = configOf({ default: 'allow' });
    const next = configOf(
      { default: 'allow' },
      { pinning: { mode: 'off' }, audit: { enabled: false } },
    );
    const { logger, warn } = quietLogger();
    const applied = reloadedConfig(running, next, logger);
    expect(applied.pinning).toEqual(running.pinning);
    expect(applied.audit).toEqual(running.audit);
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
