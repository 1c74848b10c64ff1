import { describe, expect, it } from 'vitest';
import { FramingError, JsonLineReader } from './json-lines.js';

const readerFor = (maxMessageBytes = 1024) => {
  const messages: unknown[] = [];
  const errors: Error[] = [];
  const reader = new JsonLineReader({
    maxMessageBytes,
    onMessage: (message) => messages.push(message),
    onError: (error) => errors.push(error),
  });
  return { reader, messages, errors };
};

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('JsonLineReader', () => {
  it('delivers every message of a chunk that holds many, in order, before append returns', () => {
    const { reader, messages } = readerFor();
    reader.append(bytes('{"id":1}\n{"id":2}\n{"id":3}\n'));
    expect(messages).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it('keeps a partial line until its newline arrives, across any number of chunks', () => {
    const { reader, messages } = readerFor();
    reader.append(bytes('{"id":1}\n{"na'));
    expect(messages).toEqual([{ id: 1 }]);
    reader.append(bytes('me":"a'));
    reader.append(bytes('b"'));
    expect(messages).toHaveLength(1);
    reader.append(bytes('}\n{"id":3'));
    expect(messages).toEqual([{ id: 1 }, { name: 'ab' }]);
    reader.append(bytes('}\n'));
    expect(messages).toEqual([{ id: 1 }, { name: 'ab' }, { id: 3 }]);
  });

  it('joins a multi-byte character split between chunks', () => {
    const { reader, messages } = readerFor();
    const line = bytes('{"text":"caf\u00e9 \u{1f600}"}\n');
    // Cut inside the emoji's four bytes.
    reader.append(line.subarray(0, line.length - 5));
    reader.append(line.subarray(line.length - 5));
    expect(messages).toEqual([{ text: 'caf\u00e9 \u{1f600}' }]);
  });

  it('drops a trailing carriage return and skips empty lines', () => {
    const { reader, messages, errors } = readerFor();
    reader.append(bytes('{"id":1}\r\n\n\r\n{"id":2}\n'));
    expect(messages).toEqual([{ id: 1 }, { id: 2 }]);
    expect(errors).toEqual([]);
  });

  it('reports a line that is not JSON and goes on with the next', () => {
    const { reader, messages, errors } = readerFor();
    reader.append(bytes('{"id":1}\nnot json\n{"id":2}\n'));
    expect(messages).toEqual([{ id: 1 }, { id: 2 }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(FramingError);
    expect((errors[0] as FramingError).kind).toBe('not-json');
  });

  it('delivers a large message that arrives in many chunks whole', () => {
    const { reader, messages } = readerFor(4 * 1024 * 1024);
    const text = 'x'.repeat(1024 * 1024);
    const line = bytes(`${JSON.stringify({ text })}\n`);
    for (let at = 0; at < line.length; at += 65536) reader.append(line.subarray(at, at + 65536));
    expect(messages).toEqual([{ text }]);
  });

  it('drops a message over the cap whole (in one chunk or many) and reads the next one', () => {
    const { reader, messages, errors } = readerFor(64);
    const big = `{"text":"${'y'.repeat(200)}"}`;
    reader.append(bytes(`${big}\n{"id":1}\n`));
    for (let at = 0; at < big.length; at += 30) reader.append(bytes(big.slice(at, at + 30)));
    reader.append(bytes('\n{"id":2}\n'));
    expect(messages).toEqual([{ id: 1 }, { id: 2 }]);
    expect(errors.map((error) => (error instanceof FramingError ? error.kind : error))).toEqual([
      'too-large',
      'too-large',
    ]);
  });

  it('forgets a partial line on clear', () => {
    const { reader, messages } = readerFor();
    reader.append(bytes('{"id":'));
    reader.clear();
    reader.append(bytes('{"id":2}\n'));
    expect(messages).toEqual([{ id: 2 }]);
  });
});
