import { ansiSequenceAt, isEscapeStart } from './ansi.js';
import { isInvisible, isTag, nextHiddenCandidate } from './hidden.js';

/** Normalised text plus, when it differs from the raw text, segments mapping its offsets back to raw offsets. */
export interface TextView {
  readonly text: string;
  /** Null when the view is the raw text. */
  readonly segments: Segments | null;
  readonly rawLength: number;
}

/** Parallel arrays: view segment k starts at viewStart[k] and maps to rawStart[k] (+offset when sequential). */
interface Segments {
  readonly viewStart: number[];
  readonly rawStart: number[];
  readonly sequential: boolean[];
}

const unusual = /[^\t\n\r\x20-\x7e]/g;
const nfkcCache = new Map<number, string>();

// Enclosed capitals NFKC leaves as they are (negative circled 🅐, negative squared 🅰, regional indicators 🇦): a
// word spelled in them reads as its letters, as one in circled or squared letters (ⓐ, 🄰) does through NFKC.
const enclosedCapitals = /\ud83c[\udd50-\udd69\udd70-\udd89\udde6-\uddff]/;
function enclosedLetter(cp: number): string | undefined {
  for (const first of [0x1f150, 0x1f170, 0x1f1e6])
    if (cp >= first && cp < first + 26) return String.fromCharCode(0x41 + cp - first);
  return undefined;
}

function nfkc(cp: number): string {
  let out = nfkcCache.get(cp);
  if (out === undefined) {
    out = enclosedLetter(cp) ?? String.fromCodePoint(cp).normalize('NFKC');
    if (nfkcCache.size < 4096) nfkcCache.set(cp, out);
  }
  return out;
}

// Per BMP character, filled lazily: 0 = not yet known, else bit flags below.
const charInfo = new Uint8Array(0x10000);
const known = 1;
/** NFKC leaves the character alone and it is visible: the view copies it as is. */
const copyable = 2;
/** Also a starter that never combines with what precedes it: a line of these is NFKC-stable. */
const stable = 4;
/** NFKC writes it as one space (no-break, thin, ideographic and the other spaces of Unicode). */
const spaceLike = 8;
const combining = /\p{M}/u;

function info(c: number): number {
  let v = charInfo[c] ?? 0;
  if (v === 0) {
    v = known;
    const ch = String.fromCharCode(c);
    const isSurrogate = c >= 0xd800 && c <= 0xdfff;
    if (!isSurrogate && ch.normalize('NFKC') === ch) {
      if (!isInvisible(c) && !isEscapeStart(c)) v |= copyable;
      // Marks and Hangul medial/final jamo compose with the character before them.
      if (!combining.test(ch) && !(c >= 0x1161 && c <= 0x11c2)) v |= stable;
    } else if (!isSurrogate && ch.normalize('NFKC') === ' ') v |= spaceLike;
    charInfo[c] = v;
  }
  return v;
}

/** Index of the first character outside tab, CR, LF and printable ASCII at or after `from`, or -1. */
function nextUnusual(raw: string, from: number): number {
  unusual.lastIndex = from;
  return unusual.exec(raw)?.index ?? -1;
}

// Cheap exact-enough test first: a line of stable characters is its own NFKC form; otherwise ask normalize().
function nfkcChanges(raw: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x7f) continue;
    if ((info(c) & stable) === 0) {
      const line = raw.slice(from, to);
      return line.normalize('NFKC') !== line || enclosedCapitals.test(line);
    }
  }
  return false;
}

class ViewBuilder {
  readonly parts: string[] = [];
  readonly segments: Segments = { viewStart: [], rawStart: [], sequential: [] };
  length = 0;
  // Where the raw text of the last sequential segment ends (-1 after any other segment).
  private rawEnd = -1;

  emit(piece: string, rawIndex: number, sequential: boolean): void {
    if (piece.length === 0) return;
    // A sequential piece right after one that ends where it starts extends it: a run of rewritten
    // characters of unchanged length (fullwidth letters) is one segment, not one per character.
    if (!sequential || rawIndex !== this.rawEnd) {
      this.segments.viewStart.push(this.length);
      this.segments.rawStart.push(rawIndex);
      this.segments.sequential.push(sequential);
    }
    this.parts.push(piece);
    this.length += piece.length;
    this.rawEnd = sequential ? rawIndex + piece.length : -1;
  }

