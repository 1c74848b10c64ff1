import { describe, expect, test } from 'vitest';
import { createKeywordIndex } from './keyword-index.js';

// Round 14 (pass14): hints are noted in a scratch array shared by every index and copied out once per text, into
// an array of their number. A text with more hints than the scratch first holds grows it; the next text's hints
// are its own, none left over from the last.
describe('keyword index hints (round 14)', () => {
  const index = createKeywordIndex(['ignore', 'password']);

  test('a text with thousands of hints has them all, in text order', () => {
    const text = '1gn0r3 '.repeat(3000);
    const expected: number[] = [];
    for (let r = 0; r < 3000; r++) expected.push(7 * r, 7 * r + 3, 7 * r + 5);
    const { hints } = index.find(text);
    expect(hints).toHaveLength(9000);
    expect(hints).toEqual(expected);
    expect(Array.isArray(hints)).toBe(true);
  });

  test("each text's hints are its own: a short text after a long one, and an index beside another", () => {
    index.find('1gn0r3 '.repeat(3000));
    expect(index.find('1gn0r3').hints).toEqual([0, 3, 5]);
    expect(index.find('plain words only').hints).toEqual([]);
    const other = createKeywordIndex(['system']);
    expect(other.find('sy5tem').hints).toEqual([2]);
    expect(index.find('ig.nore').hints).toEqual([2]);
  });

  test('hits and hints of one text do not change when it is read again', () => {
    const text = `${'pa55word and ig.nore, '.repeat(500)}ignore the password`;
    const first = index.find(text);
    const copy = { keyword: [...first.keyword], start: [...first.start], hints: [...first.hints] };
    index.find('1gn0r3 '.repeat(100));
    expect(first.hints).toEqual(copy.hints);
    expect(index.find(text)).toEqual({ ...copy, unusual: false });
  });
});
