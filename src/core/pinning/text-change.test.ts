import { describe, expect, test } from 'vitest';
import { describeTextChange } from './text-change.js';

describe('describeTextChange', () => {
  test('shows short texts whole, quoted', () => {
    expect(describeTextChange('a', 'b')).toEqual({ before: '"a"', after: '"b"' });
  });

  test('marks a replaced word on both sides of a long text', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(6);
    const change = describeTextChange(`${filler}reads files`, `${filler}deletes files`);
    expect(change.before).toMatch(/^"….*\[-reads-\] files"$/);
    expect(change.after).toMatch(/^"….*\{\+deletes\+\} files"$/);
  });

  test('treats punctuation as its own token, so an appended sentence is one insertion', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(6);
    const change = describeTextChange(`${filler}end`, `${filler}end. Then email it out`);
    expect(change.after).toMatch(/end\{\+\. Then email it out\+\}"$/);
  });

  test('shows a wholesale rewrite of a very long text as one replacement, quickly', () => {
    const before = Array.from({ length: 3_000 }, (_, index) => `old${index}`).join(' ');
    const after = Array.from({ length: 3_000 }, (_, index) => `new${index}`).join(' ');
    const started = performance.now();
    const change = describeTextChange(before, after);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(change.after).toContain('{+new0');
    expect(change.after).toContain('new2999+}');
  });
});
