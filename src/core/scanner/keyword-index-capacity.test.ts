import { describe, expect, test } from 'vitest';
import { createKeywordIndex } from './keyword-index.js';
import { buildTrie, keywordTrie } from './keyword-trie.js';
import { precomputedUse, recordTables, usePrecomputedTables } from './precomputed.js';

// The automaton's cells were two bytes with a bit for "keywords end here": 32,767 states at most, and the scanner's
// lexicons had reached that ("too many keywords for the index"). Now two-byte cells hold 65,535 states and larger
// automata get four-byte cells. These lists have exact state counts at and past both limits.

const letters = 'abcdefghijklmnopqrstuvwxyz';
const threes: string[] = [];
for (const a of letters) for (const b of letters) for (const c of letters) threes.push(a + b + c);
// The trie of every three-letter word: the root, 26 + 676 + 17,576 states.
const threeStates = 1 + 26 + 676 + 17576;

/** A keyword list whose trie has exactly `states` states: the three-letter words, then words one letter longer (one state each). */
function listWithStates(states: number): string[] {
  const list = [...threes];
  for (let k = 0; list.length - threes.length < states - threeStates; k++)
    list.push(`${threes[k % threes.length] ?? ''}${letters[Math.floor(k / threes.length)] ?? ''}`);
  return list;
}

const classesOf = (lowered: readonly string[]): Uint8Array => {
  const classes = new Uint8Array(0x10000);
  let next = 1;
  for (const kw of lowered)
    for (let j = 0; j < kw.length; j++) {
      const c = kw.charCodeAt(j);
      if (classes[c] === 0) classes[c] = next++;
    }
  return classes;
};

/** Every occurrence by lookup of each substring of three and four letters: start order, then list order. */
function naive(keywords: readonly string[], text: string): [number, number][] {
  const idOf = new Map(keywords.map((kw, id) => [kw, id]));
  const out: [number, number][] = [];
  for (let p = 0; p < text.length; p++) {
    const here: number[] = [];
    for (const len of [3, 4]) {
      const id =
        p + len <= text.length ? idOf.get(text.slice(p, p + len).toLowerCase()) : undefined;
      if (id !== undefined) here.push(id);
    }
    for (const id of here.sort((a, b) => a - b)) out.push([p, id]);
  }
  return out;
}

/** A text of letters from a fixed seed, with the list's last keywords (the deepest, last-numbered states) in it. */
function textFor(keywords: readonly string[]): string {
  let seed = 12345;
  let text = '';
  for (let i = 0; i < 4000; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    text += (seed >>> 16) % 9 === 0 ? ' ' : (letters[(seed >>> 8) % 26] ?? 'a');
    if (i % 400 === 0) text += ` ${(keywords[keywords.length - 1 - i / 400] ?? '').toUpperCase()} `;
  }
  return text;
}

describe('a keyword index at and past the old size limit', () => {
  for (const states of [32766, 32767, 32768, 65535, 65536, 70000]) {
    test(`of ${states} states builds and finds every occurrence`, () => {
      const keywords = listWithStates(states);
      expect(
        buildTrie(
          keywords,
          keywords.map((_, id) => id),
          classesOf(keywords),
        ).states,
      ).toBe(states);
      const index = createKeywordIndex(keywords);
      const text = textFor(keywords);
      const hits = index.find(text);
      const got = hits.start.map((s, k): [number, number] => [s, hits.keyword[k] ?? -1]);
      expect(got).toEqual(naive(keywords, text));
      // The same text again reads filled-in transitions only.
      expect(index.find(text)).toEqual(hits);
    });
  }

  test('of more than 65,536 states is carried by the bundle and gives the same trie', () => {
    const keywords = listWithStates(70000);
    const ids = keywords.map((_, id) => id);
    const classes = classesOf(keywords);
    const tables = recordTables(() => keywordTrie(keywords, ids, classes));
    usePrecomputedTables(tables);
    try {
      const before = precomputedUse();
      const taken = keywordTrie(keywords, ids, classes);
      expect(precomputedUse().precomputed - before.precomputed).toBe(1);
      expect(taken).toEqual(buildTrie(keywords, ids, classes));
    } finally {
      usePrecomputedTables(undefined);
    }
  });
});
