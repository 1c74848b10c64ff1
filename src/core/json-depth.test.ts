import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth.js';

/** `depth` levels of alternating arrays and objects around a string. */
const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { k: value };
  return value;
};

/** The nesting depth, recursively: the definition the iterative check must agree with. */
const depthOf = (value: unknown): number => {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
};

describe('exceedsJsonDepth', () => {
  test.each([
    ['a string', 'text', 0],
    ['null', null, 0],
    ['an empty object', {}, 1],
    ['an empty array', [], 1],
    ['an object holding an array', { a: [1] }, 2],
  ])('counts %s as %i levels', (_name, value, depth) => {
    expect(exceedsJsonDepth(value, depth)).toBe(false);
    if (depth > 0) expect(exceedsJsonDepth(value, depth - 1)).toBe(true);
  });

  test('takes exactly MAX_JSON_DEPTH levels and refuses one more', () => {
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH + 1))).toBe(true);
  });

  test('100,000 levels neither overflow the stack nor take long', () => {
    const value = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    const started = performance.now();
    expect(exceedsJsonDepth(value)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('agrees with the recursive definition on any JSON value', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 12 }),
        fc.integer({ min: 0, max: 14 }),
        (value, limit) => {
          expect(exceedsJsonDepth(value, limit)).toBe(depthOf(value) > limit);
        },
      ),
      { numRuns: 500 },
    );
  });
});
