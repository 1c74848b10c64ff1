/**
 * Longest word the shortcut takes: a word this short holds no phrase, no secret (the shortest
 * secret pattern is longer), no encoded payload (runs of 24 and more), and none of the single
 * words the scanner weighs on their own (`quietly`, `secretly`, `unnoticed`: 7 letters and up).
 */
const MAX_TEXT = 6;

/**
 * Longer words that are MCP's own vocabulary, in every tool result (the test scans each of
 * them): the member names of a result and its content items.
 */
export const PROTOCOL_WORDS: ReadonlySet<string> = new Set([
  'content',
  'isError',
  'structuredContent',
  'mimeType',
  'resource',
  'annotations',
]);
const LONGEST_WORD = Math.max(...[...PROTOCOL_WORDS].map((word) => word.length));
/** Most nodes (keys, strings, numbers, containers) the shortcut walks. */
const MAX_NODES = 64;

/**
 * Scan limits at or above which a value `isInertValue` or `createInertCheck` accepts is read in
 * one step of the scanner (64 nodes of at most 64 characters: at most 64 × (3 × 16 + 64) of the
 * scan job's units of work),
 * whatever its clock says: below them, the scan itself decides (it may stop early).
 */
export const INERT_VALUE_MIN_LIMIT = 8192;

/**
 * True for a value so small and plain that the scanner cannot flag any of it, so the hot path
 * may skip building a scan for it: at most 64 nodes (keys included), and every string in it,
 * object keys included, at most 6 ASCII letters and digits (`hello`, `ok`, `text`, `a1b2`) or
 * one of MCP's own member names (`content`, `isError`).
 * Nothing the scanner reads works on such a word: no hidden or unusual character, no space or
 * punctuation for a phrase, a path, a URL or an address, too short for a secret or an encoded
 * payload. `inert-value.test.ts` holds this against the full scan, including every keyword the
 * scanner's layers start from, in every form that fits; a scanner change that ever flags such
 * a word fails there.
 */
export const isInertValue = (value: unknown): boolean => walk(value, MAX_NODES, isInertText) >= 0;

/** Longest word the scanner is asked about on its own (`createInertCheck`). */
const MAX_WORD = 64;
/** Words remembered per scanner; past it the memory starts over. */
const MEMO_SIZE = 4096;
/** Words not yet remembered that one value may ask the scanner about before it is scanned whole. */
const ASKS_PER_VALUE = 8;

/**
 * `isInertValue` widened by what the scanner itself says of single words: a value whose every
 * string (keys included) is a short word or a word of up to 64 printable ASCII characters
 * without a space that `quietText` clears (no layer of the text scan reports anything on it, before
 * grading), e.g. `{"message":"hello"}` or `{"path":"README.md"}`. Sound by the scanner's shape,
 * not by a list of words: a value scan reports the union of each string's own text scan, graded
 * together (nothing to grade: nothing reported), plus a joined read of its strings that only prose
 * enters (a string with a space), and none of these strings has one. `inert-value.test.ts` holds
 * this against the full scan with words the scanner does flag mixed in. Each answer is remembered
 * (so a word costs one text scan per scanner, not one per call), and only a value whose every
 * string could pass asks, about at most 8 new words: a value of many unknown words costs a
 * bounded amount before its full scan.
 */
export const createInertCheck = (
  quietText: (text: string) => boolean,
): ((value: unknown) => boolean) => {
  const memo = new Map<string, boolean>();
  let asks = 0;
  const inertText = (text: string): boolean => {
    if (isInertText(text)) return true;
    if (text.length > MAX_WORD || !isPlainWord(text)) return false;
    const known = memo.get(text);
    if (known !== undefined) return known;
    if (++asks > ASKS_PER_VALUE) return false;
    const quiet = quietText(text);
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(text, quiet);
    return quiet;
  };
  return (value) => {
    // Asking costs a text scan per new word: only a value whose every string could pass asks.
    if (walk(value, MAX_NODES, couldBeInert) < 0) return false;
    asks = 0;
    return walk(value, MAX_NODES, inertText) >= 0;
  };
};

const couldBeInert = (text: string): boolean =>
  isInertText(text) || (text.length <= MAX_WORD && isPlainWord(text));

/** Printable ASCII without a space: one word to the joined read, whatever its characters. */
const isPlainWord = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  return true;
};

/** Nodes left after walking `value`, or −1 when it is not inert. */
const walk = (value: unknown, budget: number, inertText: (text: string) => boolean): number => {
  if (budget <= 0) return -1;
  switch (typeof value) {
    case 'string':
      return inertText(value) ? budget - 1 : -1;
    case 'number':
    case 'boolean':
    case 'undefined':
      return budget - 1;
    case 'object': {
      if (value === null) return budget - 1;
      let left = budget - 1;
      if (Array.isArray(value)) {
        for (const item of value as readonly unknown[]) {
          left = walk(item, left, inertText);
          if (left < 0) return -1;
        }
        return left;
      }
      const record = value as Readonly<Record<string, unknown>>;
      // for…in, not Object.keys: a parsed object's keys come from V8's enum cache, no array per
      // object; own keys only, as Object.keys gives them.
      for (const key in record) {
        if (!Object.hasOwn(record, key)) continue;
        // A key is a string the scanner reads too.
        if (!inertText(key) || --left <= 0) return -1;
        left = walk(record[key], left, inertText);
        if (left < 0) return -1;
      }
      return left;
    }
    case 'bigint':
    case 'function':
    case 'symbol':
      return -1;
  }
};

const isInertText = (text: string): boolean => {
  // Length first: looking a long string up in a set would hash all of it.
  if (text.length > MAX_TEXT) return text.length <= LONGEST_WORD && PROTOCOL_WORDS.has(text);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // 0-9, A-Z, a-z
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)))
      return false;
  }
  return true;
};
