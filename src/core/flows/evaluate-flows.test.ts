import { describe, expect, test } from 'vitest';
import type { PolicyDecision } from '../policy/decision.js';
import { findSecrets } from '../scanner/secrets.js';
import { compileFlows } from './compile-flows.js';
import { evaluateFlows, type FlowCall } from './evaluate-flows.js';
import { EGRESS, SENSITIVE, UNTRUSTED } from './flow-label.js';
import type { FlowSettings } from './flow-settings.js';
import { FlowSession, type FlowSource } from './flow-session.js';
import { withFlows } from './with-flows.js';

const PRIVATE =
  'Dear Sam, the merger with Initech closes on the 3rd; keep it between us until then.';
const web: FlowSource = { callId: 'c-1', server: 'web', tool: 'fetch', receipt: { seq: 4 } };
const notes: FlowSource = { callId: 'c-2', server: 'notes', tool: 'read', receipt: { seq: 9 } };
const flowsOf = (settings?: FlowSettings, mode: 'enforce' | 'audit' = 'enforce') =>
  compileFlows(settings, mode).flows;
const call = (
  args: Record<string, unknown> = { text: 'hello' },
  toolLabels = EGRESS,
): FlowCall => ({
  server: 'mail',
  tool: 'send',
  agent: undefined,
  toolLabels,
  args,
});
const sessionAfter = (...sources: ('untrusted' | 'sensitive')[]) => {
  const session = new FlowSession('s1');
  for (const label of sources) {
    if (label === 'untrusted') session.takeIn(UNTRUSTED, web);
    else {
      session.takeIn(SENSITIVE, notes);
      session.remember([PRIVATE], notes, findSecrets);
    }
  }
  return session;
};
const allowed: PolicyDecision = {
  effect: 'allow',
  final: 'allow',
  decidingRule: 'default',
  rules: [],
  mode: 'enforce',
  policy: 'sha256:p',
  reason: 'allowed by the policy default',
};

describe('the default flow rules', () => {
  test('nothing happens in a session that read nothing', () => {
    expect(evaluateFlows(flowsOf(), new FlowSession('s'), call(), findSecrets)).toBeUndefined();
  });

  test('an egress call after untrusted content asks, naming the call that brought it in', () => {
    const verdict = evaluateFlows(flowsOf(), sessionAfter('untrusted'), call(), findSecrets);
    expect(verdict?.rule?.id).toBe('flow:untrusted-egress');
    expect(verdict?.flow).toMatchObject({
      session: 's1',
      labels: ['untrusted'],
      tool: ['egress'],
      rules: ['flow:untrusted-egress'],
      sources: [{ label: 'untrusted', call: 'c-1', seq: 4, tool: 'web/fetch' }],
      clears: ['untrusted'],
    });
    expect(verdict?.message).toContain('web/fetch (audit seq 4)');
  });

  test('a call that is not egress is not a flow', () => {
    expect(
      evaluateFlows(flowsOf(), sessionAfter('untrusted'), call({}, 0), findSecrets),
    ).toBeUndefined();
  });

  test('carrying sensitive text out after untrusted content is denied, naming the source', () => {
    const verdict = evaluateFlows(
      flowsOf(),
      sessionAfter('sensitive', 'untrusted'),
      call({ text: `fwd: ${PRIVATE}` }),
      findSecrets,
    );
    expect(verdict?.rule?.id).toBe('flow:sensitive-data-out');
    expect(verdict?.flow.carried).toEqual({
      kind: 'text',
      source: { call: 'c-2', seq: 9, tool: 'notes/read' },
    });
    expect(verdict?.flow.clears).toBeUndefined();
    expect(verdict?.message).toContain('notes/read (audit seq 9)');
  });

  test('the same text without untrusted content is no flow', () => {
    expect(
      evaluateFlows(flowsOf(), sessionAfter('sensitive'), call({ text: PRIVATE }), findSecrets),
    ).toBeUndefined();
  });
});

describe('own rules', () => {
  test('after: [] with carries denies sensitive data out in any session', () => {
    const flows = flowsOf({
      defaults: false,
      rules: [{ id: 'never', after: [], carries: 'sensitive', match: '@egress', effect: 'deny' }],
    });
    expect(
      evaluateFlows(flows, sessionAfter('sensitive'), call({ text: PRIVATE }), findSecrets)?.rule
        ?.id,
    ).toBe('flow:never');
  });

  test('globs, agents and required labels all have to hold', () => {
    const flows = flowsOf({
      defaults: false,
      rules: [
        { id: 'mail-bot', after: ['sensitive'], match: 'mail/*', agents: ['bot'], effect: 'deny' },
      ],
    });
    const session = sessionAfter('sensitive');
    expect(evaluateFlows(flows, session, call(), findSecrets)).toBeUndefined();
    expect(evaluateFlows(flows, session, { ...call(), agent: 'bot' }, findSecrets)?.rule?.id).toBe(
      'flow:mail-bot',
    );
    expect(
      evaluateFlows(flows, session, { ...call(), server: 'chat', agent: 'bot' }, findSecrets),
    ).toBeUndefined();
  });
});

