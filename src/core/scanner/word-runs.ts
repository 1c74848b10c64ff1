// Runs of 4 to 24 ASCII letters that are not part of a longer word or an identifier: the words a topic is made of
// (register-shift.ts compares a request's words with those around it). A text's runs are read block by block as
// spans ask for them and kept, each as the number its caller gives the word: spans that overlap (the 3,000
// characters around each of several requests) read each character once instead of once per span.

const blockChars = 1024;
const maxRun = 24;

interface Block {
  readonly starts: number[];
  readonly ends: number[];
  /** The caller's number for each run (its lower-case form given). */
  readonly ids: number[];
}

function isLetter(c: number): boolean {
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x7a;
}

// What may not touch a run: a letter, a digit or `_` (a NaN, past either end of the text, is none).
function isWordChar(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/**
 * The runs `/(?<![A-Za-z0-9_])[A-Za-z]{4,24}(?![A-Za-z0-9_])/g` finds in a text, read lazily: a maximal run of
 * letters of that length, with no digit or `_` on either side.
 */
export class WordRuns {
  private readonly blocks: (Block | undefined)[] = [];

  /** `idOf` numbers a run, given in lower case; it is asked once per run. */
  constructor(
    private readonly text: string,
    private readonly idOf: (word: string) => number,
  ) {}

  /** Calls `into` with the number of each run in [start, end), in text order; stops at the first run crossing `end`. */
  each(start: number, end: number, into: (id: number) => void): void {
    const last = Math.floor((Math.min(end, this.text.length) - 1) / blockChars);
    for (let b = Math.floor(start / blockChars); b <= last; b++) {
      const { starts, ends, ids } = this.block(b);
      for (let k = 0; k < starts.length; k++) {
        const s = starts[k] ?? 0;
        if (s < start) continue;
        if (s >= end || (ends[k] ?? 0) > end) return;
        into(ids[k] ?? 0);
      }
    }
  }

  /**
   * The runs `each` gives for [lo, mid) and for [mid2, hi) (mid <= mid2), read block by block outward from the gap
   * between them, a block of each side in turn, until `into` returns true (then true). Counts that only grow as runs
   * are read can stop early on a bound this way without reading the far blocks, or ever building them.
   */
  someOutward(
    lo: number,
    mid: number,
    mid2: number,
    hi: number,
    into: (id: number) => boolean,
  ): boolean {
    const end = Math.min(hi, this.text.length);
    const firstBefore = Math.floor(lo / blockChars);
    let before = mid > lo ? Math.floor((Math.min(mid, this.text.length) - 1) / blockChars) : -1;
    let after = mid2 < end ? Math.floor(mid2 / blockChars) : Infinity;
    const lastAfter = Math.floor((end - 1) / blockChars);
    while (before >= firstBefore || after <= lastAfter) {
      if (before >= firstBefore && this.runsIn(before--, lo, mid, into)) return true;
      if (after <= lastAfter && this.runsIn(after++, mid2, end, into)) return true;
    }
    return false;
  }

  // Block b's runs that lie in [start, end) (start at or after `start`, end at or before `end`), as `each` takes them.
  private runsIn(b: number, start: number, end: number, into: (id: number) => boolean): boolean {
    const { starts, ends, ids } = this.block(b);
    for (let k = 0; k < starts.length; k++) {
      const s = starts[k] ?? 0;
      if (s < start) continue;
      if (s >= end || (ends[k] ?? 0) > end) return false;
      if (into(ids[k] ?? 0)) return true;
    }
    return false;
  }

  // The runs that start in block b.
  private block(b: number): Block {
    const ready = this.blocks[b];
    if (ready) return ready;
    const text = this.text;
    const n = text.length;
    const from = b * blockChars;
    const to = Math.min(n, from + blockChars);
    const block: Block = { starts: [], ends: [], ids: [] };
    let i = from;
    // A run that began in an earlier block is that block's.
    if (isLetter(text.charCodeAt(i - 1))) while (i < to && isLetter(text.charCodeAt(i))) i++;
    while (i < to) {
      if (!isLetter(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && j - i <= maxRun && isLetter(text.charCodeAt(j))) j++;
      if (j - i > maxRun) {
        // Too long to be a word: skip the rest of it within this block.
        while (j < to && isLetter(text.charCodeAt(j))) j++;
      } else if (
        j - i >= 4 &&
        !isWordChar(text.charCodeAt(i - 1)) &&
        !isWordChar(text.charCodeAt(j))
      ) {
        block.starts.push(i);
        block.ends.push(j);
        block.ids.push(this.idOf(text.slice(i, j).toLowerCase()));
      }
      i = j;
    }
    this.blocks[b] = block;
    return block;
  }
}
