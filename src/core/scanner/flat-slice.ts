/**
 * Pieces of a long string as flat strings. `text.slice(from, to)` does not copy: V8 gives a
 * sliced string that reads through its parent, and the scanner's character loops read such a
 * string ~10 % slower than a flat one (the 1 MB bench text in 64 Ki pieces: 12.9 against 11.7 ms
 * of CPU, the copies included; docs/performance.md, "Round 12: large results"). A piece copied
 * into one scratch array and decoded back is flat, and the same characters.
 *
 * Only text of one-byte characters (U+0000–U+00FF) is copied: for text of other scripts the copy
 * saved nothing (106.5 against 105.6 ms per MB of Cyrillic, Chinese and emoji), and such a
 * string is told from a one-byte one in constant time (below).
 */

/** Characters a flat slice may hold (longer slices stay views of their parent). */
export const flatSliceMaxChars = 80 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** UTF-8 of one slice (2 bytes per one-byte character at most). Made on the first long string, kept. */
let scratch: Uint8Array | undefined;
/**
 * A character past U+00FF. V8 keeps a string of one-byte characters in a one-byte form, which this
 * pattern cannot match: the test answers at once, without reading it.
 */
const wide = /[\u0100-\uffff]/;

/**
 * `text.slice(from, to)` as a flat string: the same characters, copied. A slice over
 * `flatSliceMaxChars`, or holding a character past U+00FF, is returned as `slice` returns it.
 */
export function flatSlice(text: string, from: number, to: number): string {
  const slice = text.slice(from, to);
  if (slice.length > flatSliceMaxChars || wide.test(slice)) return slice;
  scratch ??= new Uint8Array(2 * flatSliceMaxChars);
  const { read, written } = encoder.encodeInto(slice, scratch);
  return read === slice.length ? decoder.decode(scratch.subarray(0, written)) : slice;
}
