import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, test } from 'vitest';
import type { ToolCallOutcome } from '../core/tool-call.js';
import { ToolCallLane, type IncomingCall } from './tool-call-lane.js';

/** A transport that records what is sent and lets the test deliver messages. */
class FakeTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  readonly sent: JSONRPCMessage[] = [];
  start(): Promise<void> {
    return Promise.resolve();
  }
  send(message: JSONRPCMessage): Promise<void> {
    this.sent.push(message);
    return Promise.resolve();
  }
  close(): Promise<void> {
    this.onclose?.();
    return Promise.resolve();
  }
  deliver(message: unknown): void {
    this.onmessage?.(message as JSONRPCMessage);
  }
}

const ok: ToolCallOutcome = { kind: 'ok', result: { content: [{ type: 'text', text: 'hi' }] } };
const callMessage = (id: number) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: { name: 'echo', arguments: {} },
});
const settle = () => new Promise((resolve) => setImmediate(resolve));

const laneWith = async (callTool: (call: IncomingCall) => Promise<ToolCallOutcome>) => {
  const transport = new FakeTransport();
  const lane = new ToolCallLane(transport, callTool);
  await lane.start();
  return transport;
};

describe('ToolCallLane: the settle task', () => {
  test('runs once the outcome is known, before the answer is written, once', async () => {
    const log: string[] = [];
    const transport = await laneWith((call) => {
      call.whenSettled?.(
        (key) => log.push(`task ${key.name} after ${transport.sent.length} sent`),
        { name: 'k1' },
      );
      return Promise.resolve(ok);
    });
    transport.deliver(callMessage(1));
    await settle();
    expect(log).toEqual(['task k1 after 0 sent']);
    expect(transport.sent).toHaveLength(1);
  });

  test('runs when the call fails, rejects, throws, or was cancelled by the agent', async () => {
    const ran: string[] = [];
    let release: ((outcome: ToolCallOutcome) => void) | undefined;
    const transport = await laneWith((call) => {
      const key = call.name;
      call.whenSettled?.((k) => ran.push(k.name), { name: key });
      if (key === 'throws') throw new Error('bug');
      if (key === 'rejects') return Promise.reject(new Error('bug'));
      return new Promise((resolve) => (release = resolve));
    });
    const named = (id: number, name: string) => ({
      ...callMessage(id),
      params: { name, arguments: {} },
    });
    transport.deliver(named(1, 'throws'));
    transport.deliver(named(2, 'rejects'));
    transport.deliver(named(3, 'cancelled'));
    transport.deliver({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 3, reason: 'user' },
    });
    release?.({
      kind: 'failed',
      error: Object.assign(new Error('cancelled'), { code: -1 }),
    } as never);
    await settle();
    expect(ran.sort()).toEqual(['cancelled', 'rejects', 'throws']);
    // The cancelled call gets no answer; the two broken ones get errors.
    expect(transport.sent.map((m) => ('id' in m ? m.id : undefined))).toEqual([1, 2]);
  });
});

describe('ToolCallLane: two settle tasks', () => {
  test('both run once, in the order given, before the answer', async () => {
    const log: string[] = [];
    const transport = await laneWith((incoming) => {
      incoming.whenSettled?.(() => {
        log.push(`drain after ${String(transport.sent.length)} sent`);
      }, {});
      incoming.whenSettled?.((key) => log.push(`session ${key.id}`), { id: 's1' });
      return Promise.resolve(ok);
    });
    transport.deliver(callMessage(1));
    await settle();
    expect(log).toEqual(['drain after 0 sent', 'session s1']);
    expect(transport.sent).toHaveLength(1);
  });

  test('a third task is refused', async () => {
    let refused: unknown;
    const transport = await laneWith((incoming) => {
      incoming.whenSettled?.(() => undefined, {});
      incoming.whenSettled?.(() => undefined, {});
      try {
        incoming.whenSettled?.(() => undefined, {});
      } catch (error) {
        refused = error;
      }
      return Promise.resolve(ok);
    });
    transport.deliver(callMessage(1));
    expect(refused).toBeInstanceOf(Error);
  });
});

describe('ToolCallLane: calls in flight', () => {
  /** A callTool whose calls wait until the test ends them, each with its cancellation seen. */
  const held = () => {
    const calls: { call: IncomingCall; cancelled: unknown[]; end: () => void }[] = [];
    const callTool = (call: IncomingCall) =>
      new Promise<ToolCallOutcome>((resolve) => {
        const entry = {
          call,
          cancelled: [] as unknown[],
          end: () => {
            resolve(ok);
          },
        };
        call.cancellation?.onCancel({
          callCancelled: (reason) => {
            entry.cancelled.push(reason);
          },
        });
        calls.push(entry);
      });
    return { calls, callTool };
  };
  const cancelMessage = (requestId: unknown) => ({
    jsonrpc: '2.0',
    method: 'notifications/cancelled',
    params: { requestId, reason: 'stop' },
  });

  test('a cancellation reaches its call only, which then gets no answer', async () => {
    const { calls, callTool } = held();
    const transport = await laneWith(callTool);
    transport.deliver(callMessage(1));
    transport.deliver(callMessage(2));
    transport.deliver(cancelMessage(2));
    transport.deliver(cancelMessage('2'));
    expect(calls.map((c) => c.cancelled)).toEqual([[], ['stop']]);
    for (const c of calls) c.end();
    await settle();
    expect(transport.sent).toMatchObject([{ id: 1, result: { content: [{ text: 'hi' }] } }]);
  });

  test('an id the agent reused while its first call runs: a cancellation names the latest', async () => {
    const { calls, callTool } = held();
    const transport = await laneWith(callTool);
    transport.deliver(callMessage(7));
    transport.deliver(callMessage(7));
    transport.deliver(cancelMessage(7));
    expect(calls.map((c) => c.cancelled)).toEqual([[], ['stop']]);
    calls[0]?.end();
    await settle();
    expect(transport.sent).toHaveLength(1);
  });

  test('a call that ended cannot be cancelled, and the agent going away cancels the rest', async () => {
    const { calls, callTool } = held();
    const transport = await laneWith(callTool);
    for (let id = 1; id <= 40; id++) transport.deliver(callMessage(id));
    calls[0]?.end();
    await settle();
    transport.deliver(cancelMessage(1));
    expect(calls[0]?.cancelled).toEqual([]);
    await transport.close();
    expect(calls.slice(1).every((c) => c.cancelled.length === 1)).toBe(true);
    expect(calls[0]?.cancelled).toEqual([]);
  });
});
