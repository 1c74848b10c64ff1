import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createKeywordIndex } from './keyword-index.js';
import { changedLines } from './view.js';

// Round 11 made two passes cheaper without changing what they find: the view reads a line's words in mixed case
// from its characters outside ASCII only, and the keyword index reads for keywords in other scripts only the
// stretch before each non-ASCII character that such a keyword can start in. These tests hold each to its definition.

/**
 * The lines a view rewrites for words in mixed case outside ASCII, by definition (the whole-line reading the view
 * used before): a word of letters and marks holding a character outside ASCII, with a capital after a lower-case
 * letter, whose letters after the first lower to the same length; not a Latin word run together in camelCase, which
 * deobfuscate reads as words (round 11).
 */
function mixedCaseLines(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  for (const line of text.split(/(?<=\n)/)) {
    const changes = (line.match(/[\p{L}\p{M}]+/gu) ?? []).some((word) => {
      if (!/\p{Ll}\p{Lu}/u.test(word) || !/[^\t\n\r\x20-\x7e]/.test(word)) return false;
      if (latinCamelCase(word)) return false;
      const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
      const rest = word.slice(first.length);
      return rest.toLowerCase() !== rest && rest.toLowerCase().length === rest.length;
    });
    if (changes) {
      const last = out.length - 1;
      if (last > 0 && out[last] === start) out[last] = start + line.length;
      else out.push(start, start + line.length);
    }
    start += line.length;
  }
  return out;
}

/**
 * Letters of Latin-1 only, and after the first letter a run of lower-case letters, then pieces that each open with a
 * capital followed by two or more lower-case letters ("ÖkoTest", not "ÄrGeR").
 */
function latinCamelCase(word: string): boolean {
  const latin1Letter = (ch: string): boolean =>
    ch <= '\u00ff' && /\p{L}/u.test(ch) && ch !== 'ª' && ch !== 'º';
  if (!Array.from(word).every(latin1Letter)) return false;
  const [head = '', ...pieces] = word.slice(1).split(/(?=\p{Lu})/u);
  const lower = (piece: string): boolean => !/\P{Ll}/u.test(piece);
  return (
    head.length > 0 &&
    lower(head) &&
    pieces.length > 0 &&
    pieces.every((p) => p.length >= 3 && lower(p.slice(1)))
  );
}

describe('the view marks lines with words in mixed case outside ASCII', () => {
  test('a word with a capital after a lower-case letter and a letter outside ASCII; not ASCII camelCase', () => {
    expect(changedLines('say иГнОрИрУй now\nPlain line')).toEqual([0, 18]);
    expect(changedLines('ÄrGeR and iPhone\n')).toEqual([0, 17]);
    // A Latin word run together in camelCase is left to deobfuscate, which reads its pieces as words.
    expect(changedLines('ÖkoTest and iPhone\n')).toEqual([]);
    // ASCII camelCase next to a word outside ASCII is no such word; one lower-case word outside ASCII is none.
    expect(changedLines('getUserName() returns the café\n')).toEqual([]);
    expect(changedLines('один два три\n')).toEqual([]);
  });

  test('the lines are those of the definition, whatever the text', () => {
    // Characters the normalised view keeps as they are (no NFKC change, nothing hidden), so that only the
    // mixed-case reading can mark a line.
    const alphabet = fc.constantFrom(...'aBcZ iиГОöÖßéÉ_-1’\n'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (chars) => {
        // changedLines also collapses blank runs and soft wraps in short texts: no double space here, and a digit
        // after each line break (a soft wrap needs a lower-case word after it).
        const text = chars.join('').replace(/ {2,}/g, ' ').replace(/\n/g, '\n1');
        expect(changedLines(text)).toEqual(mixedCaseLines(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('keywords in other scripts', () => {
  test('are found however far into the keyword their first character outside ASCII is', () => {
    // The pass reads back from each non-ASCII character only as far as the wide keywords need ('na sua memória':
    // twelve characters), and forward to the pair of characters a keyword starts with.
    const index = createKeywordIndex(['na sua memória', 'é ', 'café', 'ação', 'plain']);
    const hits = index.find('Na Sua MEMória: café, AÇÃO ação é plain');
    expect(hits.start.map((s, k) => [s, index.keywords[hits.keyword[k] ?? 0]])).toEqual([
      [0, 'na sua memória'],
      [16, 'café'],
      [27, 'ação'],
      [32, 'é '],
      [34, 'plain'],
    ]);
  });
});
