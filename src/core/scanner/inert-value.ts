/** Most nodes (keys, strings, numbers, containers) the shortcut walks. */
const MAX_NODES = 64;

/**
 * Scan limits at or above which a value `createInertCheck` accepts is read in one step of the
 * scanner (64 nodes of at most 64 characters: at most 64 × (3 × 16 + 64) of the scan job's units
 * of work), whatever its clock says: below them, the scan itself decides (it may stop early, and
 * then reports `scan.incomplete`).
 */
export const INERT_VALUE_MIN_LIMIT = 8192;

/** Longest word the scanner is asked about on its own. */
const MAX_WORD = 64;
/** Words remembered per scanner; past it the memory starts over. */
const MEMO_SIZE = 4096;
/** Words not yet remembered that one value may ask the scanner about before it is scanned whole. */
const ASKS_PER_VALUE = 8;

/**
 * A check for values too small and plain to need a scan of their own: at most 64 nodes (keys
 * included), and every non-empty string in it, object keys included, a word of up to 64
 * printable ASCII characters without a space that `quietText` clears, i.e. on which no layer of
 * the text scan reports anything at all, of any severity, before grading
 * (`{"message":"hello"}`, `{"path":"README.md"}`). Every word is asked, however short: no word
 * passes by its shape alone (a six-letter word can be a cue in another language, `isipin`, or a
 * keyword in leetspeak, `byp455`).
 *
 * Sound by the scanner's shape, not by a list of words. A value's scan (`Scanner.startValue`)
 * reads each non-empty string and key with the same text scan `quietText` runs (content surface;
 * a value gets no per-string check of a tool definition's kind), keeps at most what that scan
 * found (dedupe and the per-field cap only drop), adds a joined read of its strings that only
 * strings with a space enter, and grades what it found together: when every string's own scan
 * finds nothing and none has a space, there is nothing to join and nothing to grade, and
 * grading nothing gives nothing. An empty string is skipped by the scan, so it needs no
 * answer. (The grading is why "quiet" must mean nothing found before grading, not nothing
 * reported after it: two weak cues, each dropped when graded alone, are kept when graded
 * together.) `inert-value.test.ts` holds this against the full scan with fast-check, on values
 * mixing every scanner keyword in every form with cue words across keys and values.
 *
 * Each answer is remembered (a word costs one text scan per scanner, not one per call), and a
 * value asks only once every one of its strings could pass, about at most 8 new words: a value
 * of many unknown words costs a bounded amount before its full scan.
 */
export const createInertCheck = (
  quietText: (text: string) => boolean,
): ((value: unknown) => boolean) => {
  const memo = new Map<string, boolean>();
  // This value's words not yet remembered, and whether it has more than can be asked.
  const pending: string[] = [];
  let overflow = false;
  const inertText = (text: string): boolean => {
    // Length first: looking a long string up would hash all of it.
    if (text.length > MAX_WORD) return false;
    // The scan reads no empty string or key.
    if (text.length === 0) return true;
    const known = memo.get(text);
    if (known !== undefined) return known;
    if (!isPlainWord(text)) return false;
    if (pending.length < ASKS_PER_VALUE) {
      if (!pending.includes(text)) pending.push(text);
    } else if (!pending.includes(text)) overflow = true;
    // Asked once the whole value has been walked: a value with a string that cannot pass asks nothing.
    return true;
  };
  let loneWords = 0;
  const inertValue = (text: string): boolean =>
    inertText(text) && !(asciiLoneWord.test(text) && ++loneWords >= JOINED_LONE_WORDS);
  return (value) => {
    pending.length = 0;
    overflow = false;
    loneWords = 0;
    if (walk(value, MAX_NODES, inertText, inertValue) < 0) return false;
    for (const word of pending) {
      const quiet = quietText(word);
      if (memo.size >= MEMO_SIZE) memo.clear();
      memo.set(word, quiet);
      if (!quiet) return false;
    }
    // Past 8 new words the value is scanned whole; the next one like it finds these 8 known.
    return !overflow;
  };
};

/**
 * Values (not keys) that are lone words, from this many on, are joined and read as one text even with no string
 * holding a space (scanner.ts: an order cut one word per field, `{"a":"ignore","b":"all",…}`): a value holding
 * this many ASCII words is no inert one.
 */
export const JOINED_LONE_WORDS = 5;
const asciiLoneWord = /^[A-Za-z',.!?-]{2,}$/;

/** Printable ASCII without a space: one word to the joined read, whatever its characters. */
const isPlainWord = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  return true;
};

/** Nodes left after walking `value`, or −1 when it is not inert. */
const walk = (
  value: unknown,
  budget: number,
  inertText: (text: string) => boolean,
  inertValue: (text: string) => boolean,
): number => {
  if (budget <= 0) return -1;
  switch (typeof value) {
    case 'string':
      return inertValue(value) ? budget - 1 : -1;
    case 'number':
    case 'boolean':
    case 'undefined':
      return budget - 1;
    case 'object': {
      if (value === null) return budget - 1;
      let left = budget - 1;
      if (Array.isArray(value)) {
        for (const item of value as readonly unknown[]) {
          left = walk(item, left, inertText, inertValue);
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
        left = walk(record[key], left, inertText, inertValue);
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
