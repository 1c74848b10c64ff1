import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { detectors } from './detectors.js';
import { edgeFirst } from './factor-assertions.js';
import { asciiLower } from './keyword-index.js';
import { startsAtKeywords } from './match-starts.js';
import { createTextScan, hasLineAnchor } from './scan-text.js';

describe('startsAtKeywords: every match starts with a keyword', () => {
  const yes = (source: string, keywords: string[], flags = 'gi'): boolean =>
    startsAtKeywords(new RegExp(source, flags), keywords);

  test('a pattern that opens with its keywords, after zero-width assertions', () => {
    expect(yes('\\b(?:append|include)\\b[^.\\n]{0,60}?\\burl\\b', ['append', 'include'])).toBe(
      true,
    );
    expect(yes('(?<!\\bnot[ \\t]+)\\b(?:ignore|disregard)\\s+all', ['ignore', 'disregard'])).toBe(
      true,
    );
    expect(yes('^(?:[Yy]ou must|[Yy]ou shall)', ['you '])).toBe(true);
    // A keyword shorter than what follows it: the prefix is decided once the keyword is read.
    expect(yes('(?:send|sending)[ \\t]+(?:it|them)', ['send'])).toBe(true);
  });

  test('near misses: a keyword in the middle, an optional lead, a class or any character first', () => {
    expect(yes('\\b(?:send|share)[ \\t]+(?:the[ \\t]+)?password', ['password'])).toBe(false);
    expect(yes('(?:the[ \\t]+)?ignore', ['ignore'])).toBe(false);
    expect(yes('\\w+[ \\t]ignore', ['ignore'])).toBe(false);
    expect(yes('(?:ignore|forget|skip)', ['ignore', 'forget'])).toBe(false);
    // A keyword longer than the literal the pattern is sure of.
    expect(yes('ign.re', ['ignore'])).toBe(false);
  });

  test('case folding: ASCII keywords only with `i`, and no s or k in Unicode mode', () => {
    expect(yes('(?:élan|éclat)', ['élan', 'éclat'], 'gi')).toBe(false);
    expect(yes('(?:élan|éclat)', ['élan', 'éclat'], 'g')).toBe(true);
    expect(yes('secret', ['secret'], 'giu')).toBe(false);
    expect(yes('secret', ['secret'], 'gi')).toBe(true);
  });

  test('syntax it does not read is refused, not guessed', () => {
    // A quantified lookahead (Annex B) and a named back reference first.
    expect(yes('(?=ignore)?ignore', ['ignore'], 'g')).toBe(false);
    expect(yes('(?<w>ignore)\\k<w>', ['ignore'], 'g')).toBe(true);
    expect(yes('\\k<w>(?<w>ignore)', ['ignore'], 'g')).toBe(false);
  });
});

describe('edgeFirst', () => {
  test('a lookbehind before a word edge goes after it; others stay', () => {
    expect(edgeFirst('(?<!\\bnot[ \\t]+)\\b(?:read|send)x')).toBe(
      '\\b(?<!\\bnot[ \\t]+)(?:read|send)x',
    );
    expect(edgeFirst('a|(?<=b)\\bc')).toBe('a|\\b(?<=b)c');
    for (const source of ['(?<!a)x\\b', '[(?<!a)]\\b', '\\(?<!a)\\b', '(?<!a)\\Bx', '(?<!a)\\\\b'])
      expect(edgeFirst(source)).toBe(source);
  });

  // Lookbehinds before word edges, among words, blanks and other assertions, over text made of their letters:
  // every match, group and position the same.
  const piece = fc.oneof(
    fc.constantFrom('a', 'ab', 'b c', ' ', '(a|b)', '(?:c|a )', '\\b', '\\B', '[ab]{1,2}', 'x?'),
    fc.constantFrom('(?<!a)\\b', '(?<=b )\\b', '(?<!\\b(?:a|ba)[ ]+)\\b', '(?<=(c))\\b', '(?<!x)'),
  );
  test('random sources match the same, before and after', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(piece, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 }),
        fc.stringMatching(/^[abcx ]{0,40}$/),
        fc.constantFrom('g', 'gi', 'gu'),
        (alts, subject, flags) => {
          const source = alts.map((pieces) => pieces.join('')).join('|');
          const all = (s: string): unknown[] => {
            const re = new RegExp(s, flags);
            const out: unknown[] = [];
            for (let m = re.exec(subject); m; m = re.exec(subject)) {
              out.push([m.index, ...m]);
              if (m[0].length === 0) re.lastIndex++;
            }
            return out;
          };
          expect(all(edgeFirst(source)), source).toEqual(all(source));
        },
      ),
      { numRuns: 3000 },
    );
  }, 120_000);
});

describe('hasLineAnchor', () => {
  test('a ^ assertion, not a negated class or an escaped caret', () => {
    expect(hasLineAnchor('^you')).toBe(true);
    expect(hasLineAnchor('(?:^|\\n)you')).toBe(true);
    expect(hasLineAnchor('[^.\\n]{0,40}you')).toBe(false);
    expect(hasLineAnchor('a\\^b')).toBe(false);
    expect(hasLineAnchor('[\\]^]x')).toBe(false);
    expect(hasLineAnchor('[]^x')).toBe(true);
  });
});

describe('the fast paths find what the plain scan finds', () => {
  const fast = createTextScan();
  const plain = createTextScan(new Set(), {
    stickyStarts: false,
    exactAnchors: false,
    edgeFirst: false,
  });
  // Texts built from the detectors' own keywords (the patterns' fast paths start there), glued with the words,
  // spaces, line breaks and punctuation that the patterns read between them.
  const keywords = [...new Set(detectors.flatMap((d) => d.keywords.map(asciiLower)))].filter(
    (kw) => kw.trim().length > 0,
  );
  const glue = [' ', '  ', '\n', '. ', ', ', ' the ', ' all ', ' to ', ' you ', ': ', ' and then '];
  const piece = fc.oneof(
    fc.constantFrom(...keywords),
    fc.constantFrom(...glue),
    fc.constantFrom(
      'Ignore',
      'SEND',
      'You',
      'Assistant:',
      'previous instructions',
      'https://x.example/?q=',
    ),
  );
  const text = fc.array(piece, { minLength: 1, maxLength: 60 }).map((parts) => parts.join(''));

  test('random keyword texts: identical findings, both surfaces', () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom('content' as const, 'description' as const),
        (t, surface) => {
          expect(fast(t, surface)).toEqual(plain(t, surface));
        },
      ),
      { numRuns: 400 },
    );
  }, 180_000);

  test('long texts (windows merge, patterns are factored) and texts of line-anchored cues', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 20, maxLength: 80 }), (parts) => {
        const t = parts.join('\n');
        expect(fast(t, 'content')).toEqual(plain(t, 'content'));
      }),
      { numRuns: 40 },
    );
  }, 180_000);
});
