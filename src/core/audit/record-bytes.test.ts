import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson } from '../canonical-json.js';
import type { PolicyDecision } from '../policy/decision.js';
import { AUDIT_HASH_DOMAIN, type AuditRecordInput } from './audit-record.js';
import { buildCallRecord, buildResultRecord } from './build-records.js';
import { RecordBytes, sealRecordBytes } from './record-bytes.js';

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

/** A stand-in for SHA-256 (core has no crypto): 64 hex digits that change with every byte. */
const fakeHex = (bytes: Uint8Array): string => {
  let out = '';
  for (let lane = 0; lane < 8; lane++) {
    let h = 0x811c9dc5 ^ lane;
    for (const byte of bytes) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
};

/** The line DESIGN §9 defines, from the generic encoder, with the stand-in hash: the oracle. */
const referenceLine = (input: AuditRecordInput, seq: number, ts: string, prev: string) => {
  const body = canonicalJson({ ...input, hash: undefined, prev, seq, ts, v: 1 });
  const hash = `sha256:${fakeHex(encoder.encode(AUDIT_HASH_DOMAIN + body))}`;
  return { hash, line: `{"hash":"${hash}",${body.slice(1)}\n` };
};

/** Seals into a buffer that already holds other bytes, and small, so that it has to grow. */
const sealed = (input: AuditRecordInput, seq: number, ts: string, prev: string) => {
  const out = new RecordBytes((size) => new Uint8Array(size), 8);
  out.reserve(3);
  out.bytes.set([0x41, 0x42, 0x0a]);
  out.length = 3;
  const hashed: string[] = [];
  const hash = sealRecordBytes(out, input, seq, ts, prev, (bytes, start, end) => {
    hashed.push(utf8.decode(bytes.subarray(start, end)));
    return fakeHex(bytes.subarray(start, end));
  });
  return {
    hash,
    hashed,
    kept: utf8.decode(out.bytes.subarray(0, 3)),
    line: utf8.decode(out.bytes.subarray(3, out.length)),
    length: out.length,
  };
};

const decision: PolicyDecision = {
  effect: 'allow',
  final: 'allow',
  decidingRule: 'default',
  rules: ['r1'],
  mode: 'enforce',
  policy: `sha256:${'c'.repeat(64)}`,
  reason: 'allowed',
};

// What an agent, a backend or a configuration may put in a record: keys in any order
// (integer-like and astral ones included), strings that need escapes, lone surrogates,
// non-ASCII text of every UTF-8 length, long strings (encoded natively), nesting.
const text = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom(
    'a\uD800b',
    '\uDC00',
    '"\\\n',
    '\u{1F600}',
    '\u00e9\u20ac',
    '\u007f',
    'x'.repeat(300),
  ),
  fc.string({ unit: 'binary', minLength: 250, maxLength: 400 }),
);
const key = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.constantFrom('0', '10', 'hash', 'prev', 'seq', 'v', 'args', '\u{1F600}', '\uFB01'),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
})).value;
const position = fc.record({
  seq: fc.oneof(fc.nat(), fc.constant(2 ** 53 - 1), fc.constantFrom(0, 9, 10, 99, 100)),
  ts: text,
  prev: text,
});
const policyDecision = fc.record({
  effect: fc.constantFrom('allow', 'deny', 'ask'),
  final: fc.constantFrom('allow', 'deny'),
  decidingRule: text,
  rules: fc.array(text, { maxLength: 3 }),
  mode: fc.constantFrom('enforce', 'audit'),
  policy: text,
  reason: text,
  approval: fc.option(
    fc.record(
      { scope: fc.constantFrom('once', 'session'), approved: fc.boolean(), channel: text },
      { requiredKeys: ['scope', 'approved'] },
    ),
    { nil: undefined },
  ),
  wouldBe: fc.option(fc.constantFrom('deny', 'ask', 'allow'), { nil: undefined }),
  wouldBeRule: fc.option(text, { nil: undefined }),
  flow: fc.option(fc.dictionary(key, json, { maxKeys: 4 }), { nil: undefined }),
});

// How many records the property tests sealed here rather than leaving to the string path.
let sealedHere = 0;

/**
 * Same line and hash as the generic encoding; or, for what this leaves to the string path (a
 * part out of JCS order, say a flow with an integer-like key), nothing written at all.
 */
const expectSame = (input: AuditRecordInput, seq: number, ts: string, prev: string): void => {
  const got = sealed(input, seq, ts, prev);
  expect(got.kept).toBe('AB\n');
  if (got.hash === undefined) {
    expect(got.length).toBe(3);
    return;
  }
  sealedHere++;
  const want = referenceLine(input, seq, ts, prev);
  expect(got.line).toBe(want.line);
  expect(got.hash).toBe(want.hash);
};

