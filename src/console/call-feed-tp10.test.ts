import { describe, expect, test } from 'vitest';
import { callRecord, resultRecord } from '../../test/helpers/feed-records.js';
import { CallFeed, sameJson } from './call-feed.js';

describe('the call feed keeps little per call (tp10)', () => {
  test('equal decisions and clients of different calls are kept as one object', () => {
    const feed = new CallFeed();
    const first = callRecord('a');
    const second = callRecord('b');
    feed.record(first, { seq: 1, hash: 'h1' });
    feed.record(second, { seq: 2, hash: 'h2' });
    const [b, a] = feed.recentCalls();
    expect(b?.decision).toBe(first.decision);
    expect(a?.decision).toBe(first.decision);
    expect(b?.decision).not.toBe(second.decision);
    expect(b?.client).toBe(first.session.client);
    expect(b?.decision).toEqual(second.decision);
  });

  test('different decisions and clients stay apart', () => {
    const feed = new CallFeed();
    feed.record(callRecord('a'), { seq: 1, hash: 'h1' });
    feed.record(callRecord('b', { final: 'deny', client: 'other' }), { seq: 2, hash: 'h2' });
    expect(feed.call('a')?.decision.final).toBe('allow');
    expect(feed.call('b')?.decision.final).toBe('deny');
    expect(feed.call('a')?.client?.name).toBe('client');
    expect(feed.call('b')?.client?.name).toBe('other');
  });

  test('a call shows the summary the console showed before: outcome, findings, receipt', () => {
    const feed = new CallFeed(() => Date.UTC(2026, 11, 7, 9, 0, 0));
    feed.record(callRecord('a'), { seq: 7, hash: 'hc' });
    expect(feed.call('a')).toMatchObject({ outcome: undefined, findings: [], receipt: undefined });
    feed.record(
      resultRecord('a', [{ field: 'text', rule: 'secret.x', severity: 'high', span: [0, 2] }]),
      { seq: 8, hash: 'hr' },
    );
    expect(feed.call('a')).toEqual({
      id: 'a',
      ts: '2026-12-07T09:00:00.000Z',
      server: 'fx',
      tool: 'echo',
      exposed: 'fx__echo',
      agent: 'a1',
      client: { name: 'client', version: '1' },
      decision: callRecord('a').decision,
      callSeq: 7,
      outcome: { status: 'ok', ms: 1.3, bytes: 12 },
      findings: [{ rule: 'secret.x', severity: 'high' }],
      receipt: { seq: 8, hash: 'hr' },
    });
  });

  test('a receipt the log re-chains in place shows its final seq and hash', () => {
    const feed = new CallFeed();
    const callReceipt = { seq: 1, hash: 'h1' };
    const resultReceipt = { seq: 2, hash: 'h2' };
    feed.record(callRecord('a'), callReceipt);
    feed.record(resultRecord('a'), resultReceipt);
    callReceipt.seq = 11;
    resultReceipt.seq = 12;
    resultReceipt.hash = 'h12';
    expect(feed.call('a')).toMatchObject({ callSeq: 11, receipt: { seq: 12, hash: 'h12' } });
  });

  test('a place written over by a newer call keeps nothing of the older one', () => {
    const feed = new CallFeed();
    feed.record(callRecord('old', { final: 'deny' }), { seq: 1, hash: 'h1' });
    feed.record(resultRecord('old', [{ field: 'f', rule: 'r', severity: 'low', span: [0, 1] }]), {
      seq: 2,
      hash: 'h2',
    });
    for (let i = 0; i < 200; i++) feed.record(callRecord(`c${i}`), { seq: 3 + i, hash: 'h' });
    expect(feed.call('old')).toBeUndefined();
    // c0 took the oldest place, the one `old` had.
    expect(feed.call('c0')).toMatchObject({
      decision: { final: 'allow' },
      outcome: undefined,
      findings: [],
      receipt: undefined,
    });
    // A late result of the forgotten call is counted, not shown.
    feed.record(resultRecord('old'), { seq: 500, hash: 'late' });
    expect(feed.recentCalls().filter((call) => call.outcome !== undefined)).toHaveLength(0);
  });
});

describe('sameJson', () => {
  test('equal JSON values with keys in the same order', () => {
    expect(
      sameJson({ a: 1, b: [1, 'x', null, { c: true }] }, { a: 1, b: [1, 'x', null, { c: true }] }),
    ).toBe(true);
    expect(sameJson('x', 'x')).toBe(true);
    expect(sameJson(null, null)).toBe(true);
  });

  test('values that differ in a member, a key order, a length or a kind', () => {
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
    expect(sameJson({ 0: 1 }, [1])).toBe(false);
    expect(sameJson({ a: { b: 1 } }, { a: { b: 2 } })).toBe(false);
    expect(sameJson({ a: null }, { a: {} })).toBe(false);
    expect(sameJson(1, '1')).toBe(false);
  });
});
