import { describe, expect, test } from 'vitest';
import { DEFAULT_IGNORABLE, inRanges, isDefaultIgnorable } from './invisible.js';

describe('DEFAULT_IGNORABLE', () => {
  test('holds the default-ignorable code points and nothing visible', () => {
    for (const code of [0xad, 0x200b, 0x200d, 0x202e, 0x2066, 0xfe0f, 0xfeff, 0xe0041, 0xe01ef])
      expect(isDefaultIgnorable(code)).toBe(true);
    for (const code of [0x20, 0x41, 0xdf, 0x3c2, 0x1b, 0x85, 0x2028, 0xfffa, 0x1f600])
      expect(isDefaultIgnorable(code)).toBe(false);
  });

  test('its ranges are sorted, disjoint and well formed', () => {
    let previous = -1;
    for (const [first, last] of DEFAULT_IGNORABLE) {
      expect(first).toBeGreaterThan(previous);
      expect(last).toBeGreaterThanOrEqual(first);
      previous = last;
    }
  });

  test('inRanges reads a caller’s own extended table', () => {
    const table = [...DEFAULT_IGNORABLE, [0x2028, 0x2029] as const];
    expect(inRanges(table, 0x2029)).toBe(true);
    expect(inRanges(table, 0x202a)).toBe(true);
    expect(inRanges(table, 0x2027)).toBe(false);
  });
});
