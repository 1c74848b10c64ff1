import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { AuditRecordInput } from '../core/audit/audit-record.js';
import type { AuditSink } from '../core/audit/audit-sink.js';
import type { Receipt } from '../core/tool-call.js';
import { callRecord, resultRecord } from '../../test/helpers/feed-records.js';
import { CallFeed, hexInto, hexOf } from './call-feed.js';

const hashOf = (n: number): string => `sha256:${n.toString(16).padStart(64, '0')}`;

/** A sink whose receipts are final once `written` has reached their seq. */
class FakeLog implements AuditSink {
  seq = 0;
  upTo = -1;
  readonly receipts: { seq: number; hash: string }[] = [];
  readonly healthy = true;

  append(record: AuditRecordInput): Receipt {
    if (record.type !== 'call' && record.type !== 'result') throw new Error('a call or result');
    const receipt = { seq: this.seq, hash: hashOf(this.seq) };
    this.seq++;
    this.receipts.push(receipt);
    return receipt;
  }

  appendDurable(record: AuditRecordInput): Promise<Receipt> {
    return Promise.resolve(this.append(record));
  }

  written(): undefined {
    return undefined;
  }

  writtenSeq(): number {
    return this.upTo;
  }
}

/** `calls` calls through a tapped sink, each call's records written `lag` calls later. */
const runCalls = (feed: CallFeed, log: FakeLog, calls: number, lag: number): AuditSink => {
  const sink = feed.tap(log);
  for (let i = 0; i < calls; i++) {
    sink.append(callRecord(`c${String(i)}`));
    sink.append(resultRecord(`c${String(i)}`));
    log.upTo = Math.max(-1, 2 * (i - lag) + 1);
  }
  return sink;
};

describe('the feed lets go of written receipts (call15)', () => {
  test('a settled call shows the seqs and hash its receipts had', () => {
    const feed = new CallFeed();
    const log = new FakeLog();
    runCalls(feed, log, 150, 0);
    // c10 settled long ago: its receipts are no longer held, what it shows is unchanged.
    expect(feed.call('c10')).toMatchObject({
      callSeq: 20,
      receipt: { seq: 21, hash: hashOf(21) },
      outcome: { status: 'ok', bytes: 12 },
    });
    const calls = feed.recentCalls();
    expect(calls).toHaveLength(150);
    calls.forEach((call, back) => {
      const i = 149 - back;
      expect(call.id).toBe(`c${String(i)}`);
      expect(call.callSeq).toBe(2 * i);
      expect(call.receipt).toEqual({ seq: 2 * i + 1, hash: hashOf(2 * i + 1) });
    });
  });

  test('a receipt not yet written is held: a re-chain before the write still shows', () => {
    const feed = new CallFeed();
    const log = new FakeLog();
    // Nothing is ever written: every place keeps its receipts.
    runCalls(feed, log, 100, 1000);
    const [call, result] = [log.receipts[20], log.receipts[21]];
    if (call === undefined || result === undefined) throw new Error('no receipts');
    call.seq = 500;
    result.seq = 501;
    result.hash = hashOf(501);
    expect(feed.call('c10')).toMatchObject({
      callSeq: 500,
      receipt: { seq: 501, hash: hashOf(501) },
    });
  });

  test('a re-chain that happens before the write is what settles', () => {
    const feed = new CallFeed();
    const log = new FakeLog();
    const sink = feed.tap(log);
    sink.append(callRecord('a'));
    const result = sink.append(resultRecord('a')) as { seq: number; hash: string };
    result.seq = 9;
    result.hash = hashOf(9);
    log.upTo = 9;
    for (let i = 0; i < 40; i++) sink.append(callRecord(`b${String(i)}`));
    expect(feed.call('a')).toMatchObject({ callSeq: 0, receipt: { seq: 9, hash: hashOf(9) } });
  });

  test('a hash of another form is kept as it is', () => {
    const feed = new CallFeed();
    const log = new FakeLog();
    const sink = feed.tap(log);
    sink.append(callRecord('a'));
    const result = sink.append(resultRecord('a')) as { seq: number; hash: string };
    result.hash = `sha256:${'A'.repeat(64)}`;
    log.upTo = 100;
    for (let i = 0; i < 40; i++) sink.append(callRecord(`b${String(i)}`));
    expect(feed.call('a')?.receipt).toEqual({ seq: 1, hash: `sha256:${'A'.repeat(64)}` });
  });

  test('a result that comes after its place settled is held, and shown', () => {
    const feed = new CallFeed();
    const log = new FakeLog();
    const sink = feed.tap(log);
    sink.append(callRecord('slow'));
    log.upTo = 0;
    for (let i = 0; i < 40; i++) sink.append(callRecord(`b${String(i)}`));
    sink.append(resultRecord('slow'));
    expect(feed.call('slow')).toMatchObject({
      callSeq: 0,
      receipt: { seq: 41, hash: hashOf(41) },
      outcome: { status: 'ok' },
    });
  });

  test('the tap passes writtenSeq through', () => {
    const feed = new CallFeed();
    const log = new FakeLog();
    log.upTo = 7;
    expect(feed.tap(log).writtenSeq?.()).toBe(7);
  });
});

describe('hexInto and hexOf (call15)', () => {
  test('a sha256 text goes to 32 bytes and back unchanged', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.nat(3), (raw, at) => {
        const hash = `sha256:${Buffer.from(raw).toString('hex')}`;
        const table = new Uint8Array(40);
        expect(hexInto(table, at, hash)).toBe(true);
        expect(hexOf(table, at)).toBe(hash);
      }),
    );
  });

  test('any other text is refused', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/^sha256:[0-9a-f]{64}$/.test(text));
        expect(hexInto(new Uint8Array(32), 0, text)).toBe(false);
      }),
    );
    const upper = `sha256:${'AB'.repeat(32)}`;
    expect(hexInto(new Uint8Array(32), 0, upper)).toBe(false);
    expect(hexInto(new Uint8Array(32), 0, `sha512:${'ab'.repeat(32)}`)).toBe(false);
    expect(hexInto(new Uint8Array(32), 0, `sha256:${'ab'.repeat(31)}ag`)).toBe(false);
  });
});