  /** Lower the words in mixed case outside ASCII among the parts from `mark` on (their length is kept). */
  lowerFrom(mark: number): void {
    if (mark >= this.parts.length) return;
    const text =
      this.parts.length - mark === 1 ? (this.parts[mark] ?? '') : this.parts.slice(mark).join('');
    const lowered = lowerMixedCase(text);
    if (lowered === text) return;
    this.parts.length = mark;
    this.parts.push(lowered);
  }
}

/** A blank inside a line: space, tab, or a character NFKC writes as a space. */
function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || (c >= 0x80 && c < 0x10000 && (info(c) & spaceLike) !== 0);
}

/**
 * A letter or digit (any character outside ASCII but a blank counts) inside the line: a blank run collapses only
 * between two words. Between a label and its value ("Messages:     POST …") or in an aligned table it separates
 * columns, and reads as one space nowhere.
 */
function isWordSide(raw: string, at: number, from: number, to: number): boolean {
  if (at < from || at >= to) return false;
  return isWordUnit(raw.charCodeAt(at));
}

function isWordUnit(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x80 && !isBlank(c))
  );
}

function walkLine(raw: string, from: number, to: number, out: ViewBuilder): void {
  let pos = from;
  let i = from;
  while (i < to) {
    const c = raw.charCodeAt(i);
    // ASCII (but ESC, tab and a space before another blank) and characters NFKC keeps as they are stay in the
    // copied run.
    if (
      (c < 0x80 &&
        c !== 0x1b &&
        c !== 0x09 &&
        c !== 0x0a &&
        (c !== 0x0d || raw.charCodeAt(i + 1) !== 0x0a) &&
        (c !== 0x20 || !isBlank(raw.charCodeAt(i + 1)))) ||
      (c >= 0x80 && (info(c) & copyable) !== 0)
    ) {
      i++;
      continue;
    }
    if (i > pos) out.emit(raw.slice(pos, i), pos, true);
    if (c === 0x0d) {
      // CRLF: a wrap of a sentence is one space in the view (for the two characters), any other stays as it is.
      if (i + 2 < to && raw.length <= blankRunsUpTo && isSoftWrap(raw, i + 1))
        out.emit(' ', i, false);
      else out.emit('\r\n', i, true);
      pos = i = i + 2;
      continue;
    }
    if (c === 0x0a) {
      // A line break that wraps a sentence is a space in the view (one for one: offsets keep their place), so a
      // phrase wrapped over two lines ("ignore all previous\ninstructions") reads as one.
      out.emit(
        i + 1 < to && raw.length <= blankRunsUpTo && isSoftWrap(raw, i) ? ' ' : '\n',
        i,
        true,
      );
      pos = i = i + 1;
      continue;
    }
    if (isBlank(c)) {
      // A run of blanks between two words (two spaces, a tab, no-break or thin spaces) is one space in the view:
      // the lexicons' phrases are written with one, so "mot  de  passe" or "you\tare\tnow" read as written with
      // one. Indentation and trailing blanks stay as they are.
      let k = i + 1;
      while (k < to && isBlank(raw.charCodeAt(k))) k++;
      if (isWordSide(raw, i - 1, from, to) && isWordSide(raw, k, from, to))
        out.emit(' ', i, k - i === 1);
      else
        for (let b = i; b < k; b++) {
          const blank = raw.charCodeAt(b);
          out.emit(blank < 0x80 ? raw.charAt(b) : nfkc(blank), b, true);
        }
      pos = i = k;
      continue;
    }
    const cp = raw.codePointAt(i) ?? 0;
    pos = i + (cp > 0xffff ? 2 : 1);
    if (isEscapeStart(cp)) {
      pos = Math.max(ansiSequenceAt(raw, i).end, i + 1);
    } else if (isTag(cp)) {
      // Tag characters mirror ASCII; decoding them inline lets every other layer read the hidden text.
      if (cp >= 0xe0020 && cp <= 0xe007e) out.emit(String.fromCharCode(cp - 0xe0000), i, false);
    } else if (!isInvisible(cp)) {
      const form = nfkc(cp);
      // Same length as the raw character (Ａ → A): offsets map one to one, so the piece can be sequential.
      out.emit(form, i, form.length === pos - i);
    }
    i = pos;
  }
  if (pos < to) out.emit(raw.slice(pos, to), pos, true);
}

