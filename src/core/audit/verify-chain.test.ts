import { describe, expect, test } from 'vitest';
import { AUDIT_GENESIS_HASH, type AuditRecordInput } from './audit-record.js';
import { renderCheckpointStatement, sealAuditRecord } from './chain.js';
import {
  createChainVerifier,
  type AuditAnchor,
  type ChainVerdict,
  type SignatureVerdict,
} from './verify-chain.js';

// FNV-1a, widened to 64 hex digits: deterministic and sensitive to every character, which is
// all the chain logic needs (core stays free of node:crypto; integration tests use SHA-256).
const fakeSha256Hex = (text: string): string => {
  let out = '';
  for (let round = 0; round < 8; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out;
};
const fakeSign = (statement: string): string => `sig:${fakeSha256Hex(statement)}`;
const keySign = (keyId: string, statement: string): string =>
  `sig:${keyId}:${fakeSha256Hex(statement)}`;

const call = (id: string): AuditRecordInput => ({
  type: 'call',
  call: { id },
  server: 's',
  tool: 't',
  exposed: 's__t',
  args: { id },
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
const result = (id: string): AuditRecordInput => ({
  type: 'result',
  call: { id },
  outcome: { status: 'ok', ms: 1 },
  findings: [],
});
const CHECKPOINT = 'checkpoint';

/** A checkpoint signed by `keyId`, with a signature only that key makes (or a forged one). */
const checkpointBy = (keyId: string, forged = false) => ({ checkpointBy: keyId, forged });

/** Seals inputs into lines; CHECKPOINT inserts a checkpoint covering the record before it. */
const buildLines = (
  inputs: readonly (AuditRecordInput | typeof CHECKPOINT | ReturnType<typeof checkpointBy>)[],
): string[] => {
  const lines: string[] = [];
  let head = { seq: 0, hash: AUDIT_GENESIS_HASH };
  for (const [i, item] of inputs.entries()) {
    const ts = `2026-01-01T00:00:${String(i).padStart(2, '0')}.000Z`;
    const statement = renderCheckpointStatement({ ...head, ts, file: 'audit.jsonl' });
    const input: AuditRecordInput =
      item === CHECKPOINT
        ? {
            type: 'checkpoint',
            covers: { ...head },
            file: 'audit.jsonl',
            key_id: 'k1',
            signature: fakeSign(statement),
          }
        : 'checkpointBy' in item
          ? {
              type: 'checkpoint',
              covers: { ...head },
              file: 'audit.jsonl',
              key_id: item.checkpointBy,
              signature: item.forged ? 'sig:forged' : keySign(item.checkpointBy, statement),
            }
          : item;
    const sealed = sealAuditRecord(
      input,
      { seq: head.seq + 1, ts, prev: head.hash },
      fakeSha256Hex,
    );
    lines.push(sealed.line.slice(0, -1));
    head = { seq: head.seq + 1, hash: sealed.hash };
  }
  return lines;
};

const verify = (
  lines: readonly string[],
  options: {
    anchors?: AuditAnchor[];
    signature?: SignatureVerdict;
    /** Trusted key ids for `checkpointBy` checkpoints; a public key "pem" is `pem:<keyId>`. */
    trustedKeys?: readonly string[];
  } = {},
): ChainVerdict => {
  const text = lines.join('\n');
  const trusted = new Set(options.trustedKeys ?? []);
  const verifier = createChainVerifier({
    sha256Hex: fakeSha256Hex,
    digestRange: (_file, offset, length) =>
      `sha256:${fakeSha256Hex(text.slice(offset, offset + length))}`,
    verifySignature: (keyId, statement, signature, publicKeyPem) => {
      if (options.signature !== undefined) return options.signature;
      if (publicKeyPem !== undefined) {
        return publicKeyPem === `pem:${keyId}` && signature === keySign(keyId, statement)
          ? 'valid'
          : 'invalid';
      }
      if (keyId === 'k1') return signature === fakeSign(statement) ? 'valid' : 'invalid';
      if (!trusted.has(keyId)) return 'unknown_key';
      return signature === keySign(keyId, statement) ? 'valid' : 'invalid';
    },
    anchors: options.anchors ?? [],
    logName: 'audit.jsonl',
  });
  verifier.startFile(undefined);
  let offset = 0;
  for (const [i, line] of lines.entries()) {
    // Test lines are ASCII, so string offsets are byte offsets.
    verifier.pushLine({
      file: 'audit.jsonl',
      line: i + 1,
      offset,
      length: line.length,
      text: line,
    });
    offset += line.length + 1;
  }
  return verifier.finish();
};

const codes = (verdict: ChainVerdict): string[] => verdict.errors.map((issue) => issue.code);

const clean = buildLines([
  call('a'),
  result('a'),
  call('b'),
  result('b'),
  CHECKPOINT,
  call('c'),
  result('c'),
]);

describe('createChainVerifier', () => {
  test('accepts a clean chain', () => {
    expect(verify(clean)).toMatchObject({
      status: 'ok',
      records: 7,
      lastSeq: 7,
      errors: [],
      warnings: [],
    });
  });

  test('catches an edited field', () => {
    const edited = clean.map((line, i) => (i === 2 ? line.replace('"s__t"', '"s__u"') : line));
    const verdict = verify(edited);
    expect(verdict.status).toBe('tampered');
    expect(codes(verdict)).toEqual(['hash_mismatch']);
  });

  test('catches a deleted line', () => {
    const verdict = verify(clean.filter((_, i) => i !== 3));
    expect(verdict.status).toBe('tampered');
    expect(codes(verdict)).toEqual(expect.arrayContaining(['seq_mismatch', 'prev_mismatch']));
  });

  test('catches two reordered lines', () => {
    const reordered = [...clean];
    [reordered[2], reordered[3]] = [clean[3]!, clean[2]!];
    expect(verify(reordered).status).toBe('tampered');
  });

  test('catches a tail truncated below a trusted checkpoint', () => {
    const verdict = verify(clean.slice(0, 4), {
      anchors: [
        { seq: 4, hash: JSON.parse(clean[3]!).hash, source: 'head.json' },
        { seq: 6, hash: 'x', source: 'head.json' },
      ],
    });
    expect(codes(verdict)).toEqual(['truncated']);
  });

  test('catches a record that differs from a trusted checkpoint', () => {
    const verdict = verify(clean, {
      anchors: [{ seq: 4, hash: 'sha256:other', source: 'anchor' }],
    });
    expect(codes(verdict)).toEqual(['anchor_mismatch']);
  });

  test('catches a forged checkpoint signature', () => {
    const verdict = verify(clean, { signature: 'invalid' });
    expect(codes(verdict)).toEqual(['signature_invalid']);
  });

  test('warns, without failing, when no key can check a signature', () => {
    const verdict = verify(clean, { signature: 'unchecked' });
    expect(verdict.status).toBe('warnings');
  });

  test('warns about a torn last line awaiting recovery', () => {
    const verdict = verify([...clean, '{"hash":"sha256:12']);
    expect(verdict.status).toBe('warnings');
    expect(verdict.warnings.map((issue) => issue.code)).toEqual(['torn_line']);
  });

  test('warns about a torn line that a recovery record names', () => {
    const torn = '{"hash":"sha256:12';
    const before = clean.slice(0, 4);
    const offset = before.join('\n').length + 1;
    const recovery: AuditRecordInput = {
      type: 'recovery',
      torn: {
        file: 'audit.jsonl',
        offset,
        length: torn.length,
        sha256: `sha256:${fakeSha256Hex(torn)}`,
      },
    };
    const rest = buildLines([call('a'), result('a'), call('b'), result('b'), recovery]);
    const verdict = verify([...before, torn, rest[4]!]);
    expect(verdict.status).toBe('warnings');
    expect(verdict.warnings.map((issue) => issue.code)).toEqual(['torn_line']);
  });

  test('fails on an unparsable line in the middle that no recovery record names', () => {
    const verdict = verify([...clean.slice(0, 4), 'garbage', ...clean.slice(4)]);
    expect(codes(verdict)).toContain('unparsable');
  });

  test('warns about a call without a result, which a crash leaves behind', () => {
    const verdict = verify(buildLines([call('a'), result('a'), call('b')]));
    expect(verdict.status).toBe('warnings');
    expect(verdict.warnings.map((issue) => issue.code)).toEqual(['call_without_result']);
  });

  test('fails on a result whose call is not in the log', () => {
    expect(codes(verify(buildLines([call('a'), result('b')])))).toContain('result_without_call');
  });

  test('fails on a log that does not start at the genesis record', () => {
    expect(codes(verify(clean.slice(1)))).toContain('chain_start');
  });
});

describe('createChainVerifier and signing keys that change', () => {
  const rotated = (old: string, pem: string | null = `pem:${old}`): AuditRecordInput => ({
    type: 'key_rotated',
    old_key_id: old,
    old_public_key: pem,
    new_key_id: 'k3',
    reason: 'the private key was missing',
  });
  const warningCodes = (verdict: ChainVerdict): string[] =>
    verdict.warnings.map((issue) => issue.code);

  test('a checkpoint by an unknown key that no rotation retires is a forgery', () => {
    const verdict = verify(buildLines([call('a'), result('a'), checkpointBy('k2')]), {
      trustedKeys: ['k3'],
    });
    expect(codes(verdict)).toEqual(['signature_invalid']);
  });

  test('a retired key checks the checkpoints before its key_rotated record, which is a warning', () => {
    const lines = buildLines([
      call('a'),
      result('a'),
      checkpointBy('k2'),
      rotated('k2'),
      checkpointBy('k3'),
    ]);
    const verdict = verify(lines, { trustedKeys: ['k3'] });
    expect(verdict.errors).toEqual([]);
    expect(warningCodes(verdict)).toEqual(['key_rotated']);
  });

  test('a forged signature by the retired key is still a forgery', () => {
    const lines = buildLines([checkpointBy('k2', true), rotated('k2'), checkpointBy('k3')]);
    expect(codes(verify(lines, { trustedKeys: ['k3'] }))).toEqual(['signature_invalid']);
  });

  test('a checkpoint by the retired key after its rotation is a forgery', () => {
    const lines = buildLines([rotated('k2'), checkpointBy('k2')]);
    expect(codes(verify(lines, { trustedKeys: ['k3'] }))).toEqual(['signature_invalid']);
  });

  test('a retired key the record could not name leaves its checkpoints unchecked, not forged', () => {
    const lines = buildLines([checkpointBy('k2'), rotated('k2', null), checkpointBy('k3')]);
    const verdict = verify(lines, { trustedKeys: ['k3'] });
    expect(verdict.errors).toEqual([]);
    expect(warningCodes(verdict).sort()).toEqual(['key_rotated', 'signature_unchecked']);
  });

  test('checkpoints by the new key are unchecked, not forged, when only the old key is trusted', () => {
    const lines = buildLines([checkpointBy('k2'), rotated('k2'), checkpointBy('k3')]);
    const verdict = verify(lines, { trustedKeys: ['k2'] });
    expect(verdict.errors).toEqual([]);
    expect(warningCodes(verdict).sort()).toEqual(['key_rotated', 'signature_unchecked']);
  });
});
