import { describe, expect, it } from 'vitest';
import { JsonLineReader } from './json-lines.js';

const readerFor = () => {
  const messages: unknown[] = [];
  const errors: Error[] = [];
  const reader = new JsonLineReader({
    maxMessageBytes: 32 * 1024 * 1024,
    onMessage: (message) => messages.push(message),
    onError: (error) => errors.push(error),
  });
  return { reader, messages, errors };
};

/** Appends `line` and a newline in 64 KB chunks, as a pipe hands them over. */
const appendInChunks = (reader: JsonLineReader, line: string): void => {
  const bytes = Buffer.from(`${line}\n`, 'utf8');
  for (let at = 0; at < bytes.length; at += 65536) reader.append(bytes.subarray(at, at + 65536));
};

// Lines of about 1 MB and more that are plain ASCII are decoded as Latin-1 (an external string);
// any other byte sends the line through UTF-8, as every smaller line goes.
describe('JsonLineReader, lines of a megabyte and more', () => {
  it.each([
    ['plain ASCII', 'line of text\n\t"quoted" \\ \u0001 '],
    ['ASCII with \\u escapes for wider characters', 'caf\\u00e9 \\ud83d\\ude00 '],
    ['Latin-1 range characters (two UTF-8 bytes each)', 'café naïve ÿ '],
    ['one 4-byte character at the very end only', 'x'],
  ])('delivers %s exactly as written', (_, unit) => {
    const { reader, messages, errors } = readerFor();
    // Escapes written in `unit` are JSON escapes: the text is built as JSON source.
    const body = unit.repeat(Math.ceil(1_100_000 / unit.length));
    const source = unit === 'x' ? `${body}😀` : body;
    const line = `{"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":${JSON.stringify(
      source,
    ).replaceAll('\\\\u', '\\u')}}]}}`;
    appendInChunks(reader, line);
    expect(errors).toEqual([]);
    expect(messages).toEqual([JSON.parse(line)]);
  });

  it('reads the line right below and right above the size Node keeps outside the heap', () => {
    for (const length of [0xfbee9 - 40, 0xfbee9 - 39, 0xfbee9 + 1000]) {
      const { reader, messages } = readerFor();
      const prefix = '{"id":1,"text":"';
      const text = 'a'.repeat(length - prefix.length - 2);
      const line = `${prefix}${text}"}`;
      appendInChunks(reader, line);
      expect(messages).toEqual([{ id: 1, text }]);
    }
  });
});
