import { hexDigit, WINDOW } from './fingerprint-store.js';

/** Called with every string and decoded variant; returns true to stop the walk. */
export type StringVisitor = (text: string) => boolean;

// Decoding layers on top of the raw strings (base64 of URL-encoded JSON is three).
const MAX_LAYERS = 3;
const MAX_DEPTH = 64;
// Decoded variants may add this many characters per character of the arguments, plus a floor,
// so a hostile argument cannot make the check more than linear in its size.
const DECODE_BUDGET_FACTOR = 16;
const DECODE_BUDGET_FLOOR = 65_536;
// A base64 run shorter than this decodes to fewer letters and digits than one window.
const MIN_BASE64 = Math.ceil((WINDOW * 4) / 3);
const MIN_HEX = WINDOW * 2;

const ESCAPE = /\\(?:u([0-9A-Fa-f]{4})|([\s\S]))/g;
const ESCAPED: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

const BASE64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++)
  BASE64_VALUE['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] =
    i;
BASE64_VALUE['-'.charCodeAt(0)] = 62;
BASE64_VALUE['_'.charCodeAt(0)] = 63;

const utf8 = new TextDecoder('utf-8');
// Random bytes pass a 48-byte sample (no control bytes, valid UTF-8) about once in a million.
const TEXT_SAMPLE = 48;

/** How much of each string the visitor reads. */
export interface VisitOptions {
  /**
   * The visitor compares only normalised windows (`fingerprint-store.ts`), which read ASCII `%XX`
   * escapes themselves: a URL-decoded copy whose escapes are all inert punctuation normalises to
   * the windows of its own string, and the strings of a JSON document to windows of the document
   * or of its unescaped copy, so these are skipped.
   */
  readonly windowsOnly?: boolean;
}

/**
 * Visits every string in a JSON value (object keys too), and for each string the variants an
 * exfiltrating call would use: URL-decoded (`%XX`), JSON-unescaped (`\n`, `\u0041`), parsed as
 * JSON when it is a JSON document, and base64 (standard or URL-safe, at every alignment) or hex
 * decoded for long runs, recursively up to three layers. Linear in the size of the value.
 */
export function visitDecodedStrings(
  value: unknown,
  visit: StringVisitor,
  options: VisitOptions = {},
): boolean {
  const state = { budget: DECODE_BUDGET_FLOOR, visit, windowsOnly: options.windowsOnly === true };
  return walk(value, 0, 0, state);
}

interface WalkState {
  /** Characters of decoded variants still allowed. */
  budget: number;
  readonly visit: StringVisitor;
  readonly windowsOnly: boolean;
}

function walk(value: unknown, depth: number, layer: number, state: WalkState): boolean {
  if (typeof value === 'string') return visitString(value, layer, state);
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (walk(item, depth + 1, layer, state)) return true;
    return false;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key.length >= WINDOW && visitString(key, layer, state)) return true;
    if (walk(item, depth + 1, layer, state)) return true;
  }
  return false;
}

function visitString(text: string, layer: number, state: WalkState): boolean {
  if (layer === 0) state.budget += text.length * DECODE_BUDGET_FACTOR;
  if (state.visit(text)) return true;
  if (layer >= MAX_LAYERS || text.length < WINDOW) return false;
  const next = layer + 1;
  const variant = (decoded: string | undefined): boolean => {
    if (decoded === undefined || decoded === text || decoded.length < WINDOW) return false;
    if (state.budget < decoded.length) return false;
    state.budget -= decoded.length;
    return visitString(decoded, next, state);
  };
  const first = firstNonSpace(text);
  if (
    text.includes('%') &&
    (!state.windowsOnly || percentChangesWindows(text, first)) &&
    variant(decodePercent(text))
  )
    return true;
  const escaped = text.includes('\\');
  if (escaped && variant(text.replace(ESCAPE, unescapeOne))) return true;
  // Read by windows, the strings of a JSON document are pieces of the document itself, or with
  // escapes, of its unescaped copy (a document in a string is one more layer of escapes there).
  if ((first === '{' || first === '[' || first === '"') && !state.windowsOnly) {
    const parsed = parseJson(text);
    if (parsed !== undefined && typeof parsed !== 'number' && typeof parsed !== 'boolean') {
      if (typeof parsed === 'string') {
        if (variant(parsed)) return true;
      } else if (state.budget >= text.length) {
        state.budget -= text.length;
        if (walk(parsed, 0, next, state)) return true;
      }
    }
  }
  for (const [from, to] of longRuns(text)) {
    const run = text.slice(from, to);
    if (run.length >= MIN_HEX && isHex(run)) {
      for (let align = 0; align < 2; align++) if (variant(decodeHex(run, align))) return true;
    }
    // The run may start before the encoded data (a path, a key): try every alignment.
    for (let align = 0; align < 4; align++) if (variant(decodeBase64(run, align))) return true;
  }
  return false;
}

