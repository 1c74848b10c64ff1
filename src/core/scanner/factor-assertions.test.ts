import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { detectors } from './detectors.js';
import { factorAssertions, loopBlanks, loopSpaces } from './factor-assertions.js';

const L = '(?<![0-9A-Za-z\\u00C0-\\u024F])';
const R = '(?![0-9A-Za-z\\u00C0-\\u024F])';

/** Every match of a global regex as [index, text, ...groups], as the scanner's loop reads them. */
function matches(source: string | RegExp, flags: string, text: string): unknown[] {
  const re = typeof source === 'string' ? new RegExp(source, `g${flags}`) : source;
  re.lastIndex = 0;
  const out: unknown[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([m.index, ...m]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Random alternations of `piece`s match the same texts, at every flag, before and after `rewrite` (3000 runs). */
function assertSameMatches(
  rewrite: (source: string) => string,
  piece: fc.Arbitrary<string>,
  text: fc.Arbitrary<string>,
  flags: readonly string[],
): void {
  fc.assert(
    fc.property(
      fc.array(fc.array(piece, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 }),
      text,
      fc.constantFrom(...flags),
      (alts, subject, flag) => {
        const source = alts.map((pieces) => pieces.join('')).join('|');
        expect(matches(rewrite(source), flag, subject), source).toEqual(
          matches(source, flag, subject),
        );
      },
    ),
    { numRuns: 3000 },
  );
}

describe('factorAssertions', () => {
  test('writes a run of alternatives’ shared lookbehind once, and their shared lookahead once', () => {
    expect(factorAssertions(`(?:${L}send${R}|${L}share${R}|${L}give)`)).toBe(
      `(?:${L}(?:(?:send|share)${R}|give))`,
    );
    // Only consecutive alternatives are grouped: the order of trial stays.
    expect(factorAssertions('(?:(?<!a)x|y|(?<!a)z|(?<!a)w)')).toBe('(?:(?<!a)x|y|(?<!a)(?:z|w))');
    // Nested groups are factored inside out.
    expect(factorAssertions('a(?:b(?:(?<!c)d|(?<!c)e)|f)')).toBe('a(?:b(?:(?<!c)(?:d|e))|f)');
  });

  test('leaves alone what it cannot factor', () => {
    for (const source of [
      'plain|text',
      '(?:(?<!a)x|(?<!b)y)',
      '(?:(?<!a)*x|(?<!a)y)',
      '[(?:(?<!a)x|(?<!a)y)]',
      '\\(?:(?<!a)x|(?<!a)y\\)',
      '((?<!a)x|(?<!a)y)',
    ])
      expect(factorAssertions(source)).toBe(source);
  });

  test('a factored detector pattern compiles, and most lexicon patterns shrink', () => {
    let changed = 0;
    for (const d of detectors) {
      const source = factorAssertions(d.pattern.source);
      expect(() => new RegExp(source, d.pattern.flags), d.id).not.toThrow();
      if (source !== d.pattern.source) changed++;
    }
    expect(changed).toBeGreaterThan(100);
  });

  // Alternations of guarded words, some with an open ending, over text made of their letters: every match, group
  // and position the same.
  const word = fc.stringMatching(/^[a-eé]{1,4}$/);
  const alternative = fc.record({
    word,
    behind: fc.constantFrom(L, '(?<=\\s)', ''),
    ahead: fc.constantFrom(R, '(?=[a-c])', ''),
    open: fc.constantFrom('', '[a-eé]{0,3}', '(x|b)?'),
  });
  test('the factored pattern finds the same matches (property)', () => {
    fc.assert(
      fc.property(
        fc.array(alternative, { minLength: 1, maxLength: 8 }),
        fc.stringMatching(/^[a-eé \nxA-C]{0,60}$/),
        fc.constantFrom('i', '', 'iu'),
        fc.constantFrom('', '\\s', '[^.]{0,3}?'),
        (alts, text, flags, after) => {
          const source = `(?:${alts.map((a) => `${a.behind}${a.word}${a.open}${a.ahead}`).join('|')})${after}`;
          expect(matches(factorAssertions(source), flags, text)).toEqual(
            matches(source, flags, text),
          );
        },
      ),
      { numRuns: 1000 },
    );
  }, 60_000);

  test('every detector pattern finds the same matches factored, on text of its own keywords (property)', () => {
    const factored = detectors.filter(
      (d) => factorAssertions(d.pattern.source) !== d.pattern.source,
    );
    // Compiled once per detector: a lexicon pattern takes milliseconds to compile.
    const compiled = new Map<string, [RegExp, RegExp]>();
    const both = (d: (typeof factored)[number]): [RegExp, RegExp] => {
      const key = `${d.id} ${d.message}`;
      let pair = compiled.get(key);
      if (pair === undefined) {
        pair = [d.pattern, new RegExp(factorAssertions(d.pattern.source), d.pattern.flags)];
        compiled.set(key, pair);
      }
      return pair;
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...factored),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom(' ', '  ', 'a', 'é', '\n', '. ', 'x', '-', '1', ', '), {
          minLength: 12,
          maxLength: 12,
        }),
        (d, picks, glue) => {
          const text = picks
            .map((p, k) => `${d.keywords[p % d.keywords.length] ?? ''}${glue[k] ?? ''}`)
            .join('');
          const [own, factoredPattern] = both(d);
          expect(matches(factoredPattern, '', text)).toEqual(matches(own, '', text));
        },
      ),
      { numRuns: 1500 },
    );
  }, 120_000);
});

