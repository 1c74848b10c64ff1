import fc from 'fast-check';
import { expect, test } from 'vitest';
import { createIsoTime } from './iso-time.js';

test('createIsoTime writes what Date#toISOString writes, in any order of calls', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          fc.integer({ min: 0, max: 8.64e15 }),
          fc.integer({ min: 1_765_000_000_000, max: 1_765_000_003_000 }),
          fc.integer({ min: -8.64e15, max: -1 }),
          fc.double({ noNaN: true, min: 0, max: 2e12 }),
        ),
        { maxLength: 20 },
      ),
      (times) => {
        const isoTime = createIsoTime();
        for (const ms of times) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
      },
    ),
  );
});
