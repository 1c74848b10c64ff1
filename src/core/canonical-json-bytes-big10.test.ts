import { describe, expect, test } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { JSON_CHUNK_BYTES, writeCanonicalJson } from './canonical-json-bytes.js';

// Long strings are escaped byte by byte into the chunks, four bytes at a time while none is to
// be escaped (JSON.stringify's escaping after a slice dense with escapes or of other scripts):
// every kind of character at every offset in a four-byte word, astride the end of a chunk, and
// text that goes from one way to the other must give canonicalJson's bytes, in chunks that each
// hold whole characters.

const chunksOf = (value: unknown): Uint8Array[] => {
  const chunks: Uint8Array[] = [];
  writeCanonicalJson(value, (chunk) => chunks.push(chunk));
  return chunks;
};

const strict = new TextDecoder('utf-8', { fatal: true });

const expectSameBytes = (value: unknown): void => {
  const chunks = chunksOf(value);
  expect(Buffer.concat(chunks).toString('utf8')).toBe(canonicalJson(value));
  for (const chunk of chunks) expect(() => strict.decode(chunk)).not.toThrow();
  for (const chunk of chunks.slice(0, -1))
    expect(chunk.length).toBeGreaterThan(JSON_CHUNK_BYTES - 4);
};

// What JSON escapes (short forms and \u00XX), what it does not (DEL, U+2028), and 2-, 3- and
// 4-byte characters.
const SPECIALS = ['\n', '"', '\\', '\u0001', '\u001f', '\b', '\x7f', 'é', '€', '\u2028', '😀'];

describe('writeCanonicalJson on long strings', () => {
  test.each(SPECIALS)('%j at every offset of a word, repeated past several chunks', (special) => {
    for (let offset = 0; offset < 8; offset++) {
      // One in about a hundred characters: not dense, every slice is copied byte by byte.
      const sparse = `${'a'.repeat(offset)}${`${special}${'bcdefghij'.repeat(11)}`.repeat(1500)}`;
      // One in seven: dense, the slices after the first go through JSON.stringify.
      const dense = `${'a'.repeat(offset)}${`${special}bcdefg`.repeat(20_000)}`;
      expectSameBytes({ content: [{ type: 'text', text: sparse }] });
      expectSameBytes({ content: [{ type: 'text', text: dense }] });
    }
  });

  test('text that goes from dense with escapes to plain and back, and from Latin to CJK', () => {
    const json = JSON.stringify({
      items: Array.from({ length: 400 }, (_, i) => ({ id: i, n: `"${i}"` })),
    });
    // One escape (the line break) in some seventy characters: not dense.
    const log = 'GET /api/items?page=2 200 12ms user=alice agent=curl/8.5 took=12ms\n'.repeat(700);
    const cjk = '第一章：委员会再次开会。\n'.repeat(1500);
    expectSameBytes({ text: [json, log, cjk, log, json, cjk, log].join('') });
  });

  test.each(SPECIALS)('%j astride the end of the first chunk', (special) => {
    // `{"content":[{"text":"` is 21 bytes: the special starts 1 to 6 bytes before 65,536.
    for (let before = 1; before <= 6; before++) {
      const text = `${'x'.repeat(JSON_CHUNK_BYTES - 21 - before)}${special}${'y'.repeat(70_000)}`;
      expectSameBytes({ content: [{ text }] });
    }
  });

  test('a lone surrogate in a slice of otherwise plain text is escaped as JSON.stringify does', () => {
    const text = `${'plain line\n'.repeat(3000)}\udc00${'more text\n'.repeat(3000)}\ud83d`;
    expectSameBytes({ text });
    expect(Buffer.concat(chunksOf(text)).toString('utf8').endsWith('\\ud83d"')).toBe(true);
  });
});