describe('loopBlanks', () => {
  const S = '[ \\t]{1,3}';
  test('writes a blank run as a guarded loop where what follows cannot be a blank', () => {
    expect(loopBlanks(`do${S}not`)).toBe('do(?![ \\t]{4})[ \\t]+not');
    expect(loopBlanks('a[ \\t]{0,2}\\bb')).toBe('a(?![ \\t]{3})[ \\t]*\\bb');
    // At a group's end: the group again, or what follows it.
    expect(loopBlanks(`(?:\\w{1,12}${S}){0,3}x`)).toBe('(?:\\w{1,12}(?![ \\t]{4})[ \\t]+){0,3}x');
    // In a lookbehind (read right to left), guarded on its right.
    expect(loopBlanks(`(?<!\\bnot${S})x`)).toBe('(?<!\\bnot[ \\t]+(?<![ \\t]{4}))x');
  });

  test('leaves alone a run that may be followed by a blank, or that it cannot tell', () => {
    for (const source of [
      `a${S}`,
      `a${S}[ \\t]b`,
      `a${S}\\sb`,
      `a${S}.b`,
      `a${S}(?:b)?c`,
      `a${S}[^b]`,
      `(?:a${S}|b)`,
      `(?:\\w{1,12}${S}){0,3}`,
      `a[ \\t]{1,3}?b`,
      'a[ \\t]{0,3}\\b[ ]',
      `(?<!a?${S})x`,
      `(?<!(?=a)b${S})x`,
      `[${S}]`,
    ])
      expect(loopBlanks(source), source).toBe(source);
  });

  test('every detector pattern compiles rewritten, and most phrase patterns are', () => {
    let changed = 0;
    for (const d of detectors) {
      const source = loopBlanks(d.pattern.source);
      expect(() => new RegExp(source, d.pattern.flags), d.id).not.toThrow();
      if (source !== d.pattern.source) changed++;
    }
    expect(changed).toBeGreaterThan(300);
  });

  // Patterns made of pieces around blank runs (groups, repeats, classes, lookbehinds, word edges) over text of
  // their letters, blanks and tabs: every match, group and position the same.
  const piece = fc.constantFrom(
    'ab',
    'b',
    'a+',
    'x?',
    '\\b',
    '[ab]',
    '[^a]',
    '\\s',
    '.',
    '[ \\t]',
    S,
    '[ \\t]{0,3}',
    '[ \\t]{1,2}',
    '(?:a|ba)',
    `(?:a${S}|b)`,
    `(b${S})?`,
    `(?:b${S}){0,2}`,
    `(?:a${S})+`,
    `(?<!a${S})`,
    `(?<!\\b(?:a|b)${S}(?:a${S}){0,2})`,
    '(?<![ \\t]{0,3})',
    '(?=b)',
  );
  test('the rewritten pattern finds the same matches (property)', () => {
    assertSameMatches(loopBlanks, piece, fc.stringMatching(/^[abAx. \t]{0,40}$/), ['i', '']);
  }, 60_000);
});

describe('loopSpaces', () => {
  const S = '\\s{1,3}';
  test('writes a white-space run as a guarded loop where what follows cannot be white space', () => {
    expect(loopSpaces(`do${S}not`)).toBe('do(?!\\s{4})\\s+not');
    expect(loopSpaces('a\\s{0,2}\\bb')).toBe('a(?!\\s{3})\\s*\\bb');
    expect(loopSpaces(`(?:\\w{1,12}${S}){0,3}x`)).toBe('(?:\\w{1,12}(?!\\s{4})\\s+){0,3}x');
    expect(loopSpaces(`(?<!\\bnot${S})x`)).toBe('(?<!\\bnot\\s+(?<!\\s{4}))x');
    expect(loopSpaces(`a${S}\\S`)).toBe('a(?!\\s{4})\\s+\\S');
  });

  test('leaves alone a run that may be followed by white space, or that it cannot tell', () => {
    for (const source of [
      `a${S}`,
      `a${S}[ \\t]b`,
      `a${S}\\nb`,
      `a${S}\\rb`,
      `a${S}\\u00a0b`,
      `a${S}\u00a0b`,
      `a${S}\u3000b`,
      `a${S}\\Wb`,
      `a${S}\\Db`,
      `a${S}.b`,
      `a${S}[^b]`,
      `a${S}[\\s,]`,
      `a${S}[\u2000-\u3000]`,
      `a${S}[!-\u00ff]`,
      `a${S}(?:b)?c`,
      `(?:a${S}|b)`,
      `a\\s{1,3}?b`,
      `(?<!\\n${S})x`,
      `[${S}]`,
    ])
      expect(loopSpaces(source), source).toBe(source);
  });

  const piece = fc.constantFrom(
    'ab',
    'b',
    'a+',
    'x?',
    '\\b',
    '[ab]',
    '[^a]',
    '\\s',
    '\\S',
    '\\W',
    '.',
    '\\n',
    S,
    '\\s{0,3}',
    '\\s{1,2}',
    '(?:a|ba)',
    `(?:a${S}|b)`,
    `(b${S})?`,
    `(?:b${S}){0,2}`,
    `(?:a${S})+`,
    `(?<!a${S})`,
    `(?<!\\b(?:a|b)${S}(?:a${S}){0,2})`,
    '(?<!\\s{0,3})',
    '(?=b)',
  );
  test('the rewritten pattern finds the same matches (property)', () => {
    assertSameMatches(
      loopSpaces,
      piece,
      fc.stringMatching(
        /^[abAx. \t\n\r\v\f\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]{0,40}$/,
      ),
      ['i', '', 'u'],
    );
  }, 60_000);
});
