import { describe, expect, test } from 'vitest';
import type { Finding } from '../scanner/finding.js';
import { buildResultRecord } from './build-records.js';

const finding = (rule: string, field: string): Finding => ({
  rule,
  severity: 'high',
  field,
  span: [1, 4],
  message: 'not logged',
});

const base = {
  callId: 'c-1',
  ms: 1.5,
  results: 'hash' as const,
  digest: { bytes: 10, sha256: `sha256:${'a'.repeat(64)}` },
  findSecrets: () => [],
};

describe('buildResultRecord findings (feat14)', () => {
  test('no findings anywhere: an empty list, written as []', () => {
    const record = buildResultRecord({
      ...base,
      outcome: { kind: 'ok', result: { content: [] } },
    });
    expect(record.findings).toEqual([]);
    expect(JSON.stringify(record.findings)).toBe('[]');
  });

  test('argument findings, then those the outcome carries, in that order, without messages', () => {
    const record = buildResultRecord({
      ...base,
      findings: [finding('a.rule', 'args.x')],
      outcome: {
        kind: 'ok',
        result: { content: [] },
        findings: [finding('r.rule', 'content[0].text')],
      },
    });
    expect(record.findings).toEqual([
      { field: 'args.x', rule: 'a.rule', severity: 'high', span: [1, 4] },
      { field: 'content[0].text', rule: 'r.rule', severity: 'high', span: [1, 4] },
    ]);
    // A blocked outcome's findings count as well; a record made after gets its own list.
    const blocked = buildResultRecord({
      ...base,
      outcome: {
        kind: 'blocked',
        stage: 'result',
        findings: [finding('b.rule', 'content[0].text')],
      },
    });
    expect(blocked.findings.map((f) => f.rule)).toEqual(['b.rule']);
    const none = buildResultRecord({ ...base, outcome: { kind: 'ok', result: { content: [] } } });
    expect(none.findings).toEqual([]);
  });
});
