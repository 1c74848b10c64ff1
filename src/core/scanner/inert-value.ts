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
 * Scan limits at or above which a value `isInertValue` accepts is read in one step of the
 * scanner (64 nodes of at most 17 characters: at most 64 × (3 × 16 + 17) of the scan job's
 * units of work),
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
export const isInertValue = (value: unknown): boolean => walk(value, MAX_NODES) >= 0;

/** Nodes left after walking `value`, or −1 when it is not inert. */
const walk = (value: unknown, budget: number): number => {
  if (budget <= 0) return -1;
  switch (typeof value) {
    case 'string':
      return isInertText(value) ? budget - 1 : -1;
    case 'number':
    case 'boolean':
    case 'undefined':
      return budget - 1;
    case 'object': {
      if (value === null) return budget - 1;
      let left = budget - 1;
      if (Array.isArray(value)) {
        for (const item of value as readonly unknown[]) {
          left = walk(item, left);
          if (left < 0) return -1;
        }
        return left;
      }
      const record = value as Readonly<Record<string, unknown>>;
      for (const key of Object.keys(record)) {
        // A key is a string the scanner reads too.
        if (!isInertText(key) || --left <= 0) return -1;
        left = walk(record[key], left);
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
