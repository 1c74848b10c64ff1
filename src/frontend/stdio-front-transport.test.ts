import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StdioFrontTransport } from './stdio-front-transport.js';

/** A stdout that records each write it is asked to make: one entry per write(v) syscall. */
const recordingStdout = () => {
  const writes: string[][] = [];
  const stdout = new Writable({
    writev(chunks, done) {
      writes.push(chunks.map(({ chunk }) => String(chunk)));
      done();
    },
    write(chunk, _encoding, done) {
      writes.push([String(chunk)]);
      done();
    },
  });
  return { stdout, writes };
};

const tick = () => new Promise((resolve) => setImmediate(resolve));

const started = async () => {
  const stdin = new PassThrough();
  const { stdout, writes } = recordingStdout();
  const transport = new StdioFrontTransport(stdin, stdout);
  const received: unknown[] = [];
  const errors: Error[] = [];
  transport.onmessage = (message) => received.push(message);
  transport.onerror = (error) => errors.push(error);
  await transport.start();
  return { stdin, transport, writes, received, errors };
};

describe('StdioFrontTransport', () => {
  it('writes every message of one tick in one write, each on its own line', async () => {
    const { transport, writes } = await started();
    void transport.send({ jsonrpc: '2.0', id: 1, result: {} });
    transport.writeJsonText(['{"jsonrpc":"2.0","id":2,', '"result":{}}']);
    void transport.send({ jsonrpc: '2.0', method: 'notifications/progress' });
    expect(writes).toEqual([]);
    await tick();
    expect(writes).toHaveLength(1);
    expect(writes[0]?.join('')).toBe(
      '{"jsonrpc":"2.0","id":1,"result":{}}\n{"jsonrpc":"2.0","id":2,"result":{}}\n' +
        '{"jsonrpc":"2.0","method":"notifications/progress"}\n',
    );
    transport.writeJsonText(['{"jsonrpc":"2.0","id":3,"result":{}}']);
    await tick();
    expect(writes).toHaveLength(2);
  });

  it('joins a small message given in parts, and writes a large one part by part', async () => {
    const { transport, writes } = await started();
    transport.writeJsonText(['{"a":', '1}']);
    await tick();
    expect(writes[0]).toEqual(['{"a":1}\n']);
    const body = `"${'z'.repeat(100_000)}"`;
    transport.writeJsonText(['{"jsonrpc":"2.0","id":1,"result":{"text":', body, '}}']);
    await tick();
    expect(writes[1]).toEqual(['{"jsonrpc":"2.0","id":1,"result":{"text":', body, '}}', '\n']);
  });

  it('delivers messages parsed, whatever the chunking, and answers a line that is not JSON', async () => {
    const { stdin, writes, received, errors } = await started();
    stdin.write('{"jsonrpc":"2.0","id":1,"method":"ping"}\n{"jsonrpc":"2.0",');
    stdin.write('"id":2,"method":"ping"}\nnot json\n');
    await tick();
    expect(received).toEqual([
      { jsonrpc: '2.0', id: 1, method: 'ping' },
      { jsonrpc: '2.0', id: 2, method: 'ping' },
    ]);
    expect(errors).toHaveLength(1);
    // As before: a Parse error, with no id (there is none to read).
    const answer = JSON.parse(writes.flat().join('')) as { error: { code: number } };
    expect(answer).not.toHaveProperty('id');
    expect(answer.error.code).toBe(-32700);
  });

  it('writes nothing once closed', async () => {
    const { transport, writes } = await started();
    await transport.close();
    expect(transport.writeJsonText(['{}'])).toBe(true);
    await transport.send({ jsonrpc: '2.0', id: 1, result: {} });
    await tick();
    expect(writes).toEqual([]);
  });
});
