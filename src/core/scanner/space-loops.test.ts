import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import './directive.js';
import { loopSpaces, spaceLoopedPatterns as written } from './factor-assertions.js';
import './register-shift.js';
import { spaceLoops } from './space-loops-table.js';

/** Per start position, the sticky match there as [index, text, ...groups], or null. */
function anchored(source: string, flags: string, text: string): unknown[] {
  const re = new RegExp(source, `${flags.replace(/[gy]/g, '')}y`);
  const out: unknown[] = [];
  for (let i = 0; i <= text.length; i++) {
    re.lastIndex = i;
    const m = re.exec(text);
    out.push(m && [m.index, ...m]);
  }
  return out;
}

// What `\s` matches, every kind, and characters next to it in prose.
const white = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2005',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
];
const other = [
  '.',
  ',',
  ':',
  '-',
  '"',
  "'",
  '’',
  '!',
  '?',
  '(',
  ')',
  '/',
  '@',
  '1',
  '42',
  'x',
  'É',
];

describe('loopSpaces over register-shift.ts and directive.ts', () => {
  test('the table is fresh: each pattern as built is its loopSpaces rewrite (else run scripts/space-loops.js)', () => {
    const sources = new Set(written.map((p) => p.source));
    for (const p of written) {
      const shipped = spaceLoops.get(p.source) ?? p.source;
      expect(shipped, p.source.slice(0, 80)).toBe(loopSpaces(p.source));
    }
    for (const key of spaceLoops.keys()) expect(sources.has(key), key.slice(0, 80)).toBe(true);
  });

  test('every pattern is recorded, and most are rewritten', () => {
    expect(written.length).toBeGreaterThanOrEqual(55);
    const changed = written.filter((p) => loopSpaces(p.source) !== p.source).length;
    expect(changed).toBeGreaterThan(40);
  });

  // Text made of each pattern's own words, runs of one to five white-space characters of every kind, and
  // punctuation: at every start position, the rewritten pattern matches the same text with the same groups.
  test('each rewritten pattern matches the same at every position (property)', () => {
    let found = 0;
    const matched = new Set<RegExp>();
    for (const pattern of written) {
      const source = loopSpaces(pattern.source);
      if (source === pattern.source) continue;
      const words = [...new Set(pattern.source.match(/[A-Za-z]{1,20}/g) ?? [])].filter(
        (w) => !/^[swdbSuxpnrtWD]$/.test(w),
      );
      const word = fc.oneof(
        fc.constantFrom(...words),
        fc.constantFrom(...words).map((w) => w.toUpperCase()),
      );
      const gap = fc
        .array(fc.constantFrom(...white), { minLength: 1, maxLength: 5 })
        .map((a) => a.join(''));
      // A run of the pattern's words in its own order, white space between: what its phrases match.
      const inOrder = pattern.source.match(/[A-Za-z]{2,20}/g) ?? words;
      const phrase = fc
        .tuple(fc.nat(inOrder.length - 1), fc.array(gap, { minLength: 1, maxLength: 5 }))
        .map(([from, gaps]) =>
          inOrder
            .slice(from, from + gaps.length + 1)
            .map((w, k) => `${w}${gaps[k] ?? ''}`)
            .join(''),
        );
      const token = fc.oneof(
        { arbitrary: phrase, weight: 3 },
        { arbitrary: word, weight: 4 },
        { arbitrary: gap, weight: 4 },
        { arbitrary: fc.constantFrom(...other), weight: 1 },
      );
      fc.assert(
        fc.property(fc.array(token, { minLength: 1, maxLength: 14 }), (tokens) => {
          const text = tokens.join('');
          const before = anchored(pattern.source, pattern.flags, text);
          const after = anchored(source, pattern.flags, text);
          const hits = before.filter((m) => m !== null).length;
          found += hits;
          if (hits > 0) matched.add(pattern);
          expect(after, pattern.source.slice(0, 80)).toEqual(before);
        }),
        { numRuns: 500 },
      );
    }
    // Not vacuous: the texts do match.
    expect(found).toBeGreaterThan(1000);
    expect(matched.size).toBeGreaterThan(25);
  }, 240_000);
});
