import { describe, expect, test } from 'vitest';
import { MemoryAuditSink } from '../core/audit/audit-sink.js';
import { compileFlows, createLabelResolver, FlowSession } from '../core/flows/index.js';
import { findSecrets } from '../core/scanner/secrets.js';
import type { ToolCallContext, ToolCallOutcome } from '../core/tool-call.js';
import { createFlowControl } from './control-flows.js';

const labels = createLabelResolver({
  labels: { 'web/fetch': ['untrusted'], 'notes/read': ['sensitive'], 'mail/send': ['egress'] },
  servers: [],
}).resolver;

const contextOf = (server: string, tool: string, session: FlowSession): ToolCallContext => ({
  id: `c-${server}`,
  server,
  tool,
  exposed: `${server}__${tool}`,
  args: {},
  meta: undefined,
  definition: undefined,
  session: { agent: undefined, client: undefined },
  signal: undefined,
  onProgress: undefined,
  trace: { decision: undefined, argumentFindings: [], args: {}, callRecorded: false },
  flow: session,
});

const stepWith = (resultFindings: boolean) => {
  const sink = new MemoryAuditSink();
  const flows = createFlowControl({
    flows: () => compileFlows(undefined, 'enforce').flows,
    labels: () => labels,
    findSecrets,
    sink,
    resultFindings,
  });
  return { step: flows.step, sink };
};

const answer = (): Promise<ToolCallOutcome> =>
  Promise.resolve({ kind: 'ok', result: { content: [{ type: 'text', text: 'ok' }] } });

describe('the flow step without result scanning', () => {
  test('a tool neither untrusted nor sensitive passes straight through: no step of its own', () => {
    const { step } = stepWith(false);
    const session = new FlowSession('p-s1');
    for (const [server, tool] of [
      ['mail', 'send'],
      ['other', 'tool'],
    ] as const) {
      const backend = answer();
      expect(step(contextOf(server, tool, session), () => backend)).toBe(backend);
    }
  });

  test('untrusted and sensitive tools are still taken in, and audited', async () => {
    const { step, sink } = stepWith(false);
    const session = new FlowSession('p-s1');
    await step(contextOf('web', 'fetch', session), answer);
    await step(contextOf('notes', 'read', session), answer);
    expect(session.labels & 3).toBe(3);
    expect(sink.records.map((r) => (r.type === 'label' ? r.changed : []))).toEqual([
      ['untrusted'],
      ['sensitive'],
    ]);
  });

  test('with result scanning, every call with a session takes its result in (findings may come)', () => {
    const { step } = stepWith(true);
    const backend = answer();
    expect(step(contextOf('other', 'tool', new FlowSession('p-s1')), () => backend)).not.toBe(
      backend,
    );
  });
});

describe('the flow check of a session without labels', () => {
  const checkWith = (settings: Parameters<typeof compileFlows>[0]) => {
    const { flows } = compileFlows(settings, 'enforce');
    const control = createFlowControl({
      flows: () => flows,
      labels: () => labels,
      findSecrets,
      sink: new MemoryAuditSink(),
      resultFindings: false,
    });
    return (ctx: ToolCallContext) => control.check(ctx);
  };

  test('the built-in rules need labels: nothing to decide until the session has some', () => {
    const check = checkWith(undefined);
    const session = new FlowSession('p-s1');
    expect(check(contextOf('mail', 'send', session))).toBeUndefined();
    session.takeIn(1, { callId: 'c-0', server: 'web', tool: 'fetch', receipt: undefined });
    expect(check(contextOf('mail', 'send', session))?.wholeRule.id).toBe('flow:untrusted-egress');
  });

  test('a rule that needs no label applies to a session without any', () => {
    const check = checkWith({
      defaults: false,
      rules: [{ id: 'no-mail', after: [], match: 'mail/*', effect: 'deny' }],
    });
    const verdict = check(contextOf('mail', 'send', new FlowSession('p-s1')));
    expect(verdict?.wholeRule).toMatchObject({ id: 'flow:no-mail', effect: 'deny' });
  });
});