/** Lines the view rewrites (hidden characters, escapes, NFKC changes, blank runs inside a line, words in mixed case outside ASCII), as flat [start, end) pairs; adjacent lines merge. `plain`: the text is printable ASCII, tab and line breaks only (only its blank runs can change). */
export function changedLines(raw: string, plain = false): number[] {
  const blanks = raw.length <= blankRunsUpTo ? union(blankRunLines(raw), softWrapLines(raw)) : [];
  if (plain) return blanks;
  const changed: number[] = [];
  let next = nextUnusual(raw, 0);
  // Jump from one non-ASCII or control character to the next and only examine the lines that hold them.
  while (next >= 0) {
    const lineStart = raw.lastIndexOf('\n', next) + 1;
    const nl = raw.indexOf('\n', next);
    const lineEnd = nl < 0 ? raw.length : nl + 1;
    if (
      nextHiddenCandidate(raw, lineStart, lineEnd) >= 0 ||
      nfkcChanges(raw, lineStart, lineEnd) ||
      mixedCaseOutsideAscii(raw, next, lineEnd)
    )
      addLine(changed, lineStart, lineEnd);
    next = nextUnusual(raw, lineEnd);
  }
  return blanks.length === 0 ? changed : union(changed, blanks);
}

function addLine(lines: number[], start: number, end: number): void {
  if (lines.length > 0 && (lines[lines.length - 1] ?? 0) >= start)
    lines[lines.length - 1] = Math.max(lines[lines.length - 1] ?? 0, end);
  else lines.push(start, end);
}

/** The union of two sorted lists of line runs (flat pairs), adjacent runs merged. */
function union(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const fromA = j >= b.length || (i < a.length && (a[i] ?? 0) <= (b[j] ?? 0));
    const list = fromA ? a : b;
    const k = fromA ? i : j;
    addLine(out, list[k] ?? 0, list[k + 1] ?? 0);
    if (fromA) i += 2;
    else j += 2;
  }
  return out;
}

// Blank runs between words are looked for in texts up to this long (a disguised phrase is short; a large result,
// often indented code or aligned logs, pays nothing). Longer texts have them collapsed only on lines the view
// rewrites for another reason.
const blankRunsUpTo = 32768;

const isAsciiBlank = (c: number): boolean => c === 0x20 || c === 0x09;

/**
 * Lines with a run of ASCII blanks between two words: two or more spaces or a tab between letters or digits.
 * Indentation, the blanks before a line's end, and those after a label or between the columns of a table ("Port:
 * 8931", "| a   | b |") are no phrase split and do not count. Two native searches (for a tab, for two spaces) jump from run to run.
 */
function blankRunLines(raw: string): number[] {
  const lines: number[] = [];
  let tab = raw.indexOf('\t');
  let double = raw.indexOf('  ');
  while (tab >= 0 || double >= 0) {
    let start = tab < 0 ? double : double < 0 ? tab : Math.min(tab, double);
    while (start > 0 && isAsciiBlank(raw.charCodeAt(start - 1))) start--;
    let end = start + 1;
    while (end < raw.length && isAsciiBlank(raw.charCodeAt(end))) end++;
    let after = end;
    if (start > 0 && isWordUnit(raw.charCodeAt(start - 1)) && isWordUnit(raw.charCodeAt(end))) {
      const lineStart = raw.lastIndexOf('\n', start) + 1;
      const nl = raw.indexOf('\n', end);
      const lineEnd = nl < 0 ? raw.length : nl + 1;
      addLine(lines, lineStart, lineEnd);
      after = lineEnd;
    }
    if (tab >= 0 && tab < after) tab = raw.indexOf('\t', after);
    if (double >= 0 && double < after) double = raw.indexOf('  ', after);
  }
  return lines;
}

