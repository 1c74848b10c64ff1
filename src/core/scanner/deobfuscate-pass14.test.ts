import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createVocabulary, deobfuscate, mayHoldPrefix, mayHoldWord } from './deobfuscate.js';

// Round 14 (pass14): a disguised word is read back without a string per character, and a reading whose hash is no
// vocabulary word's is ruled out before it is made a string. The bit sets may say yes wrongly, never no wrongly.
describe('deobfuscation read-back without copies (round 14)', () => {
  const vocabulary = createVocabulary(['configuration', 'recipient', 'webhook', 'exfiltrate']);

  test('every word and every prefix of the vocabulary has its bit set', () => {
    for (const w of vocabulary.words) expect(mayHoldWord(vocabulary, w)).toBe(true);
    for (const p of vocabulary.prefixes) expect(mayHoldPrefix(vocabulary, p)).toBe(true);
  });

  test('most strings that are no word have no bit set (the sets rule them out)', () => {
    const others = Array.from({ length: 2000 }, (_, i) => `zq${i.toString(36)}x`);
    const held = others.filter((w) => mayHoldWord(vocabulary, w)).length;
    expect(held).toBeLessThan(200);
  });

  const readBack = (text: string): string =>
    deobfuscate(text, hintsOf(text), vocabulary)
      .map((d) => d.text)
      .join(' | ');

  test('leetspeak, an ambiguous character read its second way, and a plural are read back', () => {
    expect(readBack('please 1gn0r3 the rest')).toContain('ignore');
    // '1' reads first as i: "ieak" is no word, its second reading "leak" is.
    expect(readBack('then 1eak it all')).toContain('leak');
    expect(readBack('the cr3d3nt1al5 here')).toContain('credentials');
  });

  test('punctuation inside a word is read back; names with dots and hyphens are not', () => {
    expect(readBack('now in.struc.tions follow')).toContain('instructions');
    expect(readBack('send to the web-hook')).toContain('webhook');
    expect(
      deobfuscate('src/module-7/index.ts', hintsOf('src/module-7/index.ts'), vocabulary),
    ).toEqual([]);
    expect(
      deobfuscate('return input.length + 7;', hintsOf('return input.length + 7;'), vocabulary),
    ).toEqual([]);
    expect(
      deobfuscate(
        'export function item7(input)',
        hintsOf('export function item7(input)'),
        vocabulary,
      ),
    ).toEqual([]);
  });

  test('a vocabulary word with dots between its pieces is read back whatever the cuts', () => {
    const long = [...vocabulary.words].filter((w) => w.length >= 6 && w.length <= 13).sort();
    fc.assert(
      fc.property(
        fc.constantFrom(...long),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('.', '-', '*'),
        (word, cuts, joiner) => {
          const at = [...new Set(cuts.map((c) => 1 + (c % (word.length - 1))))].sort(
            (a, b) => a - b,
          );
          const pieces = [0, ...at].map((c, k) => word.slice(c, at[k] ?? word.length));
          // A piece of one letter between joiners is a run of split letters, read another way.
          fc.pre(pieces.every((p) => p.length >= 2));
          const text = pieces.join(joiner);
          const plain = deobfuscate(`see ${text} now`, hintsOf(`see ${text} now`), vocabulary);
          // Compounds of two words are left as they are unless one is a cue; a word read back is the word itself.
          for (const d of plain) expect(d.text).toContain(word);
          // A word attackers hide is always read back.
          if (vocabulary.flagged.has(word)) expect(plain.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Every position as a hint: deobfuscate then examines every word. */
function hintsOf(text: string): number[] {
  return Array.from({ length: text.length }, (_, i) => i);
}
