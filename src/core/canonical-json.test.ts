import { describe, expect, test } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  test.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: [3, { d: true, c: null }] }, '{"a":[3,{"c":null,"d":true}]}'],
    [1e21, '1e+21'],
    [0.000001, '0.000001'],
    [-0, '0'],
    ['\u2028\n"', '"\u2028\\n\\""'],
    [{ a: undefined, b: 1 }, '{"b":1}'],
  ])('encodes %j as %s', (input, expected) => {
    expect(canonicalJson(input)).toBe(expected);
  });

  test('sorts keys by UTF-16 code units, not by code point', () => {
    // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FB01 in UTF-16 order.
    const value = { '\uFB01': 1, '\u{1F600}': 2, a: 3 };
    expect(canonicalJson(value)).toBe('{"a":3,"\u{1F600}":2,"\uFB01":1}');
  });

  test('escapes lone surrogates instead of throwing', () => {
    expect(canonicalJson('x\uD800y')).toBe('"x\\ud800y"');
  });

  test('rejects numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});
