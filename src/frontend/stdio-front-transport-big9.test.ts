import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isJsonBytesWriter, StdioFrontTransport } from './stdio-front-transport.js';

/** A stdout that records the bytes of each write it is asked to make. */
const recordingStdout = () => {
  const writes: Buffer[][] = [];
  const toBuffer = (chunk: unknown): Buffer =>
    Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), 'utf8');
  const stdout = new Writable({
    writev(chunks, done) {
      writes.push(chunks.map(({ chunk }) => toBuffer(chunk)));
      done();
    },
    write(chunk, _encoding, done) {
      writes.push([toBuffer(chunk)]);
      done();
    },
  });
  return { stdout, writes };
};

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('StdioFrontTransport.writeJsonBytes', () => {
  it('writes text and byte parts as one line, in one write with the rest of the tick', async () => {
    const { stdout, writes } = recordingStdout();
    const transport = new StdioFrontTransport(new PassThrough(), stdout);
    await transport.start();
    expect(isJsonBytesWriter(transport)).toBe(true);
    const chunks = [Buffer.from('{"text":"caf'), Buffer.from('é 😀"}')];
    transport.writeJsonText(['{"id":1,"result":{}}']);
    transport.writeJsonBytes(['{"id":2,"result":', ...chunks, new Uint8Array(0), '}']);
    await tick();
    expect(writes).toHaveLength(1);
    const lines = Buffer.concat(writes[0] ?? []).toString('utf8');
    expect(lines.split('\n').map((line) => (line === '' ? line : JSON.parse(line)))).toEqual([
      { id: 1, result: {} },
      { id: 2, result: { text: 'café 😀' } },
      '',
    ]);
    await transport.close();
  });

  it('writes nothing once closed', async () => {
    const { stdout, writes } = recordingStdout();
    const transport = new StdioFrontTransport(new PassThrough(), stdout);
    await transport.start();
    await transport.close();
    expect(transport.writeJsonBytes(['{}', Buffer.from('x')])).toBe(true);
    await tick();
    expect(writes).toEqual([]);
  });
});
