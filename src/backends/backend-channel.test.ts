import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import type { CallCancellation, CancelListener, ToolCallOutcome } from '../core/tool-call.js';
import { BackendChannel } from './backend-channel.js';

/** A backend's transport that records what is written to it; `text` adds the hot path's writer. */
const fakeTransport = (options: { text: boolean; failWrites?: boolean }) => {
  const written: object[] = [];
  const transport: Transport & { writeJsonText?: (parts: readonly string[]) => boolean } = {
    start: () => Promise.resolve(),
    close: () => Promise.resolve(),
    send: (message: JSONRPCMessage) => {
      if (options.failWrites === true) return Promise.reject(new Error('pipe closed'));
      written.push(message);
      return Promise.resolve();
    },
  };
  if (options.text)
    transport.writeJsonText = (parts) => {
      if (options.failWrites === true) throw new Error('Backend process is not running');
      written.push(JSON.parse(parts.join('')) as object);
      return true;
    };
  const answer = (message: Record<string, unknown>) => transport.onmessage?.(message as never);
  return { transport, written, answer };
};

const cancellable = () => {
  const listeners: CancelListener[] = [];
  const cancellation: CallCancellation & {
    cancel(reason: unknown): void;
    readonly listeners: readonly CancelListener[];
  } = {
    cancelled: false,
    listeners,
    onCancel(listener) {
      listeners.push(listener);
    },
    offCancel(listener) {
      const index = listeners.indexOf(listener);
      if (index !== -1) listeners.splice(index, 1);
    },
    cancel(reason) {
      (this as { cancelled: boolean }).cancelled = true;
      for (const listener of [...listeners]) listener.callCancelled(reason);
    },
  };
  return cancellation;
};

const open = async (options: { text: boolean; failWrites?: boolean }) => {
  const fake = fakeTransport(options);
  const channel = new BackendChannel(fake.transport, 'fx');
  await channel.start();
  return { channel, ...fake };
};

const errorOf = (outcome: ToolCallOutcome) =>
  outcome.kind === 'failed'
    ? { code: outcome.error.code, message: outcome.error.message }
    : outcome;

describe('BackendChannel.callTool', () => {
  it.each([true, false])(
    'sends tools/call under its own id and resolves the result as written (text writer: %s)',
    async (text) => {
      const { channel, written, answer } = await open({ text });
      const pending = channel.callTool({ name: 'echo', arguments: { a: 1 } }, { timeoutMs: 1000 });
      await Promise.resolve();
      expect(written).toEqual([
        {
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: { name: 'echo', arguments: { a: 1 } },
        },
      ]);
      const result = { content: [{ type: 'text', text: 'hi' }], extra: true };
      answer({ jsonrpc: '2.0', id: 1, result });
      const outcome = await pending;
      expect(outcome.kind).toBe('ok');
      expect(outcome.kind === 'ok' ? outcome.result : undefined).toBe(result);
    },
  );

  it("relays a backend's error as a failure with its code", async () => {
    const { channel, answer } = await open({ text: true });
    const pending = channel.callTool({ name: 'echo' }, { timeoutMs: 1000 });
    answer({ jsonrpc: '2.0', id: 1, error: { code: -32602, message: 'bad args' } });
    const outcome = await pending;
    expect(errorOf(outcome)).toEqual({ code: 'BACKEND_ERROR', message: 'bad args' });
    expect(outcome.kind === 'failed' ? outcome.error.details?.['rpcCode'] : undefined).toBe(-32602);
  });

  it('refuses a result that is not a tool result, naming the backend', async () => {
    const { channel, answer } = await open({ text: true });
    const pending = channel.callTool({ name: 'echo' }, { timeoutMs: 1000 });
    answer({ jsonrpc: '2.0', id: 1, result: { content: 'not a list' } });
    const outcome = await pending;
    expect(outcome.kind === 'failed' ? outcome.error.code : outcome.kind).toBe('BACKEND_PROTOCOL');
  });

  it('tells the backend when the agent cancels, and ends the call at once', async () => {
    const { channel, written } = await open({ text: true });
    const cancellation = cancellable();
    const pending = channel.callTool({ name: 'slow' }, { timeoutMs: 1000, cancellation });
    cancellation.cancel(new Error('user pressed stop'));
    const outcome = await pending;
    expect(errorOf(outcome)).toEqual({
      code: 'BACKEND_UNAVAILABLE',
      message: 'Backend "fx" could not take the call: user pressed stop',
    });
    await Promise.resolve();
    expect(written.at(-1)).toMatchObject({
      method: 'notifications/cancelled',
      params: { requestId: 1 },
    });
  });

  it('listens for the cancellation only while the call runs, and ignores one after the answer', async () => {
    const { channel, written, answer } = await open({ text: true });
    const cancellation = cancellable();
    const pending = channel.callTool({ name: 'echo' }, { timeoutMs: 1000, cancellation });
    expect(cancellation.listeners).toHaveLength(1);
    answer({ jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: 'hi' }] } });
    expect(cancellation.listeners).toEqual([]);
    cancellation.cancel(new Error('too late'));
    expect((await pending).kind).toBe('ok');
    await Promise.resolve();
    expect(written).toHaveLength(1);
  });

  it('does not send a call the agent cancelled already', async () => {
    const { channel, written } = await open({ text: true });
    const cancellation = cancellable();
    cancellation.cancel(undefined);
    const outcome = await channel.callTool({ name: 'echo' }, { timeoutMs: 1000, cancellation });
    expect(outcome.kind === 'failed' ? outcome.error.code : outcome.kind).toBe(
      'BACKEND_UNAVAILABLE',
    );
    expect(written).toEqual([]);
  });

  it.each([true, false])(
    'answers a call that cannot be written with a failure, not a rejection (text writer: %s)',
    async (text) => {
      const { channel } = await open({ text, failWrites: true });
      const outcome = await channel.callTool({ name: 'echo' }, { timeoutMs: 1000 });
      expect(outcome.kind === 'failed' ? outcome.error.code : outcome.kind).toBe(
        'BACKEND_UNAVAILABLE',
      );
    },
  );

  it('fails the calls in flight when the connection closes, and later calls at once', async () => {
    const { channel, transport } = await open({ text: true });
    const pending = channel.callTool({ name: 'echo' }, { timeoutMs: 1000 });
    transport.onclose?.();
    expect(errorOf(await pending)).toMatchObject({ code: 'BACKEND_EXITED' });
    const later = await channel.callTool({ name: 'echo' }, { timeoutMs: 1000 });
    expect(errorOf(later)).toMatchObject({ code: 'BACKEND_EXITED' });
  });

  it('times a call out, cancelling it at the backend', async () => {
    const { channel, written } = await open({ text: true });
    const outcome = await channel.callTool({ name: 'slow' }, { timeoutMs: 20 });
    expect(errorOf(outcome)).toMatchObject({ code: 'CALL_TIMEOUT' });
    await Promise.resolve();
    expect(written.at(-1)).toMatchObject({
      method: 'notifications/cancelled',
      params: { requestId: 1, reason: 'Request timed out' },
    });
  });
});
