import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createKeywordIndex } from './keyword-index.js';
import { buildTrie, keywordTrie } from './keyword-trie.js';
import { precomputedUse, recordTables, usePrecomputedTables } from './precomputed.js';

/** Character classes in order of first use, as the automaton numbers them. */
function classesOf(lowered: readonly string[]): Uint8Array {
  const classes = new Uint8Array(0x10000);
  let next = 1;
  for (const kw of lowered)
    for (let j = 0; j < kw.length; j++) {
      const c = kw.charCodeAt(j);
      if (classes[c] === 0) classes[c] = next++;
    }
  return classes;
}

/** The trie as carried by a bundle: recorded, then taken from the recorded tables. */
function carried(lowered: readonly string[], ids: readonly number[]) {
  const classes = classesOf(lowered);
  const tables = recordTables(() => keywordTrie(lowered, ids, classes));
  expect(tables.texts).toHaveLength(1);
  usePrecomputedTables(tables);
  try {
    const before = precomputedUse();
    const taken = keywordTrie(lowered, ids, classes);
    expect(precomputedUse().precomputed - before.precomputed).toBe(1);
    return { taken, built: buildTrie(lowered, ids, classes), tables };
  } finally {
    usePrecomputedTables(undefined);
  }
}

const keywordList = fc.uniqueArray(fc.stringMatching(/^[a-z .'-]{1,12}$/), {
  minLength: 1,
  maxLength: 300,
});

describe('a keyword trie carried by the bundle', () => {
  test('is the trie built from the same keywords (every array)', () => {
    fc.assert(
      fc.property(keywordList, (lowered) => {
        const ids = lowered.map((_, id) => id).filter((id) => id % 5 !== 3);
        const { taken, built } = carried(lowered, ids);
        expect(taken).toEqual(built);
      }),
      { numRuns: 60 },
    );
  });

  test('is the trie of a list with more states than a byte counts', () => {
    const lowered = Array.from(
      { length: 1500 },
      (_, i) => `kw${(i * 7919).toString(36)}x${i % 97}`,
    );
    const ids = lowered.map((_, id) => id);
    const { taken, built } = carried(lowered, ids);
    expect(taken.states).toBeGreaterThan(255 * 4);
    expect(taken).toEqual(built);
  });

  test('is taken only for the exact keywords it was built from', () => {
    const lowered = ['ignore', 'previous', 'instructions', 'ignored'];
    const ids = [0, 1, 2, 3];
    const { tables } = carried(lowered, ids);
    usePrecomputedTables(tables);
    try {
      for (const [other, otherIds] of [
        [['ignore', 'previous', 'instructionz', 'ignored'], ids],
        [lowered, [0, 1, 2]],
        [lowered, [1, 0, 2, 3]],
        [
          [...lowered, 'more'],
          [...ids, 4],
        ],
      ] as const) {
        const before = precomputedUse();
        const trie = keywordTrie(other, otherIds, classesOf(other));
        expect(precomputedUse().computed - before.computed).toBe(1);
        expect(trie).toEqual(buildTrie(other, otherIds, classesOf(other)));
      }
    } finally {
      usePrecomputedTables(undefined);
    }
  });

  test('gives an index with the same hits as one built at run time', () => {
    const keywords = ['ignore', 'Previous', 'instructions', 'ignore all', 'all', 'são', 'ore'];
    const texts = [
      'Please IGNORE all previous instructions and ignore all of them.',
      'ore ore ignoreignore são paulo',
      '',
    ];
    const fresh = createKeywordIndex(keywords);
    const tables = recordTables(() => createKeywordIndex(keywords));
    usePrecomputedTables(tables);
    try {
      const before = precomputedUse();
      const taken = createKeywordIndex(keywords);
      expect(precomputedUse().precomputed - before.precomputed).toBe(1);
      for (const text of texts) expect(taken.find(text)).toEqual(fresh.find(text));
    } finally {
      usePrecomputedTables(undefined);
    }
  });
});
