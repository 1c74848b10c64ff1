import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson } from '../core/canonical-json.js';
import { digestAuditContent, LARGE_CONTENT_CHARS } from './digest.js';

/** The digest as it was computed from one canonical string. */
const reference = (value: unknown) => {
  const json = canonicalJson(value);
  return {
    bytes: Buffer.byteLength(json, 'utf8'),
    sha256: `sha256:${createHash('sha256').update(json, 'utf8').digest('hex')}`,
    json,
  };
};

const textOf = (json: string | readonly Uint8Array[]): string =>
  typeof json === 'string' ? json : Buffer.concat(json).toString('utf8');

describe('digestAuditContent', () => {
  test('small values: one canonical string, as before', () => {
    const value = { content: [{ type: 'text', text: 'hello' }] };
    expect(digestAuditContent(value)).toEqual(reference(value));
  });

  test('large values: chunks, and the same size, hash and text as one canonical string', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
      fc.constantFrom('line\n', 'café 😀 ', '"\\\t', '\ud800'),
    );
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: LARGE_CONTENT_CHARS - 64, max: 400_000 }),
        fc.boolean(),
        (unit, chars, isError) => {
          const value = {
            content: [{ type: 'text', text: unit.repeat(Math.ceil(chars / unit.length)) }],
            isError,
          };
          const digest = digestAuditContent(value);
          const expected = reference(value);
          expect(digest.bytes).toBe(expected.bytes);
          expect(digest.sha256).toBe(expected.sha256);
          expect(textOf(digest.json)).toBe(expected.json);
        },
      ),
      { numRuns: 60 },
    );
    const large = { content: [{ type: 'text', text: 'x'.repeat(LARGE_CONTENT_CHARS) }] };
    expect(typeof digestAuditContent(large).json).not.toBe('string');
  });
});
