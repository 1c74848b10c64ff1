import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson } from '../canonical-json.js';
import type { PolicyDecision } from '../policy/decision.js';
import { AUDIT_HASH_DOMAIN, type AuditRecordInput } from './audit-record.js';
import { buildCallRecord, buildResultRecord } from './build-records.js';
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

/** The line as DESIGN §9 defines it, from the generic encoder: the oracle for the fast paths. */
const referenceLine = (input: AuditRecordInput, position: typeof at): string => {
  const body = canonicalJson({
    ...input,
    hash: undefined,
    prev: position.prev,
    seq: position.seq,
    ts: position.ts,
    v: 1,
  });
  return `{"hash":"sha256:${body}",${body.slice(1)}\n`;
};
const identity = (text: string): string => text.slice(AUDIT_HASH_DOMAIN.length);

const decision: PolicyDecision = {
  effect: 'allow',
  final: 'allow',
  decidingRule: 'default',
  rules: ['r1'],
  mode: 'enforce',
  policy: `sha256:${'c'.repeat(64)}`,
  reason: 'allowed',
};

// Values an agent or a backend may send: keys in any order (integer-like and astral ones
// included), strings that need escapes, lone surrogates, nesting.
const key = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.constantFrom('0', '10', 'hash', 'prev', 'seq', 'v', 'args', '\u{1F600}', '\uFB01'),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.constantFrom('a\uD800b', '\u2028"\n'),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('sealAuditRecord of the records every call writes', () => {
  test('a call record: the same line as the generic encoding, whatever the arguments', () => {
    fc.assert(
      fc.property(
        fc.dictionary(key, json, { maxKeys: 6 }),
        fc.option(fc.record({ name: fc.string(), version: fc.string() }), { nil: undefined }),
        fc.option(fc.string(), { nil: undefined }),
        fc.nat(),
        (args, client, agent, seq) => {
          const input = buildCallRecord({
            call: {
              id: 'c1',
              server: 's',
              tool: 't',
              exposed: 's__t',
              args,
              session: { agent, client },
            },
            decision,
            defHash: seq % 2 === 0 ? undefined : `sha256:${'d'.repeat(64)}`,
            findSecrets: () => [],
          });
          const position = { ...at, seq };
          expect(sealAuditRecord(input, position, identity).line).toBe(
            referenceLine(input, position),
          );
        },
      ),
    );
  });

  test('a result record: the same line as the generic encoding, in every results mode', () => {
    fc.assert(
      fc.property(
        json,
        fc.constantFrom('none', 'hash', 'redacted'),
        fc.boolean(),
        (content, results, isError) => {
          const input = buildResultRecord({
            callId: 'c1',
            outcome: {
              kind: 'ok',
              result: { content: [{ type: 'text', text: JSON.stringify(content) }], isError },
            },
            ms: 1.5,
            results,
            digest: { bytes: 10, sha256: `sha256:${'e'.repeat(64)}` },
            findings: [
              {
                rule: 'r',
                severity: 'low',
                field: 'args.x',
                span: [0, 1],
                message: 'm',
              } as never,
            ],
            findSecrets: () => [],
          });
          expect(sealAuditRecord(input, at, identity).line).toBe(referenceLine(input, at));
        },
      ),
    );
  });

  // Everything the gateway itself puts in the two records, drawn at random: names and ids that
  // need escapes, decisions with and without approval, would_be and flow, clients of any shape.
  const text = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('a\uD800b', '"\\\n', '\u{1F600}', 'x'.repeat(97)),
  );
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

  test('a call record: the same line as the generic encoding, whatever the gateway put in it', () => {
    fc.assert(
      fc.property(
        fc.record({ id: text, server: fc.option(text), tool: fc.option(text), exposed: text }),
        policyDecision,
        fc.option(fc.dictionary(key, json, { maxKeys: 3 }), { nil: undefined }),
        fc.option(text, { nil: undefined }),
        fc.record({
          seq: fc.oneof(fc.nat(), fc.constant(2 ** 53), fc.constant(-1)),
          ts: text,
          prev: text,
        }),
        (names, decided, client, agent, position) => {
          const input = buildCallRecord({
            call: {
              ...names,
              args: { message: names.id },
              session: { agent, client: client as never },
            } as never,
            decision: decided as unknown as PolicyDecision,
            defHash: agent,
            findSecrets: () => [],
          });
          expect(sealAuditRecord(input, position, identity).line).toBe(
            referenceLine(input, position),
          );
        },
      ),
    );
  });

  test('a result record: the same line as the generic encoding, whatever the findings and times', () => {
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
        fc.double({ noNaN: true, min: 0, max: 1e9 }),
        fc.constantFrom('none', 'hash'),
        fc.option(fc.record({ bytes: fc.nat(), sha256: text }), { nil: undefined }),
        (callId, findings, ms, results, digest) => {
          const input = buildResultRecord({
            callId,
            outcome: { kind: 'blocked', stage: 'result', findings: findings as never },
            ms,
            results,
            digest,
            findSecrets: () => [],
          });
          expect(sealAuditRecord(input, at, identity).line).toBe(referenceLine(input, at));
        },
      ),
    );
  });

  test('a call or result record of another shape falls back to the generic encoding', () => {
    const odd = [
      { type: 'call', call: { id: 'x' }, extra: 1 },
      { type: 'result', call: { id: 'x' }, findings: [], outcome: { status: 'ok', ms: 1 }, z: 2 },
      { type: 'result', findings: [], call: { id: 'x' }, outcome: { status: 'ok', ms: 1 } },
      {
        type: 'result',
        call: { id: 'x' },
        findings: [],
        outcome: { status: 'ok', ms: 1 },
        hash: 'h',
      },
    ] as unknown as AuditRecordInput[];
    for (const input of odd) {
      expect(sealAuditRecord(input, at, identity).line).toBe(referenceLine(input, at));
    }
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
