import { describe, expect, test } from 'vitest';
import type { Finding } from '../scanner/finding.js';
import { findSecrets } from '../scanner/secrets.js';
import { compileFlows } from './compile-flows.js';
import { EGRESS, SENSITIVE, UNTRUSTED } from './flow-label.js';
import { FlowSession, type FlowSource } from './flow-session.js';
import { takeInResult, takesInNothing, textsOf } from './take-in-result.js';

const source: FlowSource = { callId: 'c-1', server: 's', tool: 't', receipt: { seq: 3 } };
const flows = compileFlows(undefined, 'enforce').flows;
const text = (value: string) => ({ content: [{ type: 'text' as const, text: value }] });
const finding = (rule: string, severity: Finding['severity']): Finding => ({
  rule,
  severity,
  field: 'result.content[0].text',
  span: [0, 1],
  message: '',
});
const LONG = 'a paragraph of private notes, long enough to be fingerprinted by the session store';

describe('takeInResult', () => {
  test('an untrusted and sensitive tool adds both labels in one change', () => {
    const session = new FlowSession('s');
    const changes = takeInResult(
      session,
      flows,
      { toolLabels: UNTRUSTED | SENSITIVE | EGRESS, result: text(LONG), findings: [], source },
      findSecrets,
    );
    expect(changes).toEqual([
      {
        event: 'added',
        changed: ['untrusted', 'sensitive'],
        labels: ['untrusted', 'sensitive'],
        cause: 'tool',
      },
    ]);
    expect(session.findCarried({ body: LONG }, findSecrets)?.source).toBe(source);
  });

  test('a finding at the threshold makes the session untrusted, naming the rules', () => {
    const session = new FlowSession('s');
    const changes = takeInResult(
      session,
      flows,
      {
        toolLabels: 0,
        result: text('x'),
        findings: [finding('override.ignore-previous', 'high'), finding('role.x', 'low')],
        source,
      },
      findSecrets,
    );
    expect(changes).toEqual([
      {
        event: 'added',
        changed: ['untrusted'],
        labels: ['untrusted'],
        cause: 'finding',
        rules: ['override.ignore-previous'],
      },
    ]);
  });

  test('findings below the threshold, or only secrets, do not make it untrusted', () => {
    const session = new FlowSession('s');
    takeInResult(
      session,
      compileFlows({ untrustedFindings: 'high' }, 'enforce').flows,
      { toolLabels: 0, result: text('x'), findings: [finding('role.x', 'medium')], source },
      findSecrets,
    );
    expect(session.labels & UNTRUSTED).toBe(0);
  });

  test('a secret in any result makes the session sensitive and is remembered', () => {
    const session = new FlowSession('s');
    const token = `ghp_${'Q'.repeat(36)}`;
    const changes = takeInResult(
      session,
      flows,
      {
        toolLabels: 0,
        result: text(`token: ${token}`),
        findings: [finding('secret.github-token', 'high')],
        source,
      },
      findSecrets,
    );
    expect(changes).toEqual([
      { event: 'added', changed: ['sensitive'], labels: ['sensitive'], cause: 'secret' },
    ]);
    expect(session.findCarried({ t: token }, findSecrets)?.kind).toBe('secret');
  });

  test('without any value-tracking rule nothing is fingerprinted', () => {
    const session = new FlowSession('s');
    takeInResult(
      session,
      compileFlows({ defaults: false }, 'enforce').flows,
      { toolLabels: SENSITIVE, result: text(LONG), findings: [], source },
      findSecrets,
    );
    expect(session.remembers).toBe(false);
    expect(session.labels).toBe(SENSITIVE);
  });
});

test('textsOf reads text items, embedded text resources and structured content', () => {
  expect(
    textsOf({
      content: [
        { type: 'text', text: 'a' },
        { type: 'resource', resource: { uri: 'file:///x', text: 'b' } },
        { type: 'image', data: 'AAAA', mimeType: 'image/png' },
      ],
      structuredContent: { rows: [{ name: 'c' }, 'd'] },
    }),
  ).toEqual(['a', 'b', 'c', 'd']);
});

describe('takesInNothing', () => {
  test('is true only where takeInResult changes nothing and remembers nothing', () => {
    const cases = [0, UNTRUSTED, SENSITIVE, UNTRUSTED | SENSITIVE, EGRESS];
    const findingSets: (readonly Finding[] | undefined)[] = [
      undefined,
      [],
      [finding('override.ignore-previous', 'high')],
      [finding('secret.aws-access-key', 'high')],
    ];
    for (const sessionLabels of cases)
      for (const toolLabels of cases)
        for (const findings of findingSets) {
          const session = new FlowSession('s');
          if (sessionLabels !== 0) session.takeIn(sessionLabels, source);
          if (!takesInNothing(session, toolLabels, findings)) continue;
          const before = session.labels;
          const changes = takeInResult(
            session,
            flows,
            {
              toolLabels,
              result: text(`${LONG} AKIAIOSFODNN7EXAMPLE`),
              findings: findings ?? [],
              source,
            },
            findSecrets,
          );
          expect(changes).toEqual([]);
          expect(session.labels).toBe(before);
          expect(session.findCarried({ body: LONG }, findSecrets)).toBeUndefined();
        }
  });

  test('is false for a result that brings a label or must be fingerprinted', () => {
    const session = new FlowSession('s');
    expect(takesInNothing(session, UNTRUSTED, [])).toBe(false);
    expect(takesInNothing(session, SENSITIVE, [])).toBe(false);
    expect(takesInNothing(session, 0, [finding('override.ignore-previous', 'high')])).toBe(false);
    expect(takesInNothing(session, EGRESS, undefined)).toBe(true);
    session.takeIn(UNTRUSTED, source);
    expect(takesInNothing(session, UNTRUSTED, [])).toBe(true);
  });
});
