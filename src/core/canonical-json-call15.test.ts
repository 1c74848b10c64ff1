import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { numberBytesText } from './audit/record-bytes.js';
import { canonicalJson } from './canonical-json.js';
import { reference } from '../../test/helpers/jcs-reference.js';

// Texts with what JSON escapes: quotes, backslashes, controls, lone surrogates.
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '"', '\\', '\n', '\uD800', '\uDC00x', 'a\u2028b'),
);

describe('an MCP text item is written in JCS order straight away (call15)', () => {
  test('{type, text} and the results holding it are the reference text', () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), (type, body, isError) => {
        const item = { type, text: body };
        expect(canonicalJson(item)).toBe(reference(item));
        const result = { content: [item, { type: 'text', text: body }] };
        expect(canonicalJson(result)).toBe(reference(result));
        const withFlag = { content: [item], isError };
        expect(canonicalJson(withFlag)).toBe(reference(withFlag));
        const later = { a: 1, b: [item], c: { z: 1, a: 2 }, d: 'x' };
        expect(canonicalJson(later)).toBe(reference(later));
      }),
    );
  });

  test('objects near that shape take the general path, with the same text', () => {
    const near: Record<string, unknown>[] = [
      { type: 'text', text: 1 },
      { type: 2, text: 'x' },
      { type: 'text', text: 'x', annotations: { b: 1, a: 2 } },
      { type: 'text', text: undefined },
      { text: 'x', type: 'text' },
      { type: 'text' },
      { type: 'image', data: 'AA==', mimeType: 'image/png' },
      Object.assign(Object.create(null) as object, { type: 'text', text: 'x' }),
    ];
    for (const value of near) {
      expect(canonicalJson(value)).toBe(reference(value));
      expect(canonicalJson({ content: [value] })).toBe(reference({ content: [value] }));
    }
  });
});

describe('writeNumber writes a record number as ECMAScript does (call15)', () => {
  test('thousandths (a record ms) are written digit by digit, as JSON.stringify writes them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e12 }), (k) => {
        const value = k / 1000;
        expect(numberBytesText(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 2000 },
    );
    for (const value of [0, -0, 0.001, 0.01, 0.1, 0.5, 1.25, 10.1, 999999999.999, 1e9, 1e9 + 0.5])
      expect(numberBytesText(value)).toBe(JSON.stringify(value));
  });

  test('any other finite number too', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(numberBytesText(value)).toBe(JSON.stringify(value));
        const rounded = Math.round(value * 1000) / 1000;
        if (Number.isFinite(rounded))
          expect(numberBytesText(rounded)).toBe(JSON.stringify(rounded));
      }),
      { numRuns: 2000 },
    );
    for (const value of [1e-7, 0.0001, 0.0005, 1e21, 1.7976931348623157e308, -1.5, 0.1 + 0.2])
      expect(numberBytesText(value)).toBe(JSON.stringify(value));
    expect(numberBytesText(Number.NaN)).toBeUndefined();
  });
});
