import { PRECOMPUTED_JSON } from './precomputed-data.js';

// Building the scanner writes thousands of keywords from the lexicons' stems (their spellings, case
// forms and view forms) and builds the keyword automaton's trie: tens of milliseconds of CPU on every
// start, always with the same result for the same input. The bundle carries those results, computed
// when it was built from the same sources (scripts/precompute-scanner.js), each under its input: a
// keyword list under the exact stems it was written from, a trie (keyword-trie.ts, as text) under a
// digest of its keywords. A lookup with any other input finds nothing and computes, so changed stems
// or keywords can never meet a stale table.

/** The tables as the bundle carries them: [input, keywords] pairs and [input, text] pairs. */
export interface PrecomputedTables {
  readonly keywords: readonly (readonly [string, readonly string[]])[];
  readonly texts?: readonly (readonly [string, string])[];
}

let loaded: ReadonlyMap<string, readonly string[]> | undefined;
let loadedTexts: ReadonlyMap<string, string> | undefined;
let recording: Map<string, readonly string[]> | undefined;
let recordingTexts: Map<string, string> | undefined;
const used = { precomputed: 0, computed: 0 };

const parsedTables = (): PrecomputedTables | undefined =>
  PRECOMPUTED_JSON === undefined ? undefined : (JSON.parse(PRECOMPUTED_JSON) as PrecomputedTables);

const tables = (): ReadonlyMap<string, readonly string[]> => {
  if (loaded === undefined) {
    const parsed = parsedTables();
    loaded = new Map(parsed?.keywords ?? []);
    loadedTexts ??= new Map(parsed?.texts ?? []);
  }
  return loaded;
};

const texts = (): ReadonlyMap<string, string> => {
  if (loadedTexts === undefined) tables();
  loadedTexts ??= new Map();
  return loadedTexts;
};

/** The text computed for `key` when the bundle was built (none while recording). */
export function precomputedText(key: string): string | undefined {
  if (recordingTexts !== undefined) return undefined;
  const found = texts().get(key);
  if (found !== undefined) used.precomputed++;
  else used.computed++;
  return found;
}

/** While recording the bundle's tables (recordTables), keeps `make()` under `key`. */
export function recordText(key: string, make: () => string): void {
  recordingTexts?.set(key, make());
}

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
  recordingTexts = new Map();
  try {
    build();
    return { keywords: [...recording], texts: [...recordingTexts] };
  } finally {
    recording = undefined;
    recordingTexts = undefined;
  }
}

/** Takes `tables` as if the bundle carried them, for tests; undefined goes back to the bundle's own. */
export function usePrecomputedTables(given: PrecomputedTables | undefined): void {
  loaded = given === undefined ? undefined : new Map(given.keywords);
  loadedTexts = given === undefined ? undefined : new Map(given.texts ?? []);
}
