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

function nfkc(cp: number): string {
  let out = nfkcCache.get(cp);
  if (out === undefined) {
    out = String.fromCodePoint(cp).normalize('NFKC');
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
    }
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
      return line.normalize('NFKC') !== line;
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
}

function walkLine(raw: string, from: number, to: number, out: ViewBuilder): void {
  let pos = from;
  let i = from;
  while (i < to) {
    const c = raw.charCodeAt(i);
    // ASCII (but ESC) and characters NFKC keeps as they are stay in the copied run.
    if ((c < 0x80 && c !== 0x1b) || (c >= 0x80 && (info(c) & copyable) !== 0)) {
      i++;
      continue;
    }
    if (i > pos) out.emit(raw.slice(pos, i), pos, true);
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

/** Lines the view rewrites (hidden characters, escapes, or NFKC changes), as flat [start, end) pairs; adjacent lines merge. */
export function changedLines(raw: string): number[] {
  const changed: number[] = [];
  let next = nextUnusual(raw, 0);
  // Jump from one non-ASCII or control character to the next and only examine the lines that hold them.
  while (next >= 0) {
    const lineStart = raw.lastIndexOf('\n', next) + 1;
    const nl = raw.indexOf('\n', next);
    const lineEnd = nl < 0 ? raw.length : nl + 1;
    if (nextHiddenCandidate(raw, lineStart, lineEnd) >= 0 || nfkcChanges(raw, lineStart, lineEnd)) {
      if (changed.length > 0 && changed[changed.length - 1] === lineStart)
        changed[changed.length - 1] = lineEnd;
      else changed.push(lineStart, lineEnd);
    }
    next = nextUnusual(raw, lineEnd);
  }
  return changed;
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
    walkLine(raw, start, end, out);
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