/**
 * Whether the line break at `at` wraps a sentence: it follows a word (a letter, digit, comma or semicolon), and the
 * next line starts at once (no indentation, no list mark) with a lower-case letter whose word is no label ("note:
 * …", "assistant: …" start a line of their own).
 */
function isSoftWrap(raw: string, at: number): boolean {
  // A CRLF wraps as a line feed does: the line ends before its CR.
  const lineEnd = raw.charCodeAt(at - 1) === 0x0d ? at - 1 : at;
  const before = raw.charCodeAt(lineEnd - 1);
  if (!(isWordUnit(before) || before === 0x2c || before === 0x3b)) return false;
  // The line ends in a word: a blank within its last 40 characters, or the line is one word of 2 to 24 characters
  // (a text written a word a line). A longer token (base64 wrapped in lines, a hash) or one letter a line is read by
  // the decoders line by line.
  let k = lineEnd - 1;
  while (k >= 0 && lineEnd - k < 40 && raw.charCodeAt(k) !== 0x20 && raw.charCodeAt(k) !== 0x0a)
    k--;
  const oneWord = k < 0 || raw.charCodeAt(k) !== 0x20;
  if (oneWord && (lineEnd - k - 1 < 2 || lineEnd - k - 1 > 24)) return false;
  const next = raw.charCodeAt(at + 1);
  if (!(next >= 0x61 && next <= 0x7a) && !(next >= 0x80 && lowerLetter.test(raw.charAt(at + 1))))
    return false;
  let end = at + 2;
  while (end < raw.length && end - at < 32 && isWordUnit(raw.charCodeAt(end))) end++;
  return raw.charCodeAt(end) !== 0x3a;
}
const lowerLetter = /\p{Ll}/u;

/** Line pairs (flat [start, end) runs) joined by a soft wrap (isSoftWrap). */
function softWrapLines(raw: string): number[] {
  const lines: number[] = [];
  for (let nl = raw.indexOf('\n'); nl >= 0 && nl + 1 < raw.length; nl = raw.indexOf('\n', nl + 1)) {
    if (!isSoftWrap(raw, nl)) continue;
    const next = raw.indexOf('\n', nl + 1);
    addLine(lines, raw.lastIndexOf('\n', nl - 1) + 1, next < 0 ? raw.length : next + 1);
  }
  return lines;
}

// A lower-case letter followed by a capital: "иГнОрИрУй", "ÖkoTest", "iPhone".
const caseTurn = /\p{Ll}\p{Lu}/u;
const letters = /[\p{L}\p{M}]+/gu;
const nonAscii = /[^\t\n\r\x20-\x7e]/;

// Latin words run together in camelCase ("ignorezToutesLesInstructionsPrécédentes"): every capital after the first
// letter begins a piece of three letters or more. Kept as they are: deobfuscate reads the pieces as words (an
// alternating case, "iGnOrE", has pieces of two).
const latinCamel =
  /^[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff][a-z\u00df-\u00f6\u00f8-\u00ff]+(?:[A-Z\u00c0-\u00d6\u00d8-\u00de][a-z\u00df-\u00f6\u00f8-\u00ff]{2,})+$/;

/**
 * A word with a capital after a lower-case letter and a letter outside ASCII, with every letter but its first in
 * lower case. Words in ASCII are left as they are: the patterns fold ASCII case already, and lexicon phrases in other
 * scripts are matched in their own case (a word in alternating case, "иГнОрИрУй", escaped them). A word whose lower
 * case would change its length (Turkish İ) stays.
 */
function lowerMixedCaseWord(word: string): string {
  if (!caseTurn.test(word) || !nonAscii.test(word) || latinCamel.test(word)) return word;
  const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
  const rest = word.slice(first.length).toLowerCase();
  return rest.length === word.length - first.length ? first + rest : word;
}

const letter = /[\p{L}\p{M}]/u;

