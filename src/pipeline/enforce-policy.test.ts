import { describe, expect, test, vi } from 'vitest';
import {
  compilePolicy,
  createRateLimiter,
  type CompiledPolicy,
  type PolicySettings,
} from '../core/policy/index.js';
import { callContext, fakeForward } from '../../test/helpers/call-context.js';
import { SessionApprovals } from '../core/policy/session-approvals.js';
import type { ToolCallContext, ToolCallOutcome } from '../core/tool-call.js';
import {
  enforcePolicy,
  type ApprovalAnswer,
  type ApprovalRequest,
  type AskHuman,
  type EnforcePolicyOptions,
} from './enforce-policy.js';

const { policy } = compilePolicy(
  {
    default: 'allow',
    rules: [
      { id: 'ask-reads', effect: 'ask', match: 'fs/read_file', args: { path: { exists: true } } },
    ],
  },
  { home: '/home/me', cwd: '/work', protectedPaths: [], digest: 'sha256:t' },
);

const contextFor = (args: Record<string, unknown>): ToolCallContext => ({
  id: 'c-1',
  server: 'fs',
  tool: 'read_file',
  exposed: 'fs__read_file',
  args,
  meta: undefined,
  definition: undefined,
  session: { agent: undefined, client: undefined },
  signal: undefined,
  onProgress: undefined,
  trace: { decision: undefined, argumentFindings: [], args, callRecorded: false },
});

const stepWith = (answer: ApprovalAnswer) => {
  const asked: ApprovalRequest[] = [];
  const step = enforcePolicy({
    policy: () => policy,
    limiter: () => createRateLimiter(policy),
    server: () => undefined,
    askHuman: (request) => {
      asked.push(request);
      return Promise.resolve(answer);
    },
    now: () => 0,
  });
  return { step, asked };
};

const ok: ToolCallOutcome = { kind: 'ok', result: { content: [] } };

describe('enforcePolicy: asking a human', () => {
  test('the request carries what the rules looked at, paths first, for the prompt to show', async () => {
    const { step, asked } = stepWith({ approved: true, scope: 'once' });
    const next = vi.fn(() => Promise.resolve(ok));
    const outcome = await step(contextFor({ note: 'x'.repeat(3000), path: 'notes.txt' }), next);
    expect(outcome).toBe(ok);
    expect(asked[0]?.examined).toEqual([
      { at: 'path', value: 'notes.txt', reading: 'resolves to /work/notes.txt' },
    ]);
  });

  test('an approval no prompt can show is a denial that says why', async () => {
    const { step } = stepWith({
      approved: false,
      why: 'unshowable',
      detail: 'the arguments the policy checked take 9000 characters',
    });
    const next = vi.fn(() => Promise.resolve(ok));
    const outcome = await step(contextFor({ path: '/srv/x' }), next);
    expect(next).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({
      kind: 'denied',
      decision: {
        final: 'deny',
        decidingRule: 'ask-reads',
        approval: { approved: false },
        reason:
          "this call needs a human's approval, and its arguments are too long to show in full in an approval prompt: the arguments the policy checked take 9000 characters",
      },
    });
  });
});

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

const stepFor = (policy: CompiledPolicy, overrides: Partial<EnforcePolicyOptions> = {}) => {
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

describe('enforcePolicy: allow, deny, ask, limits', () => {
  test('an allowed call goes on, with the decision in the trace', async () => {
    const { forward, calls } = fakeForward();
    const ctx = callContext();
    const outcome = await stepFor(policyOf({ default: 'allow' }))(ctx, () => forward(ctx));
    expect(outcome.kind).toBe('ok');
    expect(calls).toHaveLength(1);
    expect(ctx.trace.decision).toMatchObject({ final: 'allow', decidingRule: 'default' });
  });

  test('a call nobody is asked about goes on in the same turn, with the returned promise next() gave', () => {
    const { forward } = fakeForward();
    const ctx = callContext();
    let forwarded: Promise<ToolCallOutcome> | undefined;
    const returned = stepFor(policyOf({ default: 'allow' }))(ctx, () => (forwarded = forward(ctx)));
    expect(forwarded).toBeDefined();
    expect(returned).toBe(forwarded);
  });

  test('a denied call stops here with the deciding rule', async () => {
    const { forward, calls } = fakeForward();
    const ctx = callContext({ name: 'fs/write_file' });
    const policy = policyOf({
      default: 'allow',
      rules: [{ id: 'no-writes', effect: 'deny', match: 'fs/write_*' }],
    });
    const outcome = await stepFor(policy)(ctx, () => forward(ctx));
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
    const run = stepFor(policy, { askHuman });
    for (let i = 0; i < 2; i++) {
      const ctx = callContext();
      await run(ctx, () => forward(ctx));
      expect(ctx.trace.decision).toMatchObject({ final: 'allow', approval: { scope: 'once' } });
    }
    expect(askHuman).toHaveBeenCalledTimes(2);
    expect(askHuman.mock.calls[0]?.[0]).toMatchObject({ server: 'fs', tool: 'read_file' });
    expect(calls).toHaveLength(2);
  });

  test('ask: a session approval is not asked again for the same tool in that session', async () => {
    const askHuman = vi.fn<AskHuman>(() => Promise.resolve({ approved: true, scope: 'session' }));
    const policy = policyOf({
      default: 'allow',
      rules: [{ id: 'ask-all', effect: 'ask', match: '*/*' }],
    });
    const run = stepFor(policy, { askHuman });
    const { forward } = fakeForward();
    const approvals = new SessionApprovals();
    for (let i = 0; i < 3; i++) {
      const ctx = callContext({ approvals });
      expect((await run(ctx, () => forward(ctx))).kind).toBe('ok');
    }
    expect(askHuman).toHaveBeenCalledTimes(1);
    // Another tool, same session: asked.
    const other = callContext({ approvals, name: 'fs/write_file' });
    await run(other, () => forward(other));
    expect(askHuman).toHaveBeenCalledTimes(2);
  });

  test('ask: a session approval never answers for another agent session, nor for none', async () => {
    const askHuman = vi
      .fn<AskHuman>()
      .mockResolvedValueOnce({ approved: true, scope: 'session' })
      .mockResolvedValue({ approved: false, why: 'declined' });
    const policy = policyOf({
      default: 'allow',
      rules: [{ id: 'ask-all', effect: 'ask', match: '*/*' }],
    });
    const run = stepFor(policy, { askHuman });
    const { forward, calls } = fakeForward();
    const alice = callContext({ approvals: new SessionApprovals() });
    expect((await run(alice, () => forward(alice))).kind).toBe('ok');
    const bob = callContext({ approvals: new SessionApprovals() });
    expect(await run(bob, () => forward(bob))).toMatchObject({
      kind: 'denied',
      decision: { approval: { approved: false } },
    });
    const nobody = callContext();
    expect((await run(nobody, () => forward(nobody))).kind).toBe('denied');
    expect(askHuman).toHaveBeenCalledTimes(3);
    expect(calls).toHaveLength(1);
  });

  test('ask: a declined or unanswerable approval denies, saying why', async () => {
    const { forward, calls } = fakeForward();
    const policy = policyOf({
      default: 'allow',
      rules: [{ id: 'ask-all', effect: 'ask', match: '*/*' }],
    });
    const ctx = callContext();
    const outcome = await stepFor(policy, {
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
    const run = stepFor(policy);
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
