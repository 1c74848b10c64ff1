import type { Severity } from './finding.js';

/** The six scanner layers of DESIGN §8, plus secrets (part of exfiltration) and the weak signals the combiner weighs. */
export type Layer =
  'hidden' | 'role' | 'override' | 'directive' | 'poisoning' | 'exfil' | 'secret' | 'signal';

/** Where a string was found; tool descriptions weigh poisoning cues more heavily than results do. */
export type Surface = 'description' | 'content';

/** One row of the detector table: a bounded regex guarded by keywords that occur in every match. */
export interface PatternDetector {
  readonly id: string;
  readonly layer: Layer;
  readonly severity: Severity;
  /** Severity when the text is part of a tool definition; defaults to `severity`. */
  readonly descriptionSeverity?: Severity;
  /** Runs only on tool definitions (and server instructions): a cue that is ordinary in a tool result. */
  readonly descriptionOnly?: boolean;
  /** Lowercase literals (3+ chars); every match contains at least one, so the regex only runs near them. */
  readonly keywords: readonly string[];
  /** Global regex with every quantifier bounded. */
  readonly pattern: RegExp;
  /** Longest possible match, used to size the window around each keyword hit. */
  readonly maxLength: number;
  readonly message: string;
  /**
   * Keywords and pattern are written in the normalised view's form already, and are built on first use: the
   * scanner takes the detector as it is and reads its pattern only at a keyword hit.
   */
  readonly viewForm?: boolean;
  /** Extra check on a match (e.g. does the URL query carry data?). */
  readonly verify?: (match: RegExpExecArray) => boolean;
}

/** Build a global regex from a source string; `flags` adds to `g`. */
export function rx(source: string, flags = 'i'): RegExp {
  return new RegExp(source, `g${flags}`);
}

/**
 * `i`, plus `u` only when the source needs it (`\p{…}` classes, `\u{…}` escapes): a Unicode-mode case-insensitive
 * regex runs about four times slower, and without `u` case folding still covers the letters of other scripts.
 */
export function caseInsensitive(source: string): string {
  return /\\[pP]\{|\\u\{/.test(source) ? 'iu' : 'i';
}

/** Whitespace between words, bounded. */
export const S = '[ \\t]{1,3}';
