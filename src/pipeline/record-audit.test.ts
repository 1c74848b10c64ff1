import { describe, expect, test } from 'vitest';
import { callContext, fakeForward, okText } from '../../test/helpers/call-context.js';
import { MemoryAuditSink } from '../core/audit/audit-sink.js';
import { compose } from '../core/compose.js';
import { GatewayError } from '../core/errors.js';
import type { ToolCallOutcome } from '../core/tool-call.js';
import { recordAudit, recordCall, type RecordAuditOptions } from './record-audit.js';

const options = (
  sink: MemoryAuditSink,
  overrides: Partial<RecordAuditOptions> = {},
): RecordAuditOptions => {
  let clock = 0;
  return {
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
    now: () => (clock += 2),
    ...overrides,
  };
};

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
