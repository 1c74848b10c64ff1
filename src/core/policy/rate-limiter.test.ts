import { describe, expect, test } from 'vitest';
import { compilePolicy, createRateLimiter, type LimitSettings, type PolicyCall } from './index.js';

function limiterOf(limits: LimitSettings[], mode: 'enforce' | 'audit' = 'enforce') {
  const { policy, problems } = compilePolicy(
    { default: 'allow', mode, limits },
    { home: '/h', cwd: '/w', protectedPaths: [], digest: 'sha256:x' },
  );
  expect(problems).toEqual([]);
  return createRateLimiter(policy);
}

function callOf(name: string, agent?: string): PolicyCall {
  const [server = '', tool = ''] = name.split('/');
  return { server, tool, args: {}, agent, access: 'write', serverTags: [] };
}

describe('createRateLimiter: token buckets with an injected clock', () => {
  test('admits a burst, then refuses with a retry-after, then refills', () => {
    const limiter = limiterOf([{ id: 'gh', match: 'gh/*', rate: '30/1m', burst: 3 }]);
    const results = [0, 0, 0, 0].map((now) => limiter.take(callOf('gh/create_issue'), now));
    expect(results).toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
      { ok: false, limitId: 'gh', retryAfterSeconds: 2 },
    ]);
    // 30/min is one token every 2 s.
    expect(limiter.take(callOf('gh/create_issue'), 1_999).ok).toBe(false);
    expect(limiter.take(callOf('gh/create_issue'), 2_000).ok).toBe(true);
    expect(limiter.take(callOf('gh/create_issue'), 2_000).ok).toBe(false);
  });

  test('refills no further than the burst after a long pause', () => {
    const limiter = limiterOf([{ id: 'l', match: 's/*', rate: '1/1s', burst: 2 }]);
    const taken = [0, 1, 2, 3].map(() => limiter.take(callOf('s/t'), 3_600_000).ok);
    expect(taken).toEqual([true, true, false, false]);
  });

  test('burst defaults to the rate count', () => {
    const limiter = limiterOf([{ id: 'l', match: 's/*', rate: '2/1h' }]);
    expect([0, 0, 0].map((now) => limiter.take(callOf('s/t'), now).ok)).toEqual([
      true,
      true,
      false,
    ]);
  });

  test.each([
    ['server', ['a/x', 'a/y'], [true, false]],
    ['tool', ['a/x', 'a/y'], [true, true]],
    [undefined, ['a/x', 'b/y'], [true, false]],
  ] as const)('per %s keys the buckets: %j → %j', (per, names, expected) => {
    const limiter = limiterOf([
      { id: 'l', match: '*/*', rate: '1/1m', ...(per === undefined ? {} : { per }) },
    ]);
    expect(names.map((name) => limiter.take(callOf(name), 0).ok)).toEqual(expected);
  });

  test('per agent gives each agent its own bucket', () => {
    const limiter = limiterOf([{ id: 'l', match: '*/*', rate: '1/1m', per: 'agent' }]);
    const taken = [callOf('a/x', 'bot'), callOf('a/x', 'eve'), callOf('a/x', 'bot')].map(
      (call) => limiter.take(call, 0).ok,
    );
    expect(taken).toEqual([true, true, false]);
  });

  test('a call refused by one limit takes no token from the others', () => {
    const limiter = limiterOf([
      { id: 'wide', match: '*/*', rate: '2/1m' },
      { id: 'narrow', match: 'gh/*', rate: '1/1m' },
    ]);
    const taken = ['gh/a', 'gh/a', 'fs/b', 'fs/b'].map((name) => limiter.take(callOf(name), 0));
    expect(taken.map((result) => result.ok)).toEqual([true, false, true, false]);
    expect(taken[1]).toMatchObject({ limitId: 'narrow' });
  });

  test('audit mode never refuses but reports wouldLimit', () => {
    const limiter = limiterOf([{ id: 'l', match: 's/*', rate: '1/1m' }], 'audit');
    expect(limiter.take(callOf('s/t'), 0)).toEqual({ ok: true });
    expect(limiter.take(callOf('s/t'), 0)).toEqual({
      ok: true,
      wouldLimit: { limitId: 'l', retryAfterSeconds: 60 },
    });
  });

  test('a clock stepping backwards neither adds nor removes tokens', () => {
    const limiter = limiterOf([{ id: 'l', match: 's/*', rate: '1/1s' }]);
    expect(limiter.take(callOf('s/t'), 10_000).ok).toBe(true);
    expect(limiter.take(callOf('s/t'), 5_000).ok).toBe(false);
    expect(limiter.take(callOf('s/t'), 11_000).ok).toBe(true);
  });
});