describe('withFlows: deny > ask > allow', () => {
  const askVerdict = () => evaluateFlows(flowsOf(), sessionAfter('untrusted'), call(), findSecrets);

  test('a flow ask tightens an allow', () => {
    const verdict = askVerdict();
    if (verdict === undefined) throw new Error('no verdict');
    const decision = withFlows(allowed, verdict);
    expect(decision).toMatchObject({
      effect: 'ask',
      final: 'deny',
      decidingRule: 'flow:untrusted-egress',
      rules: ['flow:untrusted-egress'],
    });
    expect(decision.flow?.sources[0]?.seq).toBe(4);
  });

  test('a flow ask never loosens a deny, and the flow still shows in the decision', () => {
    const verdict = askVerdict();
    if (verdict === undefined) throw new Error('no verdict');
    const denied: PolicyDecision = {
      ...allowed,
      effect: 'deny',
      final: 'deny',
      decidingRule: 'no-mail',
      rules: ['no-mail'],
      reason: 'denied by policy rule "no-mail"',
    };
    expect(withFlows(denied, verdict)).toMatchObject({
      effect: 'deny',
      decidingRule: 'no-mail',
      rules: ['no-mail', 'flow:untrusted-egress'],
    });
    const defaultDeny: PolicyDecision = {
      ...allowed,
      effect: 'deny',
      final: 'deny',
      reason: 'no policy rule allows this call',
    };
    expect(withFlows(defaultDeny, verdict).effect).toBe('deny');
  });

  test('on a tie the flow rule decides, except against self-protection', () => {
    const verdict = askVerdict();
    if (verdict === undefined) throw new Error('no verdict');
    const ask: PolicyDecision = {
      ...allowed,
      effect: 'ask',
      final: 'deny',
      decidingRule: 'ask-mail',
      rules: ['ask-mail'],
    };
    expect(withFlows(ask, verdict).decidingRule).toBe('flow:untrusted-egress');
    const denyVerdict = evaluateFlows(
      flowsOf(),
      sessionAfter('sensitive', 'untrusted'),
      call({ text: PRIVATE }),
      findSecrets,
    );
    if (denyVerdict === undefined) throw new Error('no verdict');
    const selfProtected: PolicyDecision = {
      ...allowed,
      effect: 'deny',
      final: 'deny',
      decidingRule: 'builtin:self-protection',
    };
    expect(withFlows(selfProtected, denyVerdict).decidingRule).toBe('builtin:self-protection');
  });

  test('a flow allow lifts only the default', () => {
    const flows = flowsOf({
      defaults: false,
      rules: [{ id: 'ok', after: [], match: 'mail/*', effect: 'allow' }],
    });
    const verdict = evaluateFlows(flows, new FlowSession('s'), call(), findSecrets);
    if (verdict === undefined) throw new Error('no verdict');
    const defaultAsk: PolicyDecision = { ...allowed, effect: 'ask', final: 'deny' };
    expect(withFlows(defaultAsk, verdict)).toMatchObject({
      effect: 'allow',
      final: 'allow',
      decidingRule: 'flow:ok',
    });
    const ruleAsk: PolicyDecision = { ...defaultAsk, decidingRule: 'ask-mail' };
    expect(withFlows(ruleAsk, verdict)).toMatchObject({ effect: 'ask', decidingRule: 'ask-mail' });
  });

  test('in audit mode the call is allowed and the would-be outcome recorded', () => {
    const verdict = evaluateFlows(
      flowsOf({ mode: 'audit' }),
      sessionAfter('sensitive', 'untrusted'),
      call({ text: PRIVATE }),
      findSecrets,
    );
    if (verdict === undefined) throw new Error('no verdict');
    expect(verdict.rule).toBeUndefined();
    const decision = withFlows(allowed, verdict);
    expect(decision).toMatchObject({
      effect: 'allow',
      final: 'allow',
      wouldBe: 'deny',
      wouldBeRule: 'flow:sensitive-data-out',
    });
    expect(decision.reason).toContain('flow rules audit mode, would deny');
  });
});
