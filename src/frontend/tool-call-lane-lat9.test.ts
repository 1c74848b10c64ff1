import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, test } from 'vitest';
import type { ToolCallOutcome } from '../core/tool-call.js';
import { ToolCallLane, type IncomingCall } from './tool-call-lane.js';

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
    return Promise.resolve();
  }
  deliver(message: unknown): void {
    this.onmessage?.(message as JSONRPCMessage);
  }
}

const ok: ToolCallOutcome = { kind: 'ok', result: { content: [{ type: 'text', text: 'hi' }] } };
const call = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo' } };
const settle = () => new Promise((resolve) => setImmediate(resolve));

const laneWith = async (callTool: (call: IncomingCall) => Promise<ToolCallOutcome>) => {
  const transport = new FakeTransport();
  await new ToolCallLane(transport, callTool).start();
  return transport;
};

describe('ToolCallLane: two settle tasks (lat9)', () => {
  test('both run once, in the order given, before the answer', async () => {
    const log: string[] = [];
    const transport = await laneWith((incoming) => {
      incoming.whenSettled?.(() => {
        log.push(`drain after ${String(transport.sent.length)} sent`);
      }, {});
      incoming.whenSettled?.((key) => log.push(`session ${key.id}`), { id: 's1' });
      return Promise.resolve(ok);
    });
    transport.deliver(call);
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
    transport.deliver(call);
    expect(refused).toBeInstanceOf(Error);
  });
});
