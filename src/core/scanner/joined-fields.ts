/** Texts joined into one, so that a phrase split across JSON fields reads whole again. */
export interface JoinedText {
  readonly text: string;
  /** Where each piece starts in `text`, in order. */
  readonly starts: readonly number[];
}

/** Above this many characters in all, pieces are not joined: a split payload is short, a large result is not re-read. */
export const joinLimit = 32768;

/** Join pieces with a space between them, or undefined when fewer than two or too long. */
export function joinPieces(pieces: readonly string[]): JoinedText | undefined {
  if (pieces.length < 2) return undefined;
  let total = 0;
  for (const p of pieces) total += p.length + 1;
  if (total > joinLimit) return undefined;
  const starts: number[] = [];
  let text = '';
  for (const p of pieces) {
    if (text) text += ' ';
    starts.push(text.length);
    text += p;
  }
  return { text, starts };
}

/** The piece holding joined[start, end): its index and the span inside it (clipped to the piece). */
export function locatePiece(
  joined: JoinedText,
  pieces: readonly string[],
  start: number,
  end: number,
): { index: number; start: number; end: number } {
  let lo = 0;
  let hi = joined.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((joined.starts[mid] ?? 0) <= start) lo = mid;
    else hi = mid - 1;
  }
  const base = joined.starts[lo] ?? 0;
  const length = pieces[lo]?.length ?? 0;
  const s = Math.min(Math.max(0, start - base), length);
  return { index: lo, start: s, end: Math.min(length, Math.max(s, end - base)) };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The string values (not keys) of JSON-looking text, decoded and joined by spaces, with each character's
 * offset in the text (`lineBeforeCapital`: a value opening with a capital letter starts a new line). Undefined when the text is not an object or array with at least two string values,
 * or is longer than `joinLimit`. One pass; malformed JSON just yields what it can.
 */
export function joinJsonStrings(
  text: string,
  lineBeforeCapital = false,
): { text: string; offsets: Int32Array } | undefined {
  if (text.length > joinLimit) return undefined;
  const first = text.trimStart().charCodeAt(0);
  if (first !== 0x7b && first !== 0x5b) return undefined;
  let out = '';
  const offsets: number[] = [];
  let values = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (text.charCodeAt(i) !== QUOTE) {
      i++;
      continue;
    }
    let j = i + 1;
    let value = '';
    const at: number[] = [];
    while (j < n && text.charCodeAt(j) !== QUOTE) {
      if (text.charCodeAt(j) === BACKSLASH && j + 1 < n) {
        const e = text.charAt(j + 1);
        value += e === 'n' || e === 't' || e === 'r' ? ' ' : e === 'u' ? ' ' : e;
        at.push(j);
        j += e === 'u' ? 6 : 2;
        continue;
      }
      value += text.charAt(j);
      at.push(j);
      j++;
    }
    // A string followed by ':' is a key.
    let k = j + 1;
    while (
      k < n &&
      (text.charCodeAt(k) === 0x20 ||
        text.charCodeAt(k) === 0x0a ||
        text.charCodeAt(k) === 0x0d ||
        text.charCodeAt(k) === 0x09)
    )
      k++;
    const isKey = text.charCodeAt(k) === 0x3a;
    if (!isKey && value.length > 0) {
      if (out) {
        // Read as sentences, a value that opens with a capital letter starts a line of its own ("Weekly notes" and
        // "Assistant, disregard …" are two), and one that opens in lower case continues the value before it.
        const c = value.charCodeAt(0);
        out += lineBeforeCapital && c >= 0x41 && c <= 0x5a ? '\n' : ' ';
        offsets.push(i);
      }
      out += value;
      offsets.push(...at);
      values++;
    }
    i = j + 1;
  }
  if (values < 2) return undefined;
  offsets.push(n);
  return { text: out, offsets: Int32Array.from(offsets) };
}

/** The strings of a JSON value with their paths (keys excluded), in order; undefined past `joinLimit` characters. */
export function collectStrings(
  value: unknown,
  field: string,
  childPath: (parent: string, key: string | number) => string,
  maxDepth: number,
): [string, string][] | undefined {
  const out: [string, string][] = [];
  let total = 0;
  const visit = (v: unknown, path: string, depth: number): boolean => {
    if (typeof v === 'string') {
      total += v.length + 1;
      if (total > joinLimit) return false;
      if (v.length > 0) out.push([path, v]);
      return true;
    }
    if (depth >= maxDepth || typeof v !== 'object' || v === null) return true;
    if (Array.isArray(v)) return v.every((item, i) => visit(item, childPath(path, i), depth + 1));
    return Object.entries(v).every(([k, item]) => visit(item, childPath(path, k), depth + 1));
  };
  return visit(value, field, 0) ? out : undefined;
}
