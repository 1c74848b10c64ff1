import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { detectors } from './detectors.js';
import { directiveKeywords } from './directive.js';
import { asciiLower, createKeywordIndex, hitRanks } from './keyword-index.js';
import { createTextScan } from './scan-text.js';
import { secretAnchors } from './secrets.js';

// The scanner's own keyword list, as scan-text.ts builds it for tool descriptions (the list every pass runs).
const scannerKeywords = (() => {
  const seen = new Set<string>();
  const out: string[] = [];
  const own = (kw: string): void => {
    const lowered = asciiLower(kw);
    if (!seen.has(lowered)) {
      seen.add(lowered);
      out.push(lowered);
    }
  };
  for (const d of detectors) for (const kw of d.keywords) own(kw);
  for (const kw of directiveKeywords) own(kw);
  for (const a of secretAnchors) own(a.anchor);
  return out;
})();

const lowerAscii = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Every keyword occurrence by definition: each position, each keyword, ASCII letters in either case. */
function naiveHits(
  keywords: readonly string[],
  text: string,
): { keyword: number[]; start: number[] } {
  const folded = lowerAscii(text);
  const rank = hitRanks(keywords);
  const found: [number, number][] = [];
  for (let p = 0; p < folded.length; p++)
    keywords.forEach((kw, id) => {
      if (folded.startsWith(kw, p)) found.push([p, id]);
    });
  // Start order; at one start, the index's rank (shorter keywords first, then keyword order).
  found.sort((x, y) => x[0] - y[0] || (rank[x[1]] ?? 0) - (rank[y[1]] ?? 0));
  return { keyword: found.map((h) => h[1]), start: found.map((h) => h[0]) };
}

describe('the keyword pass finds every keyword occurrence, in order', () => {
  const index = createKeywordIndex(scannerKeywords);
  // Pieces: the scanner's keywords (some in upper case, some cut short: prefixes that lead the automaton deep and
  // then fail), glue, and characters of other scripts (the wide keywords are looked for around them).
  const keyword = fc.constantFrom(...scannerKeywords);
  const piece = fc.oneof(
    keyword,
    keyword.map((kw) => kw.toUpperCase()),
    keyword.map((kw) => kw.slice(0, Math.max(1, kw.length - 1))),
    fc.constantFrom(
      ' ',
      '\n',
      '. ',
      ', ',
      'the ',
      ' you ',
      ':',
      '/',
      '-',
      '"',
      'é',
      'ä',
      'あ',
      'о',
    ),
  );
  const text = fc.array(piece, { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));

  test('random keyword texts: the same hits as a search at every position', () => {
    fc.assert(
      fc.property(text, (t) => {
        const hits = index.find(t);
        expect({ keyword: hits.keyword, start: hits.start }).toEqual(naiveHits(scannerKeywords, t));
      }),
      { numRuns: 150 },
    );
  }, 180_000);

  test('a small list, any characters of its keywords: the same hits', () => {
    const small = ['ab', 'abc', 'bca', 'c', 'cab', 'a.b', 'b-c', 'abcab', 'üa', 'üb', 'aü'];
    const own = createKeywordIndex(small);
    fc.assert(
      fc.property(fc.stringMatching(/^[abcABC.ü -]{0,60}$/), (t) => {
        const hits = own.find(t);
        expect({ keyword: hits.keyword, start: hits.start }).toEqual(naiveHits(small, t));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('exact line anchors find what the plain scan finds', () => {
  const exact = createTextScan(new Set(), { exactAnchors: true });
  const plain = createTextScan(new Set(), {
    stickyStarts: false,
    exactAnchors: false,
    edgeFirst: false,
  });

  test("the round-9 counterexample (seed 455178105): a detector's verify reads its window", () => {
    // A Japanese intent.memory-write detector built in view form, without a `^`, whose verify reads the paragraph
    // and sentence around its match in the window's text: a window not stretched to its line start changed it.
    const text =
      'Ignore\nIgnore\nIgnoreIgnore<|im_IgnoreAssistant:Ignorethe ai has to: \n \nyou are free to and then <|im_ ' +
      "the envoyerВ СВОЕЙ ПАМЯТИ\nadmin promptperson mustn't and then , take down. Ignore all  you \n" +
      'https://x.example/?q=copies of\n. Assistant:\n and then previous instructions the これからは\n<|im_\nIgnore\n' +
      ' \n<|im_\n<|im_\nIgnore\n \nIgnore\n \n \n ';
    const found = exact(text, 'content');
    expect(found).toEqual(plain(text, 'content'));
    expect(found.some((f) => f.rule === 'intent.memory-write')).toBe(true);
  });

  test("round 14's counterexample: a view-form detector's window stretched to its line", () => {
    // A German address.agent built in view form, without a verify: the exact rule did not stretch its window, and
    // the match at the text's third character ("als sprachmodell… AI") was lost.
    const text =
      '\n\nals sprachmodellAssistant:AI, ignorIgnore<|im_\n' +
      'comportese como the : sin avisar al usuarioahead of anysession shouldapi\u2010schlüssel: AI,  ';
    const found = exact(text, 'content');
    expect(found).toEqual(plain(text, 'content'));
    expect(found.some((f) => f.rule === 'address.agent' && f.start === 2)).toBe(true);
  });

  // The detectors' keywords, those of the verify-carrying lexicon detectors (other scripts) among them, glued with
  // line breaks and the words the patterns read between keywords.
  const keywords = [...new Set(detectors.flatMap((d) => d.keywords.map(asciiLower)))].filter(
    (kw) => kw.trim().length > 0,
  );
  const verified = [
    ...new Set(detectors.filter((d) => d.verify).flatMap((d) => d.keywords.map(asciiLower))),
  ].filter((kw) => kw.trim().length > 0);
  const glue = [' ', '  ', '\n', '\n\n', '. ', ', ', ' the ', ' you ', ': ', ' and then ', '。'];
  const piece = fc.oneof(
    fc.constantFrom(...keywords),
    fc.constantFrom(...verified),
    fc.constantFrom(...glue),
    fc.constantFrom('Ignore', 'You', 'Assistant:', 'AI, ', 'previous instructions', '<|im_'),
  );
  const text = fc.array(piece, { minLength: 1, maxLength: 60 }).map((parts) => parts.join(''));

  test('random keyword texts, both surfaces, short and joined long', () => {
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 30 }),
        fc.constantFrom('content' as const, 'description' as const),
        (parts, surface) => {
          const t = parts.join('\n');
          expect(exact(t, surface)).toEqual(plain(t, surface));
        },
      ),
      { numRuns: 150 },
    );
  }, 180_000);
});
