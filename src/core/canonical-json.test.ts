import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson, canonicalJsonWith, isCanonicalOrder } from './canonical-json.js';
import { reference } from '../../test/helpers/jcs-reference.js';

// Keys that exercise the orderings that differ: integer-like keys (which Object.keys lists
// first), surrogate pairs, and the chain's own field names.
const key = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.constantFrom('0', '9', '10', 'hash', 'prev', 'seq', 'ts', 'v', '\u{1F600}', '\uFB01'),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 6 }),
  ),
})).value;

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

  test('never hands JSON.stringify what it would write differently from JCS', () => {
    // A Date's toJSON, a toJSON member that is not a function, holes, an array subclass.
    class Tagged extends Array<number> {
      toJSON(): string {
        return 'tagged';
      }
    }
    const holes: unknown[] = [1];
    holes[2] = 3;
    expect(canonicalJson({ a: new Date(0), b: 1 })).toBe('{"a":{},"b":1}');
    expect(canonicalJson({ toJSON: 'x', a: 1 })).toBe('{"a":1,"toJSON":"x"}');
    expect(canonicalJson({ a: holes })).toBe('{"a":[1,null,3]}');
    expect(canonicalJson([Tagged.from([2, 1])])).toBe('[[2,1]]');
    expect(canonicalJson(Object.assign(Object.create(null) as object, { b: 1, a: [] }))).toBe(
      '{"a":[],"b":1}',
    );
    expect(() => canonicalJson({ a: 1, b: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson({ a: [1, Infinity] })).toThrow(TypeError);
  });

  test('agrees with the plain definition on values built in key order (the fast path)', () => {
    const sortedDeep = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(sortedDeep);
      if (typeof value !== 'object' || value === null) return value;
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(record).sort()) out[k] = sortedDeep(record[k]);
      return out;
    };
    fc.assert(
      fc.property(json, (value) => {
        const sorted = sortedDeep(value);
        expect(canonicalJson(sorted)).toBe(reference(value));
      }),
    );
  });

  test('sorts small and large objects alike (insertion sort up to 16 keys, sort() above)', () => {
    const key = fc.oneof(
      fc.string({ maxLength: 3 }),
      fc.constantFrom('\u{1F600}', '\uFB01', 'a', 'A', '_', '10', '9'),
    );
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 40 }), (keys) => {
        const value = Object.fromEntries(keys.map((k, i) => [k, i]));
        expect(canonicalJson(value)).toBe(reference(value));
        expect(canonicalJson({ items: [value] })).toBe(reference({ items: [value] }));
      }),
    );
  });

  test('agrees with the plain definition on any JSON value, built in any key order', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
    );
  });
});

describe('canonicalJsonWith', () => {
  test('is canonicalJson of the merged object, overrides winning and undefined removing', () => {
    const overrideKeys = ['hash', 'prev', 'seq', 'ts', 'v'];
    const overrides = fc.record(
      Object.fromEntries(
        overrideKeys.map((name) => [name, fc.oneof(fc.constant(undefined), fc.string())]),
      ),
    );
    fc.assert(
      fc.property(fc.dictionary(key, json, { maxKeys: 8 }), overrides, (fields, over) => {
        expect(canonicalJsonWith(fields, over, overrideKeys)).toBe(
          reference({ ...fields, ...over }),
        );
      }),
    );
  });

  test('keeps members an object cannot hold in order: __proto__, integer-like keys, toString', () => {
    const parsed = JSON.parse('{"__proto__":{"x":1},"b":2,"10":3,"9":4,"toString":5}') as Record<
      string,
      unknown
    >;
    const over = { hash: undefined, seq: 1 };
    expect(canonicalJsonWith(parsed, over, ['hash', 'seq'])).toBe(
      '{"10":3,"9":4,"__proto__":{"x":1},"b":2,"seq":1,"toString":5}',
    );
    expect(canonicalJsonWith({ toString: 1, a: { d: 1, c: 2 } }, {}, [])).toBe(
      '{"a":{"c":2,"d":1},"toString":1}',
    );
  });
});

describe('isCanonicalOrder', () => {
  test('is true exactly for keys already in sorted order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 6 }), (keys) => {
        expect(isCanonicalOrder(keys)).toBe(keys.join('\0') === [...keys].sort().join('\0'));
      }),
    );
  });
});
