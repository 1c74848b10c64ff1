import { describe, expect, test } from 'vitest';
import { WordRuns } from './word-runs.js';

// The definition WordRuns reads without a regex: runs of four to 24 Latin letters, not inside a longer word or an
// identifier, read from `start` until the first run that crosses `end`.
const wordRun = /(?<![A-Za-z0-9_])[A-Za-z]{4,24}(?![A-Za-z0-9_])/g;
function byRegex(text: string, start: number, end: number): string[] {
  const out: string[] = [];
  wordRun.lastIndex = start;
  for (let m = wordRun.exec(text); m && m.index < end; m = wordRun.exec(text)) {
    if (m.index + m[0].length > end) break;
    out.push(m[0].toLowerCase());
  }
  return out;
}
// Numbers each word by its place in a list of the words seen.
function numbered(text: string): { runs: WordRuns; words: string[] } {
  const words: string[] = [];
  return { runs: new WordRuns(text, (w) => words.push(w) - 1), words };
}
function byRuns(text: string | ReturnType<typeof numbered>, start: number, end: number): string[] {
  const { runs, words } = typeof text === 'string' ? numbered(text) : text;
  const out: string[] = [];
  runs.each(start, end, (id) => out.push(words[id] ?? '?'));
  return out;
}

// A small deterministic generator: the same texts on every run.
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}
const pieces = [
  'the ',
  'Send ',
  'assistant',
  'x',
  'abcdefghijklmnopqrstuvwxyzab',
  'ABCDEFGHIJKLMNOPQRSTUVWX',
  'word_',
  '_word',
  'v2word',
  'word9',
  ' ',
  '\n',
  '.',
  '-',
  'é',
  'naïve',
  'please',
  'a'.repeat(1500),
  'Ignore',
  "don't",
];

describe('WordRuns', () => {
  test('reads the same words as the regex it replaces, from any start to any end', () => {
    const next = random(11);
    for (let t = 0; t < 200; t++) {
      let text = '';
      while (text.length < 1500 + t * 40) text += pieces[Math.floor(next() * pieces.length)] ?? '';
      const runs = numbered(text);
      for (let q = 0; q < 30; q++) {
        const start = Math.floor(next() * text.length);
        const end = Math.min(text.length, start + Math.floor(next() * 4000));
        expect(byRuns(runs, start, end)).toEqual(byRegex(text, start, end));
      }
      expect(byRuns(text, 0, text.length)).toEqual(byRegex(text, 0, text.length));
    }
  });

  test('a word on a block edge and a run too long to be a word', () => {
    const text = `${'x '.repeat(511)}edge${' '.repeat(10)}${'b'.repeat(3000)} tail`;
    expect(byRuns(text, 0, text.length)).toEqual(['edge', 'tail']);
    // "edge" starts at 1022 and crosses the first block's end (1024).
    expect(byRuns(text, 1022, text.length)).toEqual(['edge', 'tail']);
    expect(byRuns(text, 1023, text.length)).toEqual(['tail']);
    expect(byRuns(text, 1022, 1025)).toEqual([]);
  });
});
