import { describe, expect, test } from 'vitest';
import { callContext, okText } from '../../test/helpers/call-context.js';
import type { AuditRecordInput } from '../core/audit/audit-record.js';
import type { AuditSink } from '../core/audit/audit-sink.js';
import { compose } from '../core/compose.js';
import type { ToolCallOutcome } from '../core/tool-call.js';
import { recordAudit, type RecordAuditOptions } from './record-audit.js';

/**
 * A sink like the JSONL log: appended records wait for a write, which `written()` makes one
 * event-loop phase later (one per turn) and `writeNow()` makes at once when it can.
 */
class WritingSink implements AuditSink {
  readonly records: AuditRecordInput[] = [];
  readonly healthy = true;
  /** How many records are in the "file". */
  inFile = 0;
  /** What writeNow answers when records are waiting (false: only the slow path could). */
  canWriteNow = true;
  readonly calls: string[] = [];
  private barrier: Promise<void> | undefined;

  append(record: AuditRecordInput) {
    this.records.push(record);
    return { seq: this.records.length - 1, hash: `memory:${String(this.records.length - 1)}` };
  }

  appendDurable(record: AuditRecordInput) {
    return Promise.resolve(this.append(record));
  }

  written(): Promise<void> | undefined {
    this.calls.push('written');
    if (this.inFile === this.records.length) return undefined;
    this.barrier ??= new Promise<void>((resolve) => {
      setImmediate(() => {
        this.barrier = undefined;
        this.inFile = this.records.length;
        resolve();
      });
    });
    return this.barrier;
  }

  writeNow(): boolean {
    this.calls.push('writeNow');
    if (this.inFile === this.records.length) return true;
    if (!this.canWriteNow) return false;
    this.inFile = this.records.length;
    return true;
  }
}

const options = (sink: AuditSink): RecordAuditOptions => ({
  sink,
  durability: 'batch',
  results: 'hash',
  findSecrets: () => [],
  digest: (value) => {
    const json = JSON.stringify(value);
    return { bytes: json.length, sha256: 'sha256:fake', json };
  },
  defHash: () => 'sha256:def',
  failClosed: () => true,
  now: () => 0,
});

/** A backend whose answers are released by hand, in any order. */
const heldForward = () => {
  const waiting: ((outcome: ToolCallOutcome) => void)[] = [];
  return {
    forward: () =>
      new Promise<ToolCallOutcome>((resolve) => {
        waiting.push(resolve);
      }),
    release: (i: number, outcome: ToolCallOutcome) => {
      waiting[i]?.(outcome);
    },
  };
};

describe('recordAudit: the write before the reply of a call alone (lat9)', () => {
  test('a call alone is answered once its records are in the file, without waiting for a later phase', async () => {
    const sink = new WritingSink();
    const handle = compose([recordAudit(options(sink))], () => Promise.resolve(okText('hi')));
    let phaseOver = false;
    setImmediate(() => {
      phaseOver = true;
    });
    const outcome = await handle(callContext());
    // Answered before the immediate a barrier write would have waited for.
    expect(phaseOver).toBe(false);
    expect(sink.calls).toEqual(['writeNow']);
    expect(sink.inFile).toBe(2);
    expect(outcome).toMatchObject({ kind: 'ok', receipt: { seq: 1 } });
  });

  test('calls in flight together share the turn’s write: none is answered before its records are in the file', async () => {
    const sink = new WritingSink();
    const backend = heldForward();
    const handle = compose([recordAudit(options(sink))], backend.forward);
    const inFileAtAnswer: number[] = [];
    const answered = [1, 2].map((n) =>
      handle(callContext({ id: `call-${String(n)}` })).then((outcome) => {
        inFileAtAnswer.push(sink.inFile);
        return outcome;
      }),
    );
    backend.release(0, okText('a'));
    backend.release(1, okText('b'));
    await Promise.all(answered);
    // The first outcome came with another call in flight: it waits for the shared write; the
    // second, alone by then, writes everything appended so far at once.
    expect(sink.calls).toEqual(['written', 'writeNow']);
    expect(sink.records.map((record) => record.type)).toEqual(['call', 'result', 'call', 'result']);
    expect(inFileAtAnswer).toEqual([4, 4]);
  });

  test('when the write cannot be made now, the reply waits for written() as before', async () => {
    const sink = new WritingSink();
    sink.canWriteNow = false;
    const handle = compose([recordAudit(options(sink))], () => Promise.resolve(okText('hi')));
    const outcome = await handle(callContext());
    expect(sink.calls).toEqual(['writeNow', 'written']);
    expect(sink.inFile).toBe(2);
    expect(outcome).toMatchObject({ kind: 'ok', receipt: { seq: 1 } });
  });

  test('a step that throws or rejects does not leave the count of calls in flight raised', async () => {
    const sink = new WritingSink();
    let fail: 'throw' | 'reject' | undefined = 'throw';
    const handle = compose([recordAudit(options(sink))], () => {
      if (fail === 'throw') throw new Error('bug');
      if (fail === 'reject') return Promise.reject(new Error('bug'));
      return Promise.resolve(okText('hi'));
    });
    expect(() => handle(callContext())).toThrow('bug');
    fail = 'reject';
    await expect(handle(callContext())).rejects.toThrow('bug');
    fail = undefined;
    sink.calls.length = 0;
    await handle(callContext());
    // Alone again: the write is made at once.
    expect(sink.calls).toEqual(['writeNow']);
  });

  test('a sink without writeNow keeps the barrier', async () => {
    const sink = new WritingSink();
    const plain = {
      append: (record: AuditRecordInput) => sink.append(record),
      appendDurable: (record: AuditRecordInput) => sink.appendDurable(record),
      written: () => sink.written(),
      healthy: true,
    };
    const handle = compose([recordAudit({ ...options(sink), sink: plain })], () =>
      Promise.resolve(okText('hi')),
    );
    await handle(callContext());
    expect(sink.calls).toEqual(['written']);
    expect(sink.inFile).toBe(2);
  });
});