/**
 * Whether a word of raw[…, to) holding a character outside ASCII at or after `from` (the line's first such
 * character) is one lowerMixedCaseWord changes. Only such words can be: each is found from its first character
 * outside ASCII and read once, so a line costs a step per such character, not a regex over the whole line (ASCII
 * camelCase in code and JSON made that read every word of the line).
 */
function mixedCaseOutsideAscii(raw: string, from: number, to: number): boolean {
  for (let q = from; q < to; q++) {
    if (raw.charCodeAt(q) <= 0x7e) continue;
    const cp = raw.codePointAt(q) ?? 0;
    if (!letter.test(String.fromCodePoint(cp))) continue;
    // Back to the word's first letter (code points: a letter outside the BMP is a surrogate pair).
    let start = q;
    for (;;) {
      const before = codePointBefore(raw, start);
      if (before < 0 || !letter.test(String.fromCodePoint(before))) break;
      start -= before > 0xffff ? 2 : 1;
    }
    letters.lastIndex = start;
    const m = letters.exec(raw);
    if (!m) continue;
    const word = m.index + m[0].length <= to ? m[0] : m[0].slice(0, to - m.index);
    if (lowerMixedCaseWord(word) !== word) return true;
    q = m.index + word.length - 1;
  }
  return false;
}

/** The code point that ends just before `at` (-1 at the text's start). */
function codePointBefore(raw: string, at: number): number {
  if (at <= 0) return -1;
  const low = raw.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = raw.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** Text with its words in mixed case outside ASCII lowered (the same length, character for character). */
function lowerMixedCase(text: string): string {
  if (!caseTurn.test(text)) return text;
  return text.replace(letters, lowerMixedCaseWord);
}

/**
 * The view of raw[from, to) with the `changed` lines (from changedLines) inside it normalised. Offsets in the
 * segments are offsets in `raw`.
 */
export function viewOf(
  raw: string,
  changed: readonly number[],
  from = 0,
  to = raw.length,
): TextView {
  const out = new ViewBuilder();
  let copied = from;
  // Start at the first run that ends after `from` and stop at the first that starts at `to`: a
  // caller viewing each run of a text with thousands of them must not walk all of them each time.
  for (let k = firstRunEndingAfter(changed, from); k < changed.length; k += 2) {
    if ((changed[k] ?? 0) >= to) break;
    const start = Math.max(from, changed[k] ?? 0);
    const end = Math.min(to, changed[k + 1] ?? 0);
    if (start >= end) continue;
    out.emit(raw.slice(copied, start), copied, true);
    const mark = out.parts.length;
    walkLine(raw, start, end, out);
    out.lowerFrom(mark);
    copied = end;
  }
  out.emit(raw.slice(copied, to), copied, true);
  return { text: out.parts.join(''), segments: out.segments, rawLength: to };
}

/** Index (even) of the first [start, end) pair in sorted, disjoint `runs` whose end is past `at`. */
function firstRunEndingAfter(runs: readonly number[], at: number): number {
  let lo = 0;
  let hi = runs.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((runs[mid * 2 + 1] ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo * 2;
}

/** Normalise text (NFKC, invisible and escape characters removed, tag characters decoded) keeping a raw-offset map. */
export function normalisedView(raw: string): TextView {
  const changed = changedLines(raw);
  if (changed.length === 0) return { text: raw, segments: null, rawLength: raw.length };
  return viewOf(raw, changed);
}

function toRaw(view: TextView, index: number): number {
  const seg = view.segments;
  if (!seg) return index;
  if (index >= view.text.length) return view.rawLength;
  let lo = 0;
  let hi = seg.viewStart.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((seg.viewStart[mid] ?? 0) <= index) lo = mid;
    else hi = mid - 1;
  }
  const base = seg.rawStart[lo] ?? 0;
  return seg.sequential[lo] ? base + index - (seg.viewStart[lo] ?? 0) : base;
}

/** Map a [start, end) span in the view back to the raw text. */
export function rawSpan(view: TextView, start: number, end: number): [number, number] {
  if (!view.segments) return [start, end];
  const rawStart = toRaw(view, start);
  return [rawStart, Math.max(toRaw(view, end), rawStart + 1)];
}
