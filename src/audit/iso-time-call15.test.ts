import fc from 'fast-check';
import { expect, test } from 'vitest';
import { createIsoTime } from './iso-time.js';

test('a millisecond stamped again gets the same text, whatever came between (call15)', () => {
  const ms = fc.oneof(
    fc.constantFrom(0, -0, 1_765_000_000_000, 1_765_000_000_001, 1.5, -1),
    fc.integer({ min: 1_765_000_000_000, max: 1_765_000_000_005 }),
  );
  fc.assert(
    fc.property(fc.array(ms, { maxLength: 30 }), (times) => {
      const isoTime = createIsoTime();
      for (const t of times) expect(isoTime(t)).toBe(new Date(t).toISOString());
    }),
  );
  const isoTime = createIsoTime();
  const first = isoTime(1_765_000_000_123);
  expect(isoTime(1_765_000_000_123)).toBe(first);
  expect(isoTime(1_765_000_000_124)).toBe('2025-12-06T05:46:40.124Z');
});
