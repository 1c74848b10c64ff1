import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson } from '../canonical-json.js';
import type { PolicyDecision } from '../policy/decision.js';
import type { ResultInput } from './audit-record.js';
import { AUDIT_RECORD_VERSION } from './audit-record.js';
import {
  buildCallRecord,
  buildResultRecord,
  toAuditDecision,
  toAuditSession,
} from './build-records.js';
import { callRecordText, resultRecordText, shareRecordPart } from './record-text.js';

const at = { seq: 7, ts: '2026-01-02T03:04:05.678Z', prev: `sha256:${'a'.repeat(64)}` };

/** What the generic encoder writes for a record with its chain fields. */
const generic = (record: object, position: typeof at): string =>
  canonicalJson({ ...record, ...position, v: AUDIT_RECORD_VERSION });

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

describe('shared decisions and sessions (tp10)', () => {
  test('an equal simple decision is handed out again as one frozen object', () => {
    const first = toAuditDecision(decisionOf(['r1']));
    const again = toAuditDecision(decisionOf(['r1']));
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.rules)).toBe(true);
    expect(toAuditDecision(decisionOf(['r2']))).not.toBe(first);
    expect(toAuditDecision(decisionOf(['r1'], { final: 'deny', effect: 'deny' }))).not.toBe(first);
    expect(toAuditDecision(decisionOf(['r1'], { policy: 'sha256:other' }))).not.toBe(first);
  });

  test('a decision with an approval, a flow part or a would_be is made anew each time', () => {
    const approved = decisionOf(['r1'], { approval: { scope: 'once', approved: true } });
    expect(toAuditDecision(approved)).not.toBe(toAuditDecision(approved));
    const trial = decisionOf(['r1'], { wouldBe: 'deny', wouldBeRule: 'r9' });
    expect(toAuditDecision(trial)).not.toBe(toAuditDecision(trial));
    expect(Object.isFrozen(toAuditDecision(trial))).toBe(false);
  });

  test('the session of the call before is handed out again while it is the same', () => {
    const info = { agent: 'a1', client: { name: 'c', version: '1' } };
    const first = toAuditSession(info);
    expect(toAuditSession({ agent: 'a1', client: { name: 'c', version: '1' } })).toBe(first);
    expect(toAuditSession({ agent: 'a2', client: info.client })).toEqual({
      agent: 'a2',
      client: { name: 'c', version: '1' },
    });
    expect(toAuditSession({ agent: undefined, client: undefined })).toEqual({
      agent: null,
      client: null,
    });
    // A client with more members than a name and a version is copied whole, never shared.
    const odd = { agent: 'a1', client: { name: 'c', version: '1', extra: true } as never };
    expect(toAuditSession(odd)).toEqual({
      agent: 'a1',
      client: { name: 'c', version: '1', extra: true },
    });
    expect(toAuditSession(odd)).not.toBe(toAuditSession(odd));
  });

  test('a shared part that is not of the usual shape is still written generically', () => {
    const part = shareRecordPart({ b: 1, a: [2] });
    const record = buildCallRecord({
      call: {
        id: 'c1',
        server: 's',
        tool: 't',
        exposed: 's__t',
        args: {},
        session: { agent: undefined, client: undefined },
      },
      decision: decisionOf([]),
      defHash: undefined,
      findSecrets: () => [],
    });
    const odd = { ...record, decision: part } as never;
    expect(callRecordText(odd, at, '')).toBeUndefined();
  });
});

// Any sequence of calls, each drawn from a few tools, rules, clients and agents: the records
// written with the kept texts (shared decisions and sessions, the last def_hash, outcomes
// written straight) are the generic encoder's, record after record.
const text = fc.oneof(
  fc.constantFrom('r1', 'r2', 'default', 'a"b', '\u{1F600}', 'x\\y'),
  fc.string({ maxLength: 6 }),
);
const step = fc.record({
  id: text,
  rules: fc.array(fc.constantFrom('r1', 'r2', 'a"b'), { maxLength: 2 }),
  final: fc.constantFrom('allow', 'deny'),
  agent: fc.option(fc.constantFrom('a1', 'a2', 'é"'), { nil: undefined }),
  client: fc.option(
    fc.record({ name: fc.constantFrom('c', 'd\n'), version: fc.constantFrom('1', '2') }),
    { nil: undefined },
  ),
  defHash: fc.option(
    fc.constantFrom(`sha256:${'d'.repeat(64)}`, `sha256:${'e'.repeat(64)}`, 'x"y'),
    {
      nil: undefined,
    },
  ),
  args: fc.dictionary(text, fc.oneof(text, fc.integer(), fc.constant(null)), { maxKeys: 3 }),
  ms: fc.double({ noNaN: true, min: 0, max: 1e6 }),
  digest: fc.option(fc.record({ bytes: fc.nat(), sha256: text }), { nil: undefined }),
  results: fc.constantFrom('none', 'hash'),
  status: fc.constantFrom('ok', 'error'),
  position: fc.record({ seq: fc.nat(), ts: text, prev: text }),
});

describe('the record writer against the generic encoder, over sequences of calls (tp10)', () => {
  test('call and result records are the same text, record after record', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        for (const s of steps) {
          const call = buildCallRecord({
            call: {
              id: s.id,
              server: 's',
              tool: 't',
              exposed: 's__t',
              args: s.args,
              session: { agent: s.agent, client: s.client },
            },
            decision: decisionOf(s.rules, { final: s.final, effect: s.final }),
            defHash: s.defHash,
            findSecrets: () => [],
          });
          expect(callRecordText(call, s.position, '')).toBe(generic(call, s.position));
          const result: ResultInput = buildResultRecord({
            callId: s.id,
            outcome:
              s.status === 'ok'
                ? { kind: 'ok', result: { content: [] } }
                : { kind: 'failed', error: { code: 'X', message: 'm' } as never },
            ms: s.ms,
            results: s.results,
            digest: s.digest,
            findSecrets: () => [],
          });
          expect(resultRecordText(result, s.position, '')).toBe(generic(result, s.position));
        }
      }),
    );
  });
});
