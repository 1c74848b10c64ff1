import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { toLine } from '../../../src/wire/json-lines.js';

/**
 * A Transport the test drives by hand: `deliver` hands the owner a message as a real transport
 * would (parsed, not validated), and everything the owner sends is kept in `sent`. Sending
 * serialises, as the real transports do, so a message that cannot be written fails here too.
 */
export class FakeTransport implements Transport {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: ((message: JSONRPCMessage) => void) | undefined;
  readonly sent: JSONRPCMessage[] = [];
  readonly errors: Error[] = [];
  started = false;

  start(): Promise<void> {
    this.started = true;
    return Promise.resolve();
  }

  send(message: JSONRPCMessage): Promise<void> {
    // As StdioFrontTransport and ChildTransport do: serialise first (it may throw).
    JSON.parse(toLine(message));
    this.sent.push(message);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.onclose?.();
    return Promise.resolve();
  }

  /** What the peer wrote, after framing: any JSON value. */
  deliver(value: unknown): void {
    this.onmessage?.(value as JSONRPCMessage);
  }

  /** Takes every message sent so far. */
  drain(): JSONRPCMessage[] {
    return this.sent.splice(0);
  }
}

/** Lets every promise chain and timer of zero delay settle. */
export const settle = async (turns = 5): Promise<void> => {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
};
