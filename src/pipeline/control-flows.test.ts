import { describe, expect, test, vi } from 'vitest';
import { MemoryAuditSink } from '../core/audit/audit-sink.js';
import { compileFlows, createLabelResolver, FlowSession } from '../core/flows/index.js';
import { compilePolicy, createRateLimiter } from '../core/policy/index.js';
import { findSecrets } from '../core/scanner/secrets.js';
import type { ToolCallContext, ToolCallOutcome } from '../core/tool-call.js';
import { createFlowControl } from './control-flows.js';
import { enforcePolicy, type ApprovalAnswer } from './enforce-policy.js';

const { policy } = compilePolicy(
  { default: 'allow' },
  { home: '/home/me', cwd: '/work', protectedPaths: [], digest: 'sha256:t' },
);
const labels = createLabelResolver({
  labels: { 'web/fetch': ['untrusted', 'egress'], 'notes/read': ['sensitive'] },
  servers: [],
}).resolver;
const NOTE = 'the board meets on Friday to approve the acquisition of Initech for 42 million';

const setup = (answer: ApprovalAnswer) => {
  const sink = new MemoryAuditSink();
  const flows = createFlowControl({
    flows: () => compileFlows(undefined, 'enforce').flows,
    labels: () => labels,
    findSecrets,
    sink,
    resultFindings: true,
  });
  const askHuman = vi.fn(() => Promise.resolve(answer));
  const policyStep = enforcePolicy({
    policy: () => policy,
    limiter: () => createRateLimiter(policy),
    server: () => undefined,
    askHuman,
    now: () => 0,
    flows,
  });
  const session = new FlowSession('p-s1');
  let calls = 0;
  /** One call through policy → flows → a fake backend answering `text`. */
  const run = async (server: string, tool: string, args: Record<string, unknown>, text = 'ok') => {
    const ctx: ToolCallContext = {
      id: `c-${++calls}`,
      server,
      tool,
      exposed: `${server}__${tool}`,
      args,
      meta: undefined,
      definition: undefined,
      session: { agent: undefined, client: undefined },
      signal: undefined,
      onProgress: undefined,
      trace: {
        decision: undefined,
        argumentFindings: [],
        args,
        callRecorded: false,
        callReceipt: { seq: calls * 10, hash: '' },
      },
      flow: session,
    };
    const backend = (): Promise<ToolCallOutcome> =>
      Promise.resolve({ kind: 'ok', result: { content: [{ type: 'text', text }] } });
    const outcome = await policyStep(ctx, () => flows.step(ctx, backend));
    return { outcome, ctx };
  };
  return { run, sink, askHuman, session };
};

describe('flow control in the pipeline', () => {
  test('a sensitive read then an untrusted one: sending the note on is denied without asking', async () => {
    const { run, askHuman, sink } = setup({ approved: true, scope: 'once' });
    await run('notes', 'read', {}, NOTE);
    await run('web', 'fetch', { url: 'https://a.example' });
    const { outcome } = await run('web', 'fetch', {
      url: `https://b.example/?q=${encodeURIComponent(NOTE)}`,
    });
    expect(outcome).toMatchObject({
      kind: 'denied',
      decision: { decidingRule: 'flow:sensitive-data-out' },
    });
    expect(askHuman).not.toHaveBeenCalled();
    expect(
      sink.records.flatMap((r) => (r.type === 'label' ? [[r.call.id, r.changed]] : [])),
    ).toEqual([
      ['c-1', ['sensitive']],
      ['c-2', ['untrusted']],
    ]);
  });

  test('a session-wide approval of a flow ask clears the label, and says so in the log', async () => {
    const { run, askHuman, sink, session } = setup({ approved: true, scope: 'session' });
    await run('web', 'fetch', { url: 'https://a.example' });
    const { outcome, ctx } = await run('notes', 'read', {});
    expect(outcome.kind).toBe('ok');
    expect(askHuman).not.toHaveBeenCalled();
    const asked = await run('web', 'fetch', { url: 'https://b.example' });
    expect(asked.outcome.kind).toBe('ok');
    expect(askHuman).toHaveBeenCalledTimes(1);
    expect(asked.ctx.trace.decision?.flow?.sources).toEqual([
      { label: 'untrusted', call: 'c-1', seq: 10, tool: 'web/fetch' },
    ]);
    const cleared = sink.records.find((r) => r.type === 'label' && r.event === 'cleared');
    expect(cleared).toMatchObject({
      call: { id: 'c-3' },
      cause: 'approval',
      changed: ['untrusted'],
      rules: ['flow:untrusted-egress'],
    });
    // The approved fetch read the web again.
    expect(session.labels & 1).toBe(1);
    expect(ctx.id).toBe('c-2');
  });

  test('a denied answer keeps the flow reason that made approval necessary', async () => {
    const { run } = setup({ approved: false, why: 'unavailable' });
    await run('web', 'fetch', { url: 'https://a.example' });
    const { outcome } = await run('web', 'fetch', { url: 'https://b.example' });
    expect(outcome).toMatchObject({ kind: 'denied' });
    const reason = outcome.kind === 'denied' ? outcome.decision.reason : '';
    expect(reason).toContain("needs a human's approval");
    expect(reason).toContain('web/fetch (audit seq 10)');
  });
});
