/** An inclusive range of code points, `[first, last]`. */
export type CodePointRange = readonly [number, number];

/**
 * Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt, unchanged since
 * Unicode 6.2): characters that render as nothing and that text processes (IDNA, search,
 * normalising views) may drop. The one table the scanner, URL reading and approval prompts
 * start from; each adds the characters its own concern needs (escapes, IDNA deviations, line
 * separators).
 */
export const DEFAULT_IGNORABLE: readonly CodePointRange[] = [
  [0x00ad, 0x00ad], // soft hyphen
  [0x034f, 0x034f], // combining grapheme joiner
  [0x061c, 0x061c], // Arabic letter mark
  [0x115f, 0x1160], // Hangul choseong/jungseong fillers
  [0x17b4, 0x17b5], // Khmer inherent vowels
  [0x180b, 0x180f], // Mongolian variation selectors and vowel separator
  [0x200b, 0x200f], // zero-width space, joiners, LRM/RLM
  [0x202a, 0x202e], // bidi embeddings and overrides
  [0x2060, 0x206f], // word joiner, invisible operators, bidi isolates, deprecated format chars
  [0x3164, 0x3164], // Hangul filler
  [0xfe00, 0xfe0f], // variation selectors
  [0xfeff, 0xfeff], // zero-width no-break space (BOM)
  [0xffa0, 0xffa0], // halfwidth Hangul filler
  [0xfff0, 0xfff8], // unassigned, reserved as ignorable
  [0x1bca0, 0x1bca3], // shorthand format controls
  [0x1d173, 0x1d17a], // musical symbol format controls
  [0xe0000, 0xe0fff], // tag characters, variation selectors supplement, reserved
];

/** True when `code` falls in one of `ranges` (a short linear walk: the tables are small). */
export const inRanges = (ranges: readonly CodePointRange[], code: number): boolean => {
  for (const [first, last] of ranges) if (code >= first && code <= last) return true;
  return false;
};

/** True for a default-ignorable code point. */
export const isDefaultIgnorable = (code: number): boolean => inRanges(DEFAULT_IGNORABLE, code);
