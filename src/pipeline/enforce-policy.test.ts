import { describe, expect, test, vi } from 'vitest';
import { callContext, fakeForward } from '../../test/helpers/call-context.js';
import {
  compilePolicy,
  createRateLimiter,
  type CompiledPolicy,
  type PolicySettings,
} from '../core/policy/index.js';
import { enforcePolicy, type AskHuman, type EnforcePolicyOptions } from './enforce-policy.js';

const policyOf = (settings: PolicySettings): CompiledPolicy => {
  const { policy, problems } = compilePolicy(settings, {
    home: '/home/me',
    cwd: '/work',
    protectedPaths: [],
    digest: 'sha256:test',
  });
  expect(problems).toEqual([]);
  return policy;
};

const step = (policy: CompiledPolicy, overrides: Partial<EnforcePolicyOptions> = {}) => {
  const limiter = createRateLimiter(policy);
  return enforcePolicy({
    policy: () => policy,
    limiter: () => limiter,
    server: () => ({ tags: [], trustAnnotations: false }),
    askHuman: () => Promise.resolve({ approved: false, why: 'unavailable' }),
    now: () => 0,
    ...overrides,
  });
};

describe('enforcePolicy', () => {
  test('an allowed call goes on, with the decision in the trace', async () => {
    const { forward, calls } = fakeForward();
    const ctx = callContext();
    const outcome = await step(policyOf({ default: 'allow' }))(ctx, () => forward(ctx));
    expect(outcome.kind).toBe('ok');
    expect(calls).toHaveLength(1);
    expect(ctx.trace.decision).toMatchObject({ final: 'allow', decidingRule: 'default' });
  });

  test('a denied call stops here with the deciding rule', async () => {
    const { forward, calls } = fakeForward();
    const ctx = callContext({ name: 'fs/write_file' });
    const policy = policyOf({
      default: 'allow',
      rules: [{ id: 'no-writes', effect: 'deny', match: 'fs/write_*' }],
    });
    const outcome = await step(policy)(ctx, () => forward(ctx));
    expect(outcome).toMatchObject({ kind: 'denied', decision: { decidingRule: 'no-writes' } });
    expect(calls).toEqual([]);
  });

  test('ask: the human approves once, and the call goes on with the approval recorded', async () => {
    const { forward, calls } = fakeForward();
    const askHuman = vi.fn<AskHuman>(() => Promise.resolve({ approved: true, scope: 'once' }));
    const policy = policyOf({
      default: 'allow',
      rules: [{ id: 'ask-all', effect: 'ask', match: '*/*' }],
    });
    const run = step(policy, { askHuman });
    for (let i = 0; i < 2; i++) {
      const ctx = callContext();
      await run(ctx, () => forward(ctx));
      expect(ctx.trace.decision).toMatchObject({ final: 'allow', approval: { scope: 'once' } });
    }
    expect(askHuman).toHaveBeenCalledTimes(2);
    expect(askHuman.mock.calls[0]?.[0]).toMatchObject({ server: 'fs', tool: 'read_file' });
    expect(calls).toHaveLength(2);
  });

  test('ask: a session approval is not asked again for the same tool', async () => {
    const askHuman = vi.fn<AskHuman>(() => Promise.resolve({ approved: true, scope: 'session' }));
    const policy = policyOf({
      default: 'allow',
      rules: [{ id: 'ask-all', effect: 'ask', match: '*/*' }],
    });
    const run = step(policy, { askHuman });
    const { forward } = fakeForward();
    for (let i = 0; i < 3; i++) {
      const ctx = callContext();
      expect((await run(ctx, () => forward(ctx))).kind).toBe('ok');
    }
    expect(askHuman).toHaveBeenCalledTimes(1);
  });

  test('ask: a declined or unanswerable approval denies, saying why', async () => {
    const { forward, calls } = fakeForward();
    const policy = policyOf({
      default: 'allow',
      rules: [{ id: 'ask-all', effect: 'ask', match: '*/*' }],
    });
    const ctx = callContext();
    const outcome = await step(policy, {
      askHuman: () => Promise.resolve({ approved: false, why: 'declined' }),
    })(ctx, () => forward(ctx));
    expect(outcome).toMatchObject({
      kind: 'denied',
      decision: { final: 'deny', reason: 'the human declined the approval request' },
    });
    expect(calls).toEqual([]);
  });

  test('a rate limit holds back the call over the burst, with a retry time', async () => {
    const policy = policyOf({
      default: 'allow',
      limits: [{ id: 'slow', match: 'fs/*', rate: '1/1m', burst: 1 }],
    });
    const run = step(policy);
    const { forward, calls } = fakeForward();
    const first = callContext();
    const second = callContext();
    expect((await run(first, () => forward(first))).kind).toBe('ok');
    const outcome = await run(second, () => forward(second));
    expect(outcome).toMatchObject({
      kind: 'denied',
      decision: { decidingRule: 'limit:slow', retryAfterSeconds: expect.any(Number) as number },
    });
    expect(calls).toHaveLength(1);
  });
});
