import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TickBatch } from './tick-batch.js';

/** A stream that records each write it makes (one entry per write or writev). */
const recording = (highWaterMark = 16 * 1024) => {
  const writes: string[][] = [];
  const stream = new Writable({
    highWaterMark,
    writev(chunks, done) {
      writes.push(chunks.map(({ chunk }) => String(chunk)));
      done();
    },
    write(chunk, _encoding, done) {
      writes.push([String(chunk)]);
      setImmediate(done);
    },
  });
  return { stream, writes };
};

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('TickBatch', () => {
  it('hands the lines of one tick to the stream as one write, when the tick ends', async () => {
    const { stream, writes } = recording();
    const batch = new TickBatch(() => stream);
    batch.line(['{"a":', '1}']);
    batch.text('{"b":2}\n');
    batch.line(['{"c":3}']);
    expect(writes).toEqual([]);
    await tick();
    expect(writes).toEqual([['{"a":1}\n{"b":2}\n{"c":3}\n']]);
    batch.line(['{"d":4}']);
    await tick();
    expect(writes).toHaveLength(2);
  });

  it('keeps the order around a message written part by part', async () => {
    const { stream, writes } = recording();
    const batch = new TickBatch(() => stream);
    batch.line(['{"a":1}']);
    batch.bytes(['{"big":', new TextEncoder().encode('"xyz"'), '}']);
    batch.line(['{"c":3}']);
    await tick();
    expect(writes.flat().join('')).toBe('{"a":1}\n{"big":"xyz"}\n{"c":3}\n');
  });

  it('says when the stream wants to be waited for', async () => {
    const { stream } = recording(8);
    const batch = new TickBatch(() => stream);
    expect(batch.line(['{"a":"0123456789"}'])).toBe(true);
    await new Promise((resolve) => {
      process.nextTick(resolve);
    });
    // The tick's write went over the stream's mark: the next writer hears of it.
    expect(batch.line(['{}'])).toBe(false);
    await new Promise((resolve) => stream.once('drain', resolve));
    expect(batch.line(['{}'])).toBe(true);
  });
});
