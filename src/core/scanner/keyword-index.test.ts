import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createKeywordIndex } from './keyword-index.js';
import { lookAlikePairs } from './look-alikes.js';

const index = createKeywordIndex(['ignore', 'password', '.env', '无视']);

const isLetter = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);
const isLookAlike = (c: string): boolean => {
  for (let i = 0; i < lookAlikePairs.length; i += 2) if (lookAlikePairs[i] === c) return true;
  return false;
};

/** The hints by their definition, one character at a time (the index reads them from a rolling window). */
function expectedHints(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const [z, a, b, c, d] = [text[i - 2], text[i - 1], text[i], text[i + 1], text[i + 2]];
    const digitNotLeet = (x: string | undefined): boolean => x !== undefined && /^[268]$/.test(x);
    if (b !== undefined && '0134579@$|!+'.includes(b)) {
      if ((isLetter(a) && !digitNotLeet(c)) || (isLetter(c) && !digitNotLeet(a))) out.push(i);
    } else if (b !== undefined && '.-*'.includes(b)) {
      if (isLetter(a) && isLetter(c)) out.push(i);
    } else if (b !== undefined && ' /_\u00b7'.includes(b)) {
      if (!isLetter(z) && isLetter(a) && isLetter(c) && d === b) out.push(i - 1);
    } else if (b !== undefined && isLookAlike(b) && (isLetter(a) || isLetter(c))) out.push(i);
  }
  return out;
}

describe('keyword index', () => {
  test('marks where a word may be disguised, up to the last character', () => {
    expect(index.find('1gn0r3').hints).toEqual([0, 3, 5]);
    expect(index.find('say i g n o r e').hints).toEqual([4, 6, 8, 10]);
    expect(index.find('ig.nore').hints).toEqual([2]);
    expect(index.find('ign\u043ere').hints).toEqual([3]);
    expect(index.find('promp+').hints).toEqual([5]);
    expect(index.find('v2 2024-05-01 a plain sentence.').hints).toEqual([]);
  });

  test('the hints are those of their definition, whatever the text', () => {
    const chars = fc.constantFrom(
      ...'aZl1|!03457@$+2 6 8 .-*_/\u00b7\u043e\u0456\u4e00\n\t,'.split(''),
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(index.find(text).hints).toEqual(expectedHints(text));
      }),
      { numRuns: 2000 },
    );
  });

  test('says whether a character other than printable ASCII, tab and line breaks occurs', () => {
    for (const usual of [' ', '~', '\t', '\n', '\r', 'plain text, 42 {json: "x"}'])
      expect(index.find(`ab${usual}cd`).unusual).toBe(false);
    for (const unusual of ['\x1f', '\x7f', '\x80', '\u00a0', 'é', '\u200b', '\u{e0041}', '无'])
      expect(index.find(`ab${unusual}cd`).unusual).toBe(true);
  });

  test('finds keywords in any ASCII case and in other scripts, in start order', () => {
    const hits = index.find('IGNORE the .ENV; 无视 it');
    expect(hits.start).toEqual([0, 11, 17]);
    expect(hits.keyword.map((k) => index.keywords[k])).toEqual(['ignore', '.env', '无视']);
  });
});

describe('keyword index hits', () => {
  /** Every keyword occurrence by brute force, in start order, then shorter keywords (under six units) first, then list order. */
  const naive = (keywords: readonly string[], text: string): [number, number][] => {
    const lower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const hay = lower(text);
    const out: [number, number][] = [];
    for (let p = 0; p < hay.length; p++) {
      const here = keywords
        .map((kw, id) => [id, lower(kw)] as const)
        .filter(([, kw]) => hay.startsWith(kw, p))
        .sort(([a, x], [b, y]) => (x.length >= 6 ? 1 : 0) - (y.length >= 6 ? 1 : 0) || a - b);
      for (const [id] of here) out.push([p, id]);
    }
    return out;
  };

  test('are every occurrence of every keyword, overlapping ones too, whatever the keywords and text', () => {
    const alphabet = fc.constantFrom(...'abAB .-无视é'.split(''));
    const word = fc.array(alphabet, { minLength: 1, maxLength: 7 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 12, selector: (w) => w.toLowerCase() }),
        fc.array(alphabet, { maxLength: 60 }),
        (keywords, chars) => {
          // Keywords with other scripts are looked up by their first two characters.
          const usable = keywords.filter((k) => /^[\x20-\x7e]+$/.test(k) || k.length >= 2);
          fc.pre(usable.length > 0);
          const text = chars.join('');
          const hits = createKeywordIndex(usable).find(text);
          expect(hits.start.map((s, k) => [s, hits.keyword[k]])).toEqual(naive(usable, text));
        },
      ),
      { numRuns: 1500 },
    );
  });
});
