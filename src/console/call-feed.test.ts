import { describe, expect, test } from 'vitest';
import type { CallInput, ResultInput } from '../core/audit/audit-record.js';
import { MemoryAuditSink } from '../core/audit/audit-sink.js';
import { CallFeed, type FeedEvent } from './call-feed.js';
import { matchesCallFilter } from './call-summary.js';

const callRecord = (id: string, tool = 'echo', final: 'allow' | 'deny' = 'allow'): CallInput => ({
  type: 'call',
  call: { id },
  server: 'fx',
  tool,
  exposed: `fx__${tool}`,
  args: { text: 'x'.repeat(1000) },
  redacted: [],
  def_hash: null,
  decision: { effect: final, final, rules: [], deciding: 'default', mode: 'enforce', policy: 'p' },
  session: { agent: null, client: { name: 'client', version: '1' } },
});

const resultRecord = (id: string, status: 'ok' | 'denied' = 'ok'): ResultInput => ({
  type: 'result',
  call: { id },
  outcome: { status, ms: 1.234 },
  findings: [{ rule: 'secret.github-token', severity: 'medium', field: 'text', span: [0, 4] }],
});

describe('the call feed', () => {
  test('a tapped sink still gets every record; the feed joins call and result with the receipt', () => {
    const sink = new MemoryAuditSink();
    const feed = new CallFeed();
    const tapped = feed.tap(sink);
    tapped.append(callRecord('a'));
    const receipt = tapped.append(resultRecord('a'));
    expect(sink.records).toHaveLength(2);
    expect(feed.call('a')).toMatchObject({
      id: 'a',
      server: 'fx',
      tool: 'echo',
      outcome: { status: 'ok', ms: 1.2 },
      findings: [{ rule: 'secret.github-token' }],
      receipt,
    });
  });

  test('arguments are not kept in memory (the detail reads them from the log)', () => {
    const feed = new CallFeed();
    feed.record(callRecord('a'), { seq: 1, hash: 'h1' });
    expect(JSON.stringify(feed.recentCalls())).not.toContain('xxxx');
  });

  test('only the newest 200 calls are remembered, newest first', () => {
    const feed = new CallFeed();
    for (let i = 0; i < 250; i++) feed.record(callRecord(`c${i}`), { seq: i, hash: `h${i}` });
    const recent = feed.recentCalls();
    expect(recent).toHaveLength(200);
    expect(recent[0]?.id).toBe('c249');
    expect(feed.call('c0')).toBeUndefined();
  });

  test('the ring keeps the newest 200 through many turns; a repeated id keeps its place', () => {
    const feed = new CallFeed();
    for (let i = 0; i < 1000; i++) feed.record(callRecord(`c${i}`), { seq: i, hash: `h${i}` });
    feed.record(callRecord('c900'), { seq: 1000, hash: 'again' });
    feed.record(callRecord('c1001'), { seq: 1001, hash: 'h1001' });
    const ids = feed.recentCalls().map((call) => call.id);
    expect(ids).toHaveLength(200);
    expect(ids.slice(0, 2)).toEqual(['c1001', 'c999']);
    expect(ids.filter((id) => id === 'c900')).toHaveLength(1);
    expect(feed.call('c900')?.callSeq).toBe(1000);
    expect(ids.at(-1)).toBe('c801');
    expect(feed.call('c800')).toBeUndefined();
    for (let i = 0; i < 300; i++) feed.record(callRecord(`d${i}`), { seq: 2000 + i, hash: 'd' });
    expect(feed.recentCalls().map((call) => call.id)).toEqual(
      Array.from({ length: 200 }, (_, k) => `d${299 - k}`),
    );
  });

  test('finished calls are counted per minute; quiet minutes count zero', () => {
    let now = 60_000 * 1000;
    const feed = new CallFeed(() => now);
    feed.record(callRecord('a'), { seq: 1, hash: 'h' });
    feed.record(resultRecord('a'), { seq: 2, hash: 'h' });
    now += 60_000 * 2;
    feed.record(callRecord('b'), { seq: 3, hash: 'h' });
    feed.record(resultRecord('b'), { seq: 4, hash: 'h' });
    feed.record(resultRecord('c'), { seq: 5, hash: 'h' });
    expect(feed.callsPerMinute(3)).toEqual([1, 0, 2]);
    now += 60_000 * 100;
    expect(feed.callsPerMinute(3)).toEqual([0, 0, 0]);
  });

  test('subscribers hear calls, backend events and pin drift', () => {
    const feed = new CallFeed();
    const events: FeedEvent['type'][] = [];
    const stop = feed.subscribe((event) => events.push(event.type));
    feed.record(callRecord('a'), { seq: 1, hash: 'h' });
    feed.record(resultRecord('a'), { seq: 2, hash: 'h' });
    feed.record(
      { type: 'backend', server: 'fx', event: 'restart', detail: '' },
      { seq: 3, hash: 'h' },
    );
    feed.record(
      {
        type: 'finding',
        rule: 'pin.drift',
        severity: 'high',
        server: 'fx',
        tool: 't',
        field: 'definition',
        span: [0, 0],
      },
      { seq: 4, hash: 'h' },
    );
    stop();
    feed.record(callRecord('b'), { seq: 5, hash: 'h' });
    expect(events).toEqual(['call', 'call', 'backend', 'changes']);
  });

  test('the Calls filter matches tool text, effect or outcome, and findings', () => {
    const feed = new CallFeed();
    feed.record(callRecord('a', 'write_file', 'deny'), { seq: 1, hash: 'h' });
    feed.record(resultRecord('a', 'denied'), { seq: 2, hash: 'h' });
    const [call] = feed.recentCalls();
    expect(call).toBeDefined();
    expect(matchesCallFilter(call!, { tool: 'FX/WRITE' })).toBe(true);
    expect(matchesCallFilter(call!, { tool: 'read' })).toBe(false);
    expect(matchesCallFilter(call!, { outcome: 'deny' })).toBe(true);
    expect(matchesCallFilter(call!, { outcome: 'denied' })).toBe(true);
    expect(matchesCallFilter(call!, { outcome: 'ok' })).toBe(false);
    expect(matchesCallFilter(call!, { findings: true })).toBe(true);
  });
});
