import { describe, expect, test, vi } from 'vitest';
import { compilePolicy, createRateLimiter } from '../core/policy/index.js';
import type { ToolCallContext, ToolCallOutcome } from '../core/tool-call.js';
import { enforcePolicy, type ApprovalAnswer, type ApprovalRequest } from './enforce-policy.js';

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
