import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { isLargeJsonValue, JSON_CHUNK_BYTES, writeCanonicalJson } from './canonical-json-bytes.js';

/** The chunks writeCanonicalJson gives for `value`, and the count it returns. */
const chunksOf = (value: unknown): { chunks: Uint8Array[]; total: number } => {
  const chunks: Uint8Array[] = [];
  const total = writeCanonicalJson(value, (chunk) => chunks.push(chunk));
  return { chunks, total };
};

/** What `encode` does with `value`: its UTF-8 bytes as hex, or the class of what it throws. */
const outcomeOf = (encode: (value: unknown) => Uint8Array, value: unknown): string => {
  try {
    return Buffer.from(encode(value)).toString('hex');
  } catch (error) {
    return `throws ${(error as Error).constructor.name}`;
  }
};
const viaChunks = (value: unknown): Uint8Array => Buffer.concat(chunksOf(value).chunks);
const viaText = (value: unknown): Uint8Array => Buffer.from(canonicalJson(value), 'utf8');

// Long strings of every width (ASCII, 2- and 3-byte characters, surrogate pairs, lone
// surrogates, characters JSON escapes), so slices and chunks end on every kind of character.
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('a', 'é', '€', '😀', '\ud800', '\udc00', '"', '\\', '\n', '\u0001', '\u2028'),
);
const longString = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 40_000 }))
  .map(([pieces, times]) => pieces.join('').repeat(times).slice(0, 150_000));
const key = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.constantFrom('0', '9', '10', '__proto__', 'text', 'type', '_meta', '\u{1F600}', '\uFB01'),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary' }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof(tie('value'), fc.constant(undefined)), { maxLength: 4 }),
    fc.dictionary(key, fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 6 }),
  ),
})).value;

describe('writeCanonicalJson', () => {
  test('writes the UTF-8 bytes of canonicalJson, for any JSON value in any key order', () => {
    fc.assert(
      fc.property(json, (value) => {
        const { chunks, total } = chunksOf(value);
        const expected = viaText(value);
        expect(Buffer.concat(chunks).equals(expected)).toBe(true);
        expect(total).toBe(expected.length);
      }),
      { numRuns: 2000 },
    );
  });

  test('cuts long strings of any characters into chunks without changing a byte', () => {
    fc.assert(
      fc.property(longString, json, (text, other) => {
        const value = { content: [{ type: 'text', text }, other], z: text.slice(0, 70_000) };
        const { chunks, total } = chunksOf(value);
        const expected = viaText(value);
        expect(Buffer.concat(chunks).equals(expected)).toBe(true);
        expect(total).toBe(expected.length);
        for (const chunk of chunks) {
          expect(chunk.length).toBeGreaterThan(0);
          expect(chunk.length).toBeLessThanOrEqual(JSON_CHUNK_BYTES);
        }
        // All chunks but the last are full but for a character that did not fit (≤ 3 bytes).
        for (const chunk of chunks.slice(0, -1))
          expect(chunk.length).toBeGreaterThan(JSON_CHUNK_BYTES - 4);
      }),
      { numRuns: 150 },
    );
  });

  test('a surrogate pair across a slice boundary stays a pair, a lone one is escaped', () => {
    // 16,383 ASCII characters, then a pair whose halves fall on either side of 16,384.
    const text = `${'a'.repeat(16_383)}😀${'b'.repeat(20_000)}\ud800`;
    expect(Buffer.concat(chunksOf(text).chunks).toString('utf8')).toBe(canonicalJson(text));
    expect(canonicalJson(text)).toContain('😀');
    expect(canonicalJson(text).endsWith('\\ud800"')).toBe(true);
  });

  test('agrees with canonicalJson on what JSON.stringify would write differently, and on errors', () => {
    class Tagged extends Array<number> {
      toJSON(): string {
        return 'tagged';
      }
    }
    const holes: unknown[] = [1];
    holes[2] = 3;
    const cases: unknown[] = [
      { a: new Date(0), b: 1 },
      { toJSON: 'x', a: 1 },
      { b: 1, a: holes },
      [Tagged.from([2, 1])],
      Object.assign(Object.create(null) as object, { b: 1, a: [] }),
      JSON.parse('{"b":1,"__proto__":{"y":2,"x":1},"a":2}'),
      { a: { d: 1, c: 2 }, 10: 1, 9: 2 },
      [undefined, { b: 1, a: undefined }],
      -0,
      1e21,
      { a: 1, b: () => 1 },
      { a: [1, Infinity] },
      { b: [Number.NaN] },
      { a: 1n },
      [Symbol('s')],
      undefined,
    ];
    for (const value of cases) expect(outcomeOf(viaChunks, value)).toBe(outcomeOf(viaText, value));
  });
});

describe('isLargeJsonValue', () => {
  test('is true from the given number of characters in strings and keys, nodes counting too', () => {
    const result = (text: string) => ({ content: [{ type: 'text', text }] });
    expect(isLargeJsonValue(result('hello'), 65_536)).toBe(false);
    expect(isLargeJsonValue(result('x'.repeat(65_536)), 65_536)).toBe(true);
    expect(isLargeJsonValue(result('x'.repeat(60_000)), 65_536)).toBe(false);
    expect(isLargeJsonValue({ ['k'.repeat(70_000)]: 1 }, 65_536)).toBe(true);
    // Many small nodes: 5,000 numbers are large, 50 are not.
    expect(
      isLargeJsonValue(
        Array.from({ length: 5000 }, (_, i) => i),
        65_536,
      ),
    ).toBe(true);
    expect(
      isLargeJsonValue(
        Array.from({ length: 50 }, (_, i) => i),
        65_536,
      ),
    ).toBe(false);
    expect(isLargeJsonValue('x'.repeat(100), 65_536)).toBe(false);
  });
});
