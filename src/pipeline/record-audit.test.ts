import { describe, expect, test } from 'vitest';
import { callContext, fakeForward, okText } from '../../test/helpers/call-context.js';
import type { AuditRecordInput } from '../core/audit/audit-record.js';
import { MemoryAuditSink, type AuditSink } from '../core/audit/audit-sink.js';
import { compose } from '../core/compose.js';
import { GatewayError } from '../core/errors.js';
import type { ToolCallOutcome } from '../core/tool-call.js';
import { recordAuditOptions } from '../../test/helpers/record-audit-options.js';
import { recordAudit, recordCall, type RecordAuditOptions } from './record-audit.js';

const options = recordAuditOptions;

/** A sink whose durable writes fail, like a full disk. */
class FailingSink extends MemoryAuditSink {
  override appendDurable(): never {
    throw new Error('disk full');
  }
}

describe('recordAudit and recordCall', () => {
  test('a forwarded call gets a call record before the backend and a result record after, with its receipt', async () => {
    const sink = new MemoryAuditSink();
    const seenAtForward: number[] = [];
    const handle = compose([recordAudit(options(sink)), recordCall(options(sink))], (ctx) => {
      seenAtForward.push(sink.records.length);
      return fakeForward(okText('hello')).forward(ctx);
    });
    const outcome = await handle(callContext());
    expect(seenAtForward).toEqual([1]);
    expect(sink.records).toMatchObject([
      {
        type: 'call',
        call: { id: 'call-1' },
        server: 'fs',
        tool: 'read_file',
        def_hash: 'sha256:def',
      },
      { type: 'result', call: { id: 'call-1' }, outcome: { status: 'ok', sha256: 'sha256:fake' } },
    ]);
    expect(outcome).toMatchObject({ kind: 'ok', receipt: { seq: 1, hash: 'memory:1' } });
  });

  test('a call stopped before recordCall still gets one call record, then its result', async () => {
    const sink = new MemoryAuditSink();
    const denied: ToolCallOutcome = {
      kind: 'failed',
      error: new GatewayError('TOOL_BLOCKED', 'withheld'),
    };
    const handle = compose([recordAudit(options(sink))], () => Promise.resolve(denied));
    await handle(callContext());
    expect(sink.records.map((r) => r.type)).toEqual(['call', 'result']);
    expect(sink.records[0]).toMatchObject({ decision: { final: 'deny', policy: 'none' } });
  });

  test('the result record carries the time from receiving the call to its outcome', async () => {
    const sink = new MemoryAuditSink();
    await compose([recordAudit(options(sink))], fakeForward().forward)(callContext());
    expect(sink.records[1]).toMatchObject({ outcome: { ms: 2 } });
  });

  test('an unhealthy log in enforce mode stops the call before the backend', async () => {
    const sink = new MemoryAuditSink();
    sink.healthy = false;
    const { forward, calls } = fakeForward();
    const outcome = await compose([recordCall(options(sink))], forward)(callContext());
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'AUDIT_WRITE_FAILED' } });
    expect(calls).toEqual([]);
  });

  test('an unhealthy log in audit mode lets the call through', async () => {
    const sink = new MemoryAuditSink();
    sink.healthy = false;
    const { forward, calls } = fakeForward();
    await compose([recordCall(options(sink, { failClosed: () => false }))], forward)(callContext());
    expect(calls).toHaveLength(1);
  });

  test('sync durability: a call record that cannot reach the disk stops the call (fail closed)', async () => {
    const sink = new FailingSink();
    const { forward, calls } = fakeForward();
    const outcome = await compose(
      [recordAudit(options(sink)), recordCall(options(sink, { durability: 'sync' }))],
      forward,
    )(callContext());
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'AUDIT_WRITE_FAILED' } });
    expect(calls).toEqual([]);
    // The failed call record is not written twice: only the result follows.
    expect(sink.records.map((r) => r.type)).toEqual(['result']);
  });

  describe('with afterForward (batch durability)', () => {
    /** An afterForward that holds its tasks until the test runs them. */
    const heldTasks = () => {
      const tasks: (() => void)[] = [];
      const afterForward: RecordAuditOptions['afterForward'] = (task, ctx) => {
        tasks.push(() => {
          task(ctx);
        });
      };
      const runAll = () => {
        for (const task of tasks.splice(0)) task();
      };
      return { afterForward, tasks, runAll };
    };

    test('the call record is queued after the request was handed on, before its result', async () => {
      const sink = new MemoryAuditSink();
      const held = heldTasks();
      const opts = options(sink, { afterForward: held.afterForward });
      const seenAtForward: number[] = [];
      let answer: ((outcome: ToolCallOutcome) => void) | undefined;
      const handle = compose([recordAudit(opts), recordCall(opts)], () => {
        seenAtForward.push(sink.records.length);
        return new Promise<ToolCallOutcome>((resolve) => {
          answer = resolve;
        });
      });
      const ctx = callContext();
      const running = handle(ctx);
      // Forwarded with nothing appended yet; one task waits to append the call record.
      expect(seenAtForward).toEqual([0]);
      expect(held.tasks).toHaveLength(1);
      held.runAll();
      expect(sink.records.map((r) => r.type)).toEqual(['call']);
      expect(ctx.trace.callReceipt).toEqual({ seq: 0, hash: 'memory:0' });
      answer?.(okText('hello'));
      const outcome = await running;
      expect(sink.records.map((r) => r.type)).toEqual(['call', 'result']);
      expect(outcome).toMatchObject({ kind: 'ok', receipt: { seq: 1 } });
    });

    test('an outcome back before the task ran still follows its call record, which is written once', async () => {
      const sink = new MemoryAuditSink();
      const held = heldTasks();
      const opts = options(sink, { afterForward: held.afterForward });
      const ctx = callContext();
      await compose([recordAudit(opts), recordCall(opts)], fakeForward().forward)(ctx);
      expect(sink.records.map((r) => r.type)).toEqual(['call', 'result']);
      expect(ctx.trace.callReceipt).toEqual({ seq: 0, hash: 'memory:0' });
      held.runAll();
      expect(sink.records.map((r) => r.type)).toEqual(['call', 'result']);
    });

    test('the call record holds what the steps before it decided', async () => {
      const sink = new MemoryAuditSink();
      const held = heldTasks();
      const opts = options(sink, { afterForward: held.afterForward });
      const handle = compose([recordAudit(opts), recordCall(opts)], (ctx) => {
        held.runAll();
        return fakeForward().forward(ctx);
      });
      await handle(callContext({ args: { path: '/tmp/b.txt' } }));
      expect(sink.records[0]).toMatchObject({ type: 'call', args: { path: '/tmp/b.txt' } });
    });

    test('an unhealthy log in enforce mode still stops the call before the backend', async () => {
      const sink = new MemoryAuditSink();
      sink.healthy = false;
      const held = heldTasks();
      const { forward, calls } = fakeForward();
      const outcome = await compose(
        [recordCall(options(sink, { afterForward: held.afterForward }))],
        forward,
      )(callContext());
      expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'AUDIT_WRITE_FAILED' } });
      expect(calls).toEqual([]);
      expect(held.tasks).toEqual([]);
    });

    test('a log that refuses the record fails the call, as before', async () => {
      const sink = new ClosedSink();
      const held = heldTasks();
      const opts = options(sink, { afterForward: held.afterForward });
      const handle = compose([recordAudit(opts), recordCall(opts)], (ctx) => {
        // The task runs (and fails) before the backend answers.
        held.runAll();
        return fakeForward().forward(ctx);
      });
      await expect(handle(callContext())).rejects.toThrow('closed');
    });
  });
});

/** A sink already closed: every append throws. */
class ClosedSink extends MemoryAuditSink {
  override append(): never {
    throw new Error('The audit log is closed');
  }
}

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

describe('recordAudit: the write before the reply of a call alone', () => {
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
