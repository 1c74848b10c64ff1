import { describe, expect, test } from 'vitest';
import type { DecisionFlow } from '../flows/flow-decision.js';
import { AUDIT_GENESIS_HASH, type AuditRecordInput, type LabelInput } from './audit-record.js';
import { sealAuditRecord } from './chain.js';
import { createChainVerifier, type ChainVerdict } from './verify-chain.js';

// The same deterministic stand-in for SHA-256 as verify-chain.test.ts: chain logic only.
const fakeSha256Hex = (text: string): string => {
  let out = '';
  for (let round = 0; round < 8; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out;
};

const call = (id: string, flow?: DecisionFlow): AuditRecordInput => ({
  type: 'call',
  call: { id },
  server: 's',
  tool: 't',
  exposed: 's__t',
  args: {},
  redacted: [],
  def_hash: null,
  decision: {
    effect: 'allow',
    final: 'allow',
    rules: [],
    deciding: 'default',
    mode: 'enforce',
    policy: 'sha256:0',
    ...(flow === undefined ? {} : { flow }),
  },
  session: { agent: null, client: null },
});
const result = (id: string): AuditRecordInput => ({
  type: 'result',
  call: { id },
  outcome: { status: 'ok', ms: 1 },
  findings: [],
});
const label = (id: string, overrides: Partial<LabelInput> = {}): LabelInput => ({
  type: 'label',
  session_id: 'p-s1',
  call: { id },
  server: 'web',
  tool: 'fetch',
  event: 'added',
  changed: ['untrusted'],
  labels: ['untrusted'],
  cause: 'tool',
  ...overrides,
});
const flowNaming = (source: { call: string; seq: number }): DecisionFlow => ({
  session: 'p-s1',
  labels: ['untrusted'],
  tool: ['egress'],
  rules: ['flow:untrusted-egress'],
  sources: [{ label: 'untrusted', call: source.call, seq: source.seq, tool: 'web/fetch' }],
});

const verify = (inputs: readonly AuditRecordInput[]): ChainVerdict => {
  const verifier = createChainVerifier({
    sha256Hex: fakeSha256Hex,
    digestRange: () => 'sha256:x',
    verifySignature: () => 'valid',
    anchors: [],
    logName: 'audit.jsonl',
  });
  verifier.startFile(undefined);
  let head = { seq: 0, hash: AUDIT_GENESIS_HASH };
  let offset = 0;
  inputs.forEach((input, i) => {
    const sealed = sealAuditRecord(
      input,
      { seq: head.seq + 1, ts: '2026-01-01T00:00:00.000Z', prev: head.hash },
      fakeSha256Hex,
    );
    const text = sealed.line.slice(0, -1);
    verifier.pushLine({ file: 'audit.jsonl', line: i + 1, offset, length: text.length, text });
    offset += text.length + 1;
    head = { seq: head.seq + 1, hash: sealed.hash };
  });
  return verifier.finish();
};
const codes = (verdict: ChainVerdict) => [
  ...verdict.errors.map((e) => e.code),
  ...verdict.warnings.map((w) => w.code),
];

describe('audit verify checks flow control records', () => {
  test('a session that takes in a label, is asked about it and trusted again verifies', () => {
    expect(
      verify([
        call('c1'),
        label('c1'),
        result('c1'),
        label('c2', { event: 'cleared', cause: 'approval', labels: [] }),
        call('c2', flowNaming({ call: 'c1', seq: 1 })),
        result('c2'),
      ]).status,
    ).toBe('ok');
  });

  test('a label record that does not follow from the ones before is an error', () => {
    expect(codes(verify([call('c1'), label('c1'), label('c1'), result('c1')]))).toContain(
      'label_mismatch',
    );
    expect(
      codes(
        verify([call('c1'), label('c1', { labels: ['untrusted', 'sensitive'] }), result('c1')]),
      ),
    ).toContain('label_mismatch');
    expect(
      codes(verify([call('c1'), label('c1', { event: 'cleared', labels: [] }), result('c1')])),
    ).toContain('label_mismatch');
  });

  test('a label record for a call that is not in the log is an error', () => {
    expect(codes(verify([label('ghost')]))).toContain('label_without_call');
  });

  test('a decision naming a source call that is not earlier in the log is an error', () => {
    expect(
      codes(
        verify([
          call('c1'),
          label('c1'),
          result('c1'),
          call('c2', flowNaming({ call: 'nope', seq: 1 })),
          result('c2'),
        ]),
      ),
    ).toContain('flow_source_missing');
  });

  test('a decision naming a moved source is a warning', () => {
    const verdict = verify([
      call('c1'),
      label('c1'),
      result('c1'),
      call('c2', flowNaming({ call: 'c1', seq: 9 })),
      result('c2'),
    ]);
    expect(verdict.status).toBe('warnings');
    expect(codes(verdict)).toEqual(['flow_source_moved']);
  });

  test('a decision naming a label its session never took in is an error', () => {
    expect(
      codes(
        verify([
          call('c1'),
          result('c1'),
          call('c2', flowNaming({ call: 'c1', seq: 1 })),
          result('c2'),
        ]),
      ),
    ).toContain('label_mismatch');
  });
});
