import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson } from '../canonical-json.js';
import type { PolicyDecision } from '../policy/decision.js';
import { AUDIT_HASH_DOMAIN, type AuditRecordInput } from './audit-record.js';
import { buildCallRecord, buildResultRecord } from './build-records.js';
import { RecordBytes, sealRecordBytes } from './record-bytes.js';

// record-bytes.ts keeps the bytes of the runs of a call record that repeat from call to call
// (a tool's decision, def_hash and exposed name; a session's server, session and tool) and
// copies them. These tests seal sequences of calls that come back to earlier tools and
// sessions, more of them than it keeps, and hold every line to the generic encoding.

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

const referenceLine = (input: AuditRecordInput, seq: number, ts: string, prev: string): string => {
  const body = canonicalJson({ ...input, hash: undefined, prev, seq, ts, v: 1 });
  const hash = `sha256:${fakeHex(encoder.encode(AUDIT_HASH_DOMAIN + body))}`;
  return `{"hash":"${hash}",${body.slice(1)}\n`;
};

const TS = '2026-12-07T15:00:00.000Z';

const sealLine = (
  out: RecordBytes,
  input: AuditRecordInput,
  seq: number,
  prev: string,
  ts = TS,
) => {
  const start = out.length;
  const hash = sealRecordBytes(out, input, seq, ts, prev, (b, s, e) => fakeHex(b.subarray(s, e)));
  return { hash, line: utf8.decode(out.bytes.subarray(start, out.length)) };
};

interface Tool {
  readonly server: string | null;
  readonly tool: string | null;
  readonly exposed: string;
  readonly defHash: string | undefined;
}

const decisionOf = (
  rules: readonly string[],
  extra: Partial<PolicyDecision> = {},
): PolicyDecision => ({
  effect: 'allow',
  final: 'allow',
  decidingRule: rules[0] ?? 'default',
  rules,
  mode: 'enforce',
  policy: `sha256:${'c'.repeat(64)}`,
  reason: 'allowed',
  ...extra,
});

const callOf = (
  n: number,
  tool: Tool,
  session: { agent: string | undefined; client: { name: string; version: string } | undefined },
  decision: PolicyDecision,
): AuditRecordInput =>
  buildCallRecord({
    call: {
      id: `c${String(n)}`,
      server: tool.server,
      tool: tool.tool,
      exposed: tool.exposed,
      args: { n },
      session,
    } as never,
    decision,
    defHash: tool.defHash,
    findSecrets: () => [],
  });

const text = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('é', '"q"', '\\', 'a\nb', '\u{1F600}', 'x'.repeat(40), 'a\uD800'),
);

describe('sealRecordBytes: the runs a call record repeats', () => {
  test('calls that come back to earlier tools, sessions and decisions: each line as the generic encoding', () => {
    const tool = fc.record({
      server: fc.option(text),
      tool: fc.option(text),
      exposed: text,
      defHash: fc.option(
        fc.constantFrom(`sha256:${'d'.repeat(64)}`, `sha256:${'e'.repeat(64)}`, 'x'),
        {
          nil: undefined,
        },
      ),
    });
    const session = fc.record({
      agent: fc.option(text, { nil: undefined }),
      client: fc.option(fc.record({ name: text, version: text }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        // More tools and sessions than the runs kept (8 of each), so kept runs are replaced.
        fc.array(tool, { minLength: 1, maxLength: 12 }),
        fc.array(session, { minLength: 1, maxLength: 12 }),
        fc.array(fc.array(text, { maxLength: 2 }), { minLength: 1, maxLength: 10 }),
        fc.array(
          fc.record({
            t: fc.nat(),
            s: fc.nat(),
            r: fc.nat(),
            approved: fc.boolean(),
            // The time of the record before, or another (some need escapes: other lengths).
            ts: fc.constantFrom(TS, TS, '2026-12-07T15:00:00.001Z', 'é"\\', 'a\u2028', ''),
            // Mostly chained to the line before; sometimes not (a re-chain, a string-path line).
            chained: fc.constantFrom(true, true, true, false),
            // Sometimes the queue is written out and the buffer starts again.
            cleared: fc.constantFrom(false, false, false, true),
            result: fc.boolean(),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (tools, sessions, ruleSets, picks) => {
          const out = new RecordBytes((size) => new Uint8Array(size), 64);
          let prev = `sha256:${'0'.repeat(64)}`;
          picks.forEach((pick, n) => {
            if (pick.cleared) out.clear();
            const rules = ruleSets[pick.r % ruleSets.length] ?? [];
            // An approval makes a decision of its own each call (never shared, never kept).
            const decision = pick.approved
              ? decisionOf(rules, { approval: { approved: true, scope: 'once' } })
              : decisionOf(rules);
            const input = pick.result
              ? buildResultRecord({
                  callId: `c${String(n)}`,
                  outcome: { kind: 'ok', result: { content: [] } },
                  ms: n / 7,
                  results: 'hash',
                  digest: { bytes: n, sha256: `sha256:${'e'.repeat(64)}` },
                  findSecrets: () => [],
                })
              : callOf(
                  n,
                  tools[pick.t % tools.length] as Tool,
                  sessions[pick.s % sessions.length] as never,
                  decision,
                );
            const before = pick.chained ? prev : `sha256:${'f'.repeat(64)}`;
            const got = sealLine(out, input, n + 1, before, pick.ts);
            if (got.hash === undefined) return;
            expect(got.line).toBe(referenceLine(input, n + 1, pick.ts, before));
            prev = got.hash;
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  test('tools that differ only in def_hash, or only in exposed name, get their own bytes', () => {
    const out = new RecordBytes((size) => new Uint8Array(size));
    const session = { agent: 'a', client: { name: 'n', version: '1' } };
    const decision = decisionOf(['r']);
    const base: Tool = {
      server: 's',
      tool: 't',
      exposed: 's__t',
      defHash: `sha256:${'d'.repeat(64)}`,
    };
    const variants: Tool[] = [
      base,
      { ...base, defHash: `sha256:${'e'.repeat(64)}` },
      { ...base, defHash: undefined },
      { ...base, exposed: 's__t2' },
      { ...base, tool: null },
      { ...base, server: 's2' },
      base,
    ];
    const lines = variants.map((tool, n) => {
      const input = callOf(n, tool, session, decision);
      const got = sealLine(out, input, 1, 'p');
      expect(got.line).toBe(referenceLine(input, 1, TS, 'p'));
      return got.line
        .replace(/^\{"hash":"[^"]*",/, '')
        .replace(/"id":"c\d+"/, '')
        .replace(/"n":\d+/, '');
    });
    // The first and last are the same call but for its id and arguments; every other one differs.
    expect(lines[6]).toBe(lines[0]);
    expect(new Set(lines.slice(0, 6)).size).toBe(6);
  });
});
