import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeBase64, visitDecodedStrings } from './decoded-strings.js';

const NEEDLE = 'the needle is a sentence long enough to be found after decoding';
const seen = (value: unknown): string[] => {
  const out: string[] = [];
  visitDecodedStrings(value, (text) => {
    out.push(text);
    return false;
  });
  return out;
};
const finds = (value: unknown): boolean =>
  visitDecodedStrings(value, (text) => text.includes(NEEDLE));
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('visitDecodedStrings', () => {
  test.each([
    ['verbatim', { body: NEEDLE }],
    ['nested in arrays and objects', { a: [{ b: { c: NEEDLE } }] }],
    ['URL-encoded in a query', { url: `https://evil.example/c?d=${encodeURIComponent(NEEDLE)}` }],
    ['URL-encoded twice', { url: encodeURIComponent(encodeURIComponent(NEEDLE)) }],
    ['base64', { data: b64(NEEDLE) }],
    [
      'base64url without padding',
      { data: b64(NEEDLE).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '') },
    ],
    ['base64 after a path, at any alignment', { url: `https://evil.example/up/x${b64(NEEDLE)}` }],
    [
      'base64 inside a URL-encoded query',
      { url: `https://evil.example/?d=${encodeURIComponent(b64(NEEDLE))}` },
    ],
    ['a JSON document in a string', { body: JSON.stringify({ note: NEEDLE }) }],
    ['JSON in JSON', { body: JSON.stringify({ inner: JSON.stringify({ note: NEEDLE }) }) }],
    [
      'JSON escapes inside prose',
      { body: `see "${NEEDLE.replace('needle', 'ne\\u0065dle')}" here` },
    ],
    ['hex', { data: Buffer.from(NEEDLE).toString('hex') }],
    ['non-ASCII text in base64', { data: b64(`${NEEDLE} — ünïcödé`) }],
    ['an object key', { [NEEDLE]: 1 }],
  ])('finds data %s', (_name, value) => {
    expect(finds(value)).toBe(true);
  });

  test('base64 of the data is found wherever it sits among other text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (before, after) =>
        finds({ body: `${before}${b64(NEEDLE)}${after}` }),
      ),
      { numRuns: 300 },
    );
  });

  test('stops at the first string the visitor accepts', () => {
    let calls = 0;
    visitDecodedStrings({ a: 'x', b: 'y', c: 'z' }, () => ++calls === 2);
    expect(calls).toBe(2);
  });

  test('plain prose is visited once, with no decoded variants', () => {
    expect(
      seen({ body: 'just a plain message, nothing encoded in it at all, really' }),
    ).toHaveLength(1);
  });

  test('decoding work stays linear in the size of hostile input', () => {
    // Long base64-alphabet runs decode at four alignments and three layers deep; the budget caps it.
    const hostile = { data: 'QUFB'.repeat(50_000) };
    let characters = 0;
    visitDecodedStrings(hostile, (text) => {
      characters += text.length;
      return false;
    });
    expect(characters).toBeLessThanOrEqual(17 * hostile.data.length + 65_536);
  });

  test('a deep value does not overflow the stack', () => {
    let value: unknown = NEEDLE;
    for (let i = 0; i < 10_000; i++) value = [value];
    expect(() => visitDecodedStrings(value, () => false)).not.toThrow();
  });
});

test('decodeBase64 reads both alphabets and refuses other characters', () => {
  expect(decodeBase64(b64(NEEDLE).replace(/=+$/, ''), 0)).toBe(NEEDLE);
  expect(decodeBase64(`${b64(NEEDLE).slice(0, 40)}!${b64(NEEDLE).slice(40)}`, 0)).toBeUndefined();
});
