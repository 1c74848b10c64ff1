import { ansiSequenceAt, isEscapeStart } from './ansi.js';
import { hiddenCandidate, isInvisible, isTag } from './hidden.js';

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

const plainAscii = /^[\t\n\r\x20-\x7e]*$/;
const unusual = /[^\t\n\r\x20-\x7e]/g;
// Characters the per-character walk must look at; everything else is copied in slices.
// eslint-disable-next-line no-control-regex -- ESC must reach the walk, other ASCII controls need not
const special = /[^\x00-\x1a\x1c-\x7f]/g;
const nfkcCache = new Map<number, string>();

function nfkc(cp: number): string {
  let out = nfkcCache.get(cp);
  if (out === undefined) {
    out = String.fromCodePoint(cp).normalize('NFKC');
    if (nfkcCache.size < 4096) nfkcCache.set(cp, out);
  }
  return out;
}

class ViewBuilder {
  readonly parts: string[] = [];
  readonly segments: Segments = { viewStart: [], rawStart: [], sequential: [] };
  length = 0;

  emit(piece: string, rawIndex: number, sequential: boolean): void {
    if (piece.length === 0) return;
    this.segments.viewStart.push(this.length);
    this.segments.rawStart.push(rawIndex);
    this.segments.sequential.push(sequential);
    this.parts.push(piece);
    this.length += piece.length;
  }
}

function walkLine(raw: string, from: number, to: number, out: ViewBuilder): void {
  let pos = from;
  special.lastIndex = from;
  for (let m = special.exec(raw); m && m.index < to; m = special.exec(raw)) {
    const i = m.index;
    if (i > pos) out.emit(raw.slice(pos, i), pos, true);
    const cp = raw.codePointAt(i) ?? 0;
    pos = i + (cp > 0xffff ? 2 : 1);
    if (isEscapeStart(cp)) {
      pos = Math.max(ansiSequenceAt(raw, i).end, i + 1);
    } else if (isTag(cp)) {
      // Tag characters mirror ASCII; decoding them inline lets every other layer read the hidden text.
      if (cp >= 0xe0020 && cp <= 0xe007e) out.emit(String.fromCharCode(cp - 0xe0000), i, false);
    } else if (!isInvisible(cp)) {
      out.emit(nfkc(cp), i, false);
    }
    special.lastIndex = pos;
  }
  if (pos < to) out.emit(raw.slice(pos, to), pos, true);
}

/** Normalise text (NFKC, invisible and escape characters removed, tag characters decoded) keeping a raw-offset map. */
export function normalisedView(raw: string): TextView {
  const same: TextView = { text: raw, segments: null, rawLength: raw.length };
  if (plainAscii.test(raw)) return same;
  const out = new ViewBuilder();
  let copied = 0;
  // Jump from one non-ASCII or control character to the next and only examine the lines that hold them.
  unusual.lastIndex = 0;
  for (let m = unusual.exec(raw); m; m = unusual.exec(raw)) {
    const lineStart = raw.lastIndexOf('\n', m.index) + 1;
    const nl = raw.indexOf('\n', m.index);
    const lineEnd = nl < 0 ? raw.length : nl + 1;
    const line = raw.slice(lineStart, lineEnd);
    if (hiddenCandidate.test(line) || line.normalize('NFKC') !== line) {
      out.emit(raw.slice(copied, lineStart), copied, true);
      walkLine(raw, lineStart, lineEnd, out);
      copied = lineEnd;
    }
    unusual.lastIndex = lineEnd;
  }
  if (copied === 0) return same;
  out.emit(raw.slice(copied), copied, true);
  return { text: out.parts.join(''), segments: out.segments, rawLength: raw.length };
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
