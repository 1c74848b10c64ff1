import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { PendingBytes, sha256HexOfBytes } from './pending-bytes.js';

const expected = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('sha256HexOfBytes (feat14)', () => {
  test('hashes exactly the span, in a Buffer that starts inside a larger allocation', () => {
    // A Buffer carved from a larger ArrayBuffer at an offset, as Node's pool hands out small ones.
    const backing = new ArrayBuffer(256);
    new Uint8Array(backing).fill(0x78);
    const buffer = Buffer.from(backing, 40, 100);
    buffer.write('{"call":{"id":"a-1"},"type":"result"}', 10, 'latin1');
    expect(buffer.byteOffset).toBe(40);
    for (const [start, end] of [
      [10, 48],
      [0, 100],
      [99, 100],
      [50, 50],
    ] as const) {
      expect(sha256HexOfBytes(buffer, start, end)).toBe(
        expected(Buffer.from(buffer.subarray(start, end))),
      );
    }
  });

  test('the queue’s own buffer: what a record hashes is its bytes, not its neighbours’', () => {
    const pending = new PendingBytes();
    pending.writeText('first line\n');
    const start = pending.length;
    pending.writeText('second, the one hashed\n');
    const end = pending.length;
    pending.writeText('third\n');
    expect(sha256HexOfBytes(pending.bytes, start, end)).toBe(
      expected(Buffer.from('second, the one hashed\n', 'utf8')),
    );
  });
});
