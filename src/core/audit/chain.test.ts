import { describe, expect, test } from 'vitest';
import { AUDIT_HASH_DOMAIN, type AuditRecordInput } from './audit-record.js';
import { computeAuditHash, renderCheckpointStatement, sealAuditRecord } from './chain.js';

// Records what was hashed, so the tests can check the exact hash input.
const hashed: string[] = [];
const recordingDigest = (text: string): string => {
  hashed.push(text);
  return String(hashed.length).padStart(64, '0');
};

const finding: AuditRecordInput = {
  type: 'finding',
  rule: 'secrets.github-token',
  severity: 'high',
  server: 'gh',
  tool: null,
  field: 'description',
  span: [0, 4],
};
const at = { seq: 7, ts: '2026-01-02T03:04:05.678Z', prev: `sha256:${'a'.repeat(64)}` };

describe('sealAuditRecord', () => {
  test('hashes the domain prefix plus the canonical record without its hash', () => {
    hashed.length = 0;
    const sealed = sealAuditRecord(finding, at, recordingDigest);
    expect(hashed).toEqual([
      `${AUDIT_HASH_DOMAIN}{"field":"description","prev":"sha256:${'a'.repeat(64)}","rule":"secrets.github-token","seq":7,"server":"gh","severity":"high","span":[0,4],"tool":null,"ts":"2026-01-02T03:04:05.678Z","type":"finding","v":1}`,
    ]);
    expect(sealed.hash).toBe(`sha256:${'1'.padStart(64, '0')}`);
  });

  test('writes one newline-terminated line that parses back to a record with the same hash', () => {
    const sealed = sealAuditRecord(finding, at, recordingDigest);
    expect(sealed.line.endsWith('\n')).toBe(true);
    expect(sealed.line.slice(0, -1)).not.toContain('\n');
    const parsed = JSON.parse(sealed.line) as Record<string, unknown>;
    hashed.length = 0;
    computeAuditHash(parsed, recordingDigest);
    sealAuditRecord(finding, at, recordingDigest);
    expect(hashed[0]).toBe(hashed[1]);
  });

  test('keeps the chain fields even if an input carries fields of the same name', () => {
    const sneaky = { ...finding, seq: 1, prev: 'x' } as AuditRecordInput;
    const parsed = JSON.parse(sealAuditRecord(sneaky, at, recordingDigest).line) as {
      seq: number;
      prev: string;
    };
    expect(parsed).toMatchObject({ seq: 7, prev: at.prev });
  });

  test('hashes lone surrogates in arguments deterministically, as escapes', () => {
    const call = (text: string): AuditRecordInput => ({
      type: 'call',
      call: { id: 'c1' },
      server: 's',
      tool: 't',
      exposed: 's__t',
      args: { text },
      redacted: [],
      def_hash: null,
      decision: {
        effect: 'allow',
        final: 'allow',
        rules: [],
        deciding: 'default',
        mode: 'enforce',
        policy: 'sha256:0',
      },
      session: { agent: null, client: null },
    });
    hashed.length = 0;
    sealAuditRecord(call('a\uD800b'), at, recordingDigest);
    sealAuditRecord(call('a\uD800b'), at, recordingDigest);
    sealAuditRecord(call('a\uDC00b'), at, recordingDigest);
    expect(hashed[0]).toBe(hashed[1]);
    // Escaped, so UTF-8 encoding cannot collapse two different lone surrogates into U+FFFD.
    expect(hashed[0]).toContain('"a\\ud800b"');
    expect(hashed[2]).toContain('"a\\udc00b"');
  });
});

describe('renderCheckpointStatement', () => {
  test('signs the canonical seq, hash, ts and file under its own domain prefix', () => {
    expect(
      renderCheckpointStatement({ seq: 3, hash: 'sha256:ab', ts: 't', file: 'audit.jsonl' }),
    ).toBe(
      'mcp-gateway-audit-checkpoint-v1\n{"file":"audit.jsonl","hash":"sha256:ab","seq":3,"ts":"t"}',
    );
  });
});