/**
 * Start and end of every run of base64-alphabet characters long enough to hold a window. Such a
 * run covers one of every {@link MIN_BASE64}-th positions, so only those are looked at and
 * grown both ways: prose, where most runs are words, costs a fraction of a full pass.
 */
function longRuns(text: string): [number, number][] {
  let runs: [number, number][] | undefined;
  const length = text.length;
  let end = 0;
  for (let at = MIN_BASE64 - 1; at < length; at += MIN_BASE64) {
    if (at < end || !isBase64Char(text.charCodeAt(at))) continue;
    let from = at;
    while (from > end && isBase64Char(text.charCodeAt(from - 1))) from--;
    end = at + 1;
    while (end < length && isBase64Char(text.charCodeAt(end))) end++;
    if (end - from >= MIN_BASE64) (runs ??= []).push([from, end]);
  }
  return runs ?? NO_RUNS;
}

function isBase64Char(code: number): boolean {
  return code < 128 && (BASE64_VALUE[code] ?? -1) >= 0;
}

const NO_RUNS: [number, number][] = [];

// Characters a `%XX` escape may decode to without the decoded copy needing a pass of its own:
// not letters or digits (the normalised text reads those through the escape), not `%` or `\`
// (a second layer of escapes), not base64 characters (they would join a run), and not the
// start of a JSON document; tabs and line breaks, which text samples allow, are inert.
const INERT = new Uint8Array(128);
for (let byte = 0x20; byte < 0x7f; byte++) {
  const char = String.fromCharCode(byte);
  if (!/[0-9A-Za-z%\\+/\-_{["]/.test(char)) INERT[byte] = 1;
}
INERT[0x09] = INERT[0x0a] = INERT[0x0d] = 1;

/**
 * Whether the URL-decoded copy of `text` can hold windows, runs or documents that `text` itself
 * does not: some escape is not ASCII or not inert, or the text (by its first character) may be
 * a JSON document or start with an escape.
 */
function percentChangesWindows(text: string, first: string): boolean {
  if (first === '%' || first === '{' || first === '[' || first === '"') return true;
  for (
    let at = text.indexOf('%');
    at >= 0 && at + 2 < text.length;
    at = text.indexOf('%', at + 1)
  ) {
    const high = hexDigit(text.charCodeAt(at + 1));
    const low = hexDigit(text.charCodeAt(at + 2));
    if (high < 0 || low < 0) continue;
    if (high > 7 || INERT[(high << 4) | low] !== 1) return true;
  }
  return false;
}

function isHex(run: string): boolean {
  for (let i = 0; i < run.length; i++) if (hexDigit(run.charCodeAt(i)) < 0) return false;
  return true;
}

function firstNonSpace(text: string): string {
  for (let i = 0; i < text.length && i < 64; i++) {
    const char = text.charAt(i);
    if (char !== ' ' && char !== '\n' && char !== '\r' && char !== '\t') return char;
  }
  return '';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * `%XX` sequences decoded (UTF-8), everything else kept. Bytes are gathered in one scratch
 * buffer and decoded once; text with other non-ASCII characters takes the string path.
 */
function decodePercent(text: string): string {
  const length = text.length;
  const bytes = scratch(length);
  let out = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return decodePercentSlowly(text);
    if (code === 37 && i + 2 < length) {
      const high = hexDigit(text.charCodeAt(i + 1));
      const low = hexDigit(text.charCodeAt(i + 2));
      if (high >= 0 && low >= 0) {
        bytes[out++] = (high << 4) | low;
        i += 2;
        continue;
      }
    }
    bytes[out++] = code;
  }
  return utf8.decode(bytes.subarray(0, out));
}

function decodePercentSlowly(text: string): string {
  let out = '';
  let kept = 0;
  let bytes: number[] | undefined;
  const flush = (): void => {
    if (bytes === undefined) return;
    out += utf8.decode(Uint8Array.from(bytes));
    bytes = undefined;
  };
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 37 || i + 2 >= text.length) continue;
    const high = hexDigit(text.charCodeAt(i + 1));
    const low = hexDigit(text.charCodeAt(i + 2));
    if (high < 0 || low < 0) continue;
    if (kept < i) {
      flush();
      out += text.slice(kept, i);
    }
    (bytes ??= []).push((high << 4) | low);
    i += 2;
    kept = i + 1;
  }
  flush();
  return out + text.slice(kept);
}

// One growing byte buffer for decoding: every decoded copy is turned into a string (or dropped)
// before the next one is decoded.
let scratchBytes = new Uint8Array(4096);
function scratch(length: number): Uint8Array {
  if (scratchBytes.length < length)
    scratchBytes = new Uint8Array(Math.max(length, scratchBytes.length * 2));
  return scratchBytes;
}

function unescapeOne(_whole: string, hex: string | undefined, char: string | undefined): string {
  if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
  return ESCAPED[char ?? ''] ?? char ?? '';
}

/** Base64 (either alphabet) from `align` characters in; undefined when too short. */
export function decodeBase64(text: string, align: number): string | undefined {
  const length = text.length - align;
  if (length < MIN_BASE64) return undefined;
  // Decode samples first (both ends and the middle): a wrong alignment fails in all three,
  // before the whole run is decoded.
  if (length > SAMPLE_CHARS * 3) {
    const sampleAt = (offset: number) => {
      const from = align + Math.floor(offset / 4) * 4;
      const count = base64Bytes(text, from, from + SAMPLE_CHARS);
      return count > 0 && isTextSample(scratchBytes.subarray(0, count));
    };
    if (!sampleAt(0) && !sampleAt((length - SAMPLE_CHARS) / 2) && !sampleAt(length - SAMPLE_CHARS))
      return undefined;
  }
  const count = base64Bytes(text, align, text.length);
  if (count < 0) return undefined;
  const bytes = scratchBytes.subarray(0, count);
  return looksLikeText(bytes, count) ? utf8.decode(bytes) : undefined;
}

// Base64 characters in each end sample: 48 bytes.
const SAMPLE_CHARS = 64;

/**
 * Decodes base64 characters `from`..`to` into the scratch buffer, four at a time; returns the
 * number of bytes, or -1 at the first character outside the alphabet.
 */
function base64Bytes(text: string, from: number, to: number): number {
  const bytes = scratch(Math.ceil(((to - from) * 3) / 4));
  let out = 0;
  let i = from;
  for (; i + 4 <= to; i += 4) {
    const a = BASE64_VALUE[text.charCodeAt(i)] ?? -1;
    const b = BASE64_VALUE[text.charCodeAt(i + 1)] ?? -1;
    const c = BASE64_VALUE[text.charCodeAt(i + 2)] ?? -1;
    const d = BASE64_VALUE[text.charCodeAt(i + 3)] ?? -1;
    if ((a | b | c | d) < 0) return -1;
    const quad = (a << 18) | (b << 12) | (c << 6) | d;
    bytes[out] = quad >> 16;
    bytes[out + 1] = (quad >> 8) & 0xff;
    bytes[out + 2] = quad & 0xff;
    out += 3;
  }
  // Two or three characters left make one or two bytes; one alone makes none.
  let buffer = 0;
  let bits = 0;
  for (; i < to; i++) {
    const value = BASE64_VALUE[text.charCodeAt(i)] ?? -1;
    if (value < 0) return -1;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Whether decoded bytes can be text: no NUL or other control bytes (tabs and line breaks aside)
 * and valid UTF-8 in a sample. A base64 run read at the wrong alignment, or binary data, fails
 * within a few bytes, so only real text is fingerprint-checked and decoded further.
 */
function looksLikeText(bytes: Uint8Array, length: number): boolean {
  // The run may begin with a few characters that are not the data (a path, a key), so the
  // end of the run is sampled too.
  const middle = Math.max(0, Math.floor((length - TEXT_SAMPLE) / 2));
  return (
    isTextSample(bytes.subarray(0, Math.min(length, TEXT_SAMPLE))) ||
    isTextSample(bytes.subarray(middle, Math.min(length, middle + TEXT_SAMPLE))) ||
    isTextSample(bytes.subarray(Math.max(0, length - TEXT_SAMPLE), length))
  );
}

function isTextSample(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  // Start on a character boundary (a sample from the end may begin inside one); the sample may
  // also end inside a character, which is not an error.
  let i = 0;
  while (i < 3 && i < bytes.length && ((bytes[i] ?? 0) & 0xc0) === 0x80) i++;
  // Checked here rather than with a fatal TextDecoder: exceptions on the many wrong alignments cost more.
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) {
      if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f)
        return false;
      i++;
      continue;
    }
    const follow = byte >= 0xf0 && byte <= 0xf4 ? 3 : byte >= 0xe0 ? 2 : byte >= 0xc2 ? 1 : -1;
    if (follow < 0 || byte > 0xf4) return false;
    for (let k = 1; k <= follow; k++) {
      if (i + k >= bytes.length) return true;
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return false;
    }
    i += follow + 1;
  }
  return true;
}

function decodeHex(text: string, align: number): string | undefined {
  const length = Math.floor((text.length - align) / 2);
  if (length * 2 < MIN_HEX) return undefined;
  const bytes = scratch(length).subarray(0, length);
  for (let i = 0; i < length; i++) {
    const at = align + i * 2;
    bytes[i] = (hexDigit(text.charCodeAt(at)) << 4) | hexDigit(text.charCodeAt(at + 1));
  }
  return looksLikeText(bytes, length) ? utf8.decode(bytes) : undefined;
}
