import { PRECOMPUTED_JSON } from './precomputed-data.js';

// Building the scanner writes thousands of keywords from the lexicons' stems (their spellings, case
// forms and view forms): tens of milliseconds of CPU on every start, always with the same result for
// the same stems. The bundle carries that result, computed when it was built from the same sources
// (scripts/precompute-scanner.js), each list under the exact input it was written from: a lookup with
// any other input finds nothing and computes, so changed stems can never meet a stale list.

/** The tables as the bundle carries them: [input, keywords] pairs. */
export interface PrecomputedTables {
  readonly keywords: readonly (readonly [string, readonly string[]])[];
}

let loaded: ReadonlyMap<string, readonly string[]> | undefined;
let recording: Map<string, readonly string[]> | undefined;
const used = { precomputed: 0, computed: 0 };

const tables = (): ReadonlyMap<string, readonly string[]> => {
  if (loaded === undefined) {
    const parsed =
      PRECOMPUTED_JSON === undefined
        ? undefined
        : (JSON.parse(PRECOMPUTED_JSON) as PrecomputedTables);
    loaded = new Map(parsed?.keywords ?? []);
  }
  return loaded;
};

/** The input key of a lexicon list's keywords: its language and its stems. */
export const keywordsKey = (lang: string, stems: readonly string[]): string =>
  `${lang}\u0000${stems.join('\u0000')}`;

/** The keywords computed for `key` when the bundle was built, else `make()`'s. */
export function precomputedKeywords(key: string, make: () => string[]): string[] {
  const found = recording === undefined ? tables().get(key) : undefined;
  if (found !== undefined) {
    used.precomputed++;
    return [...found];
  }
  used.computed++;
  const made = make();
  recording?.set(key, [...made]);
  return made;
}

/** How many lists came from the bundle's tables and how many were computed, so far. */
export const precomputedUse = (): { readonly precomputed: number; readonly computed: number } => ({
  ...used,
});

/**
 * Runs `build` (which builds a scanner) with every table computed, none taken, and returns what it
 * computed: the bundle's tables (scripts/precompute-scanner.js).
 */
export function recordTables(build: () => void): PrecomputedTables {
  recording = new Map();
  try {
    build();
    return { keywords: [...recording] };
  } finally {
    recording = undefined;
  }
}

/** Takes `tables` as if the bundle carried them, for tests; undefined goes back to the bundle's own. */
export function usePrecomputedTables(given: PrecomputedTables | undefined): void {
  loaded = given === undefined ? undefined : new Map(given.keywords);
}