describe('sealRecordBytes', () => {
  test('hashes the domain prefix plus the canonical record, and writes its line after what was there', () => {
    const input = buildCallRecord({
      call: {
        id: 'c1',
        server: 's',
        tool: 't',
        exposed: 's__t',
        args: { b: 1, a: 'é' },
        session: { agent: undefined, client: { name: 'n', version: '1' } },
      },
      decision,
      defHash: undefined,
      findSecrets: () => [],
    });
    const got = sealed(input, 12, '2026-01-02T03:04:05.678Z', `sha256:${'a'.repeat(64)}`);
    expect(got.hashed).toEqual([
      `${AUDIT_HASH_DOMAIN}{"args":{"a":"é","b":1},"call":{"id":"c1"},"decision":{"deciding":"default","effect":"allow","final":"allow","mode":"enforce","policy":"sha256:${'c'.repeat(64)}","rules":["r1"]},"def_hash":null,"exposed":"s__t","prev":"sha256:${'a'.repeat(64)}","redacted":[],"seq":12,"server":"s","session":{"agent":null,"client":{"name":"n","version":"1"}},"tool":"t","ts":"2026-01-02T03:04:05.678Z","type":"call","v":1}`,
    ]);
    expect(got.line.startsWith(`{"hash":"${got.hash ?? ''}","args":`)).toBe(true);
    expect(got.line.endsWith('\n')).toBe(true);
    expect(got.length).toBe(3 + encoder.encode(got.line).length);
  });

  test('a call record: the same line and hash as the generic encoding, whatever it holds', () => {
    fc.assert(
      fc.property(
        fc.record({ id: text, server: fc.option(text), tool: fc.option(text), exposed: text }),
        fc.dictionary(key, json, { maxKeys: 6 }),
        policyDecision,
        fc.option(fc.record({ name: text, version: text }), { nil: undefined }),
        fc.option(text, { nil: undefined }),
        position,
        (names, args, decided, client, agent, { seq, ts, prev }) => {
          const input = buildCallRecord({
            call: { ...names, args, session: { agent, client } } as never,
            decision: decided as unknown as PolicyDecision,
            defHash: agent,
            findSecrets: () => [],
          });
          expectSame(input, seq, ts, prev);
        },
      ),
    );
    expect(sealedHere).toBeGreaterThan(50);
  });

  test('a result record: the same line and hash as the generic encoding, whatever it holds', () => {
    const finding = fc.record({
      rule: text,
      severity: fc.constantFrom('low', 'medium', 'high', 'critical'),
      field: text,
      span: fc.tuple(fc.nat(), fc.nat()),
      message: text,
    });
    fc.assert(
      fc.property(
        text,
        fc.array(finding, { maxLength: 3 }),
        fc.oneof(fc.double({ noNaN: true, min: 0, max: 1e9 }), fc.constantFrom(0, 1e21, 1.5e-7)),
        fc.constantFrom('none', 'hash'),
        fc.option(fc.record({ bytes: fc.nat(), sha256: text }), { nil: undefined }),
        fc.boolean(),
        position,
        (callId, findings, ms, results, digest, ok, { seq, ts, prev }) => {
          const input = buildResultRecord({
            callId,
            outcome: ok
              ? { kind: 'ok', result: { content: [] } }
              : { kind: 'blocked', stage: 'result', findings: findings as never },
            ms,
            results,
            digest,
            findSecrets: () => [],
          });
          expectSame(input, seq, ts, prev);
        },
      ),
    );
    expect(sealedHere).toBeGreaterThan(150);
  });

  test('leaves every other record, and any other shape, to the string path, writing nothing', () => {
    const odd = [
      {
        type: 'finding',
        rule: 'r',
        severity: 'low',
        server: 's',
        tool: null,
        field: 'f',
        span: [0, 1],
      },
      { type: 'call', call: { id: 'x' }, extra: 1 },
      { type: 'result', call: { id: 'x' }, findings: [], outcome: { status: 'ok', ms: 1 }, z: 2 },
      { type: 'result', findings: [], call: { id: 'x' }, outcome: { status: 'ok', ms: 1 } },
      { call: { id: 1 }, findings: [], outcome: { ms: 1, status: 'ok' }, type: 'result' },
      { call: { id: 'x' }, findings: [], outcome: { ms: NaN, status: 'ok' }, type: 'result' },
      {
        call: { id: 'x' },
        findings: [new Date(0)],
        outcome: { ms: 1, status: 'ok' },
        type: 'result',
      },
      { call: { id: 'x', y: 1 }, findings: [], outcome: { ms: 1, status: 'ok' }, type: 'result' },
    ] as unknown as AuditRecordInput[];
    for (const input of odd) {
      const got = sealed(input, 1, 't', 'p');
      expect(got.hash).toBeUndefined();
      expect(got.length).toBe(3);
      expect(got.hashed).toEqual([]);
    }
    const result = {
      call: { id: 'x' },
      findings: [],
      outcome: { ms: 1, status: 'ok' },
      type: 'result',
    } as unknown as AuditRecordInput;
    expect(sealed(result, 1, 't', 'p').hash).toBeDefined();
    expect(sealed(result, -1, 't', 'p').hash).toBeUndefined();
    expect(sealed(result, 2 ** 53, 't', 'p').hash).toBeUndefined();
  });
});
