import { WINDOW } from './fingerprint-store.js';

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

/**
 * Visits every string in a JSON value (object keys too), and for each string the variants an
 * exfiltrating call would use: URL-decoded (`%XX`), JSON-unescaped (`\n`, `\u0041`), parsed as
 * JSON when it is a JSON document, and base64 (standard or URL-safe, at every alignment) or hex
 * decoded for long runs, recursively up to three layers. Linear in the size of the value.
 */
export function visitDecodedStrings(value: unknown, visit: StringVisitor): boolean {
  const state = { budget: DECODE_BUDGET_FLOOR, visit };
  return walk(value, 0, 0, state);
}

interface WalkState {
  /** Characters of decoded variants still allowed. */
  budget: number;
  readonly visit: StringVisitor;
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
  if (text.includes('%') && variant(decodePercent(text))) return true;
  if (text.includes('\\') && variant(text.replace(ESCAPE, unescapeOne))) return true;
  const first = firstNonSpace(text);
  if (first === '{' || first === '[' || first === '"') {
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

function isHex(run: string): boolean {
  for (let i = 0; i < run.length; i++) if (hexValue(run.charCodeAt(i)) < 0) return false;
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

/** `%XX` sequences decoded (UTF-8), everything else kept; one pass, no regex callbacks. */
function decodePercent(text: string): string {
  let out = '';
  let kept = 0;
  let bytes: number[] | undefined;
  const flush = (): void => {
    if (bytes === undefined) return;
    out += bytes.every((byte) => byte < 0x80)
      ? String.fromCharCode(...bytes)
      : utf8.decode(Uint8Array.from(bytes));
    bytes = undefined;
  };
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 37 || i + 2 >= text.length) continue;
    const high = hexValue(text.charCodeAt(i + 1));
    const low = hexValue(text.charCodeAt(i + 2));
    if (high < 0 || low < 0) continue;
    if (kept < i) {
      flush();
      out += text.slice(kept, i);
    }
    const byte = (high << 4) | low;
    // ASCII needs no UTF-8 decoder: most escapes are a space or a slash.
    if (byte < 0x80 && bytes === undefined) out += String.fromCharCode(byte);
    else (bytes ??= []).push(byte);
    i += 2;
    kept = i + 1;
  }
  flush();
  return out + text.slice(kept);
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
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
      return isTextSample(base64Bytes(text, from, from + SAMPLE_CHARS) ?? EMPTY);
    };
    if (!sampleAt(0) && !sampleAt((length - SAMPLE_CHARS) / 2) && !sampleAt(length - SAMPLE_CHARS))
      return undefined;
  }
  const bytes = base64Bytes(text, align, text.length);
  if (bytes === undefined) return undefined;
  return looksLikeText(bytes, bytes.length) ? utf8.decode(bytes) : undefined;
}

const EMPTY = new Uint8Array(0);

// Base64 characters in each end sample: 48 bytes.
const SAMPLE_CHARS = 64;

function base64Bytes(text: string, from: number, to: number): Uint8Array | undefined {
  const bytes = new Uint8Array(Math.floor(((to - from) * 3) / 4));
  let out = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = from; i < to; i++) {
    const value = BASE64_VALUE[text.charCodeAt(i)] ?? -1;
    if (value < 0) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes.subarray(0, out);
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
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const at = align + i * 2;
    bytes[i] = (hexValue(text.charCodeAt(at)) << 4) | hexValue(text.charCodeAt(at + 1));
  }
  return looksLikeText(bytes, length) ? utf8.decode(bytes) : undefined;
}
