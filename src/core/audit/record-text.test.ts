import { describe, expect, test } from 'vitest';
import type { PolicyDecision } from '../policy/decision.js';
import type { CallInput, ResultInput } from './audit-record.js';
import { buildCallRecord, buildResultRecord } from './build-records.js';
import { callRecordText, resultRecordText } from './record-text.js';

const at = { seq: 7, ts: '2026-01-02T03:04:05.678Z', prev: `sha256:${'a'.repeat(64)}` };
const decision: PolicyDecision = {
  effect: 'allow',
  final: 'allow',
  decidingRule: 'default',
  rules: [],
  mode: 'enforce',
  policy: `sha256:${'c'.repeat(64)}`,
  reason: 'allowed',
};
const call = buildCallRecord({
  call: {
    id: 'c1',
    server: 'echo',
    tool: 'echo',
    exposed: 'echo__echo',
    args: { message: 'hello' },
    session: { agent: undefined, client: { name: 'bench', version: '1' } },
  },
  decision,
  defHash: undefined,
  findSecrets: () => [],
});
const result = buildResultRecord({
  callId: 'c1',
  outcome: { kind: 'ok', result: { content: [{ type: 'text', text: 'hello' }] } },
  ms: 0.25,
  results: 'hash',
  digest: { bytes: 41, sha256: `sha256:${'e'.repeat(64)}` },
  findSecrets: () => [],
});

// chain.test.ts holds these to the generic encoder's text; here: that the usual records take
// this path at all, and that what it does not know goes back to the generic one.
describe('callRecordText and resultRecordText', () => {
  test('write the usual call record after the prefix, with its chain fields', () => {
    expect(callRecordText(call, at, '>')).toBe(
      `>{"args":{"message":"hello"},"call":{"id":"c1"},"decision":{"deciding":"default","effect":"allow","final":"allow","mode":"enforce","policy":"sha256:${'c'.repeat(64)}","rules":[]},"def_hash":null,"exposed":"echo__echo","prev":"${at.prev}","redacted":[],"seq":7,"server":"echo","session":{"agent":null,"client":{"name":"bench","version":"1"}},"tool":"echo","ts":"${at.ts}","type":"call","v":1}`,
    );
  });

  test('write the usual result record', () => {
    expect(resultRecordText(result, at, '')).toBe(
      `{"call":{"id":"c1"},"findings":[],"outcome":{"bytes":41,"ms":0.25,"sha256":"sha256:${'e'.repeat(64)}","status":"ok"},"prev":"${at.prev}","seq":7,"ts":"${at.ts}","type":"result","v":1}`,
    );
  });

  test("escape what JSON.stringify escapes in the gateway's own strings", () => {
    const odd = { ...call, exposed: 'a"b\\c\n\u0001\uD800\u{1F600}' } as CallInput;
    expect(callRecordText(odd, at, '')).toContain(`"exposed":${JSON.stringify(odd.exposed)},`);
  });

  test('hand back records they do not know, for the generic encoder to write', () => {
    const undecided = [
      { ...call, extra: 1 },
      { ...call, args: undefined },
      { ...call, decision: { ...call.decision, rules: [1n] } },
      { ...call, decision: { mode: 'enforce', effect: 'allow' } },
      { ...call, session: { agent: null, client: new Date(0) } },
      { ...call, call: { id: 1 } },
    ] as unknown as CallInput[];
    for (const input of undecided) expect(callRecordText(input, at, '')).toBeUndefined();
    expect(callRecordText(call, { ...at, seq: 0.5 }, '')).toBeUndefined();
    const otherResults = [
      { ...result, outcome: { ms: Infinity, status: 'ok' } },
      { ...result, redacted: [] },
      { type: 'result', findings: [], call: { id: 'x' }, outcome: { status: 'ok', ms: 1 } },
    ] as unknown as ResultInput[];
    for (const input of otherResults) expect(resultRecordText(input, at, '')).toBeUndefined();
  });
});
