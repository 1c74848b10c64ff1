import { describe, expect, test } from 'vitest';
import { GatewayError } from '../errors.js';
import type { PolicyDecision } from '../policy/decision.js';
import type { ToolCallOutcome } from '../tool-call.js';
import {
  type CallRecordParams,
  auditStatusOf,
  buildCallRecord,
  buildFindingRecord,
  buildResultRecord,
} from './build-records.js';
import type { FindSecrets } from './redact-secrets.js';

const githubToken = 'ghp_' + 'T'.repeat(36);
const findSecrets: FindSecrets = (text) => {
  const start = text.indexOf(githubToken);
  return start === -1 ? [] : [{ kind: 'github-token', start, end: start + githubToken.length }];
};

const ctx: CallRecordParams['call'] = {
  id: 'call-1',
  server: 'gh',
  tool: 'create_issue',
  exposed: 'gh__create_issue',
  args: { title: `leak ${githubToken}`, headers: { Authorization: 'Bearer x' } },
  session: { agent: 'ci', client: undefined },
};
const decision: PolicyDecision = {
  effect: 'allow',
  final: 'allow',
  decidingRule: 'r1',
  rules: ['r1'],
  mode: 'enforce',
  policy: 'sha256:p',
  reason: 'allowed by r1',
};
const ok: ToolCallOutcome = {
  kind: 'ok',
  result: { content: [{ type: 'text', text: `here: ${githubToken}` }] },
  findings: [
    {
      rule: 'secrets.github-token',
      severity: 'high',
      field: 'content[0].text',
      span: [6, 46],
      message: 'token',
    },
  ],
};
const digest = { bytes: 10, sha256: 'sha256:d' };

describe('buildCallRecord', () => {
  test('redacts arguments and lists the redacted paths', () => {
    const record = buildCallRecord({ call: ctx, decision, defHash: undefined, findSecrets });
    expect(record).toMatchObject({
      type: 'call',
      call: { id: 'call-1' },
      args: {
        title: 'leak [REDACTED:github-token]',
        headers: { Authorization: '[REDACTED:authorization]' },
      },
      redacted: ['args.title', 'args.headers.Authorization'],
      def_hash: null,
      decision: {
        effect: 'allow',
        final: 'allow',
        rules: ['r1'],
        deciding: 'r1',
        mode: 'enforce',
        policy: 'sha256:p',
      },
      session: { agent: 'ci', client: null },
    });
    expect(JSON.stringify(record)).not.toContain(githubToken);
  });
});

describe('toAuditDecision', () => {
  test('keeps who answered an approval, with the members in key order', () => {
    for (const approval of [
      { scope: 'session', approved: true, channel: 'console' },
      { scope: 'once', approved: false },
    ] as const) {
      const record = buildCallRecord({
        call: ctx,
        decision: { ...decision, effect: 'ask', approval },
        defHash: undefined,
        findSecrets,
      });
      expect(record.decision.approval).toEqual(approval);
      const keys = Object.keys(record.decision.approval ?? {});
      expect(keys).toEqual([...keys].sort());
    }
  });
});

describe('buildResultRecord', () => {
  const base = { callId: 'call-1', outcome: ok, ms: 1.23456, digest, findSecrets };

  test('"none" keeps no content fields', () => {
    expect(buildResultRecord({ ...base, results: 'none' }).outcome).toEqual({
      status: 'ok',
      ms: 1.235,
    });
  });

  test('"hash" keeps size and digest only', () => {
    const record = buildResultRecord({ ...base, results: 'hash' });
    expect(record.outcome).toEqual({ status: 'ok', ms: 1.235, bytes: 10, sha256: 'sha256:d' });
    expect(record).not.toHaveProperty('result');
    expect(record.findings).toEqual([
      { rule: 'secrets.github-token', severity: 'high', field: 'content[0].text', span: [6, 46] },
    ]);
  });

  test('"redacted" keeps the redacted result too', () => {
    const record = buildResultRecord({ ...base, results: 'redacted' });
    expect(record.result).toEqual({
      content: [{ type: 'text', text: 'here: [REDACTED:github-token]' }],
    });
    expect(record.redacted).toEqual(['result.content[0].text']);
  });
});

describe('auditStatusOf', () => {
  test.each<[ToolCallOutcome, string]>([
    [ok, 'ok'],
    [{ kind: 'ok', result: { content: [], isError: true } }, 'tool_error'],
    [{ kind: 'denied', decision }, 'denied'],
    [{ kind: 'blocked', stage: 'result', findings: [] }, 'blocked'],
    [{ kind: 'failed', error: new GatewayError('CALL_TIMEOUT', 'slow') }, 'timeout'],
    [{ kind: 'failed', error: new GatewayError('BACKEND_EXITED', 'gone') }, 'error'],
  ])('records %j as %s', (outcome, status) => {
    expect(auditStatusOf(outcome)).toBe(status);
  });
});

describe('buildFindingRecord', () => {
  test('keeps rule, severity, place and span, never the message', () => {
    const record = buildFindingRecord({ server: 'gh', tool: undefined, finding: ok.findings![0]! });
    expect(record).toEqual({
      type: 'finding',
      rule: 'secrets.github-token',
      severity: 'high',
      server: 'gh',
      tool: null,
      field: 'content[0].text',
      span: [6, 46],
    });
  });
});
