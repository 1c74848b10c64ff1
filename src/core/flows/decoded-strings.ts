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

const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
const ESCAPE = /\\(?:u([0-9A-Fa-f]{4})|([\s\S]))/g;
const ESCAPED: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

const BASE64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++)
  BASE64_VALUE['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] =
    i;
BASE64_VALUE['-'.charCodeAt(0)] = 62;
BASE64_VALUE['_'.charCodeAt(0)] = 63;
// Character classes for the run scan: 1 base64 (either alphabet), 2 hex digit.
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) if ((BASE64_VALUE[c] ?? -1) >= 0) CLASS[c] = 1;
for (const c of '0123456789abcdefABCDEF') CLASS[c.charCodeAt(0)] = 3;

const utf8 = new TextDecoder('utf-8');

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
  if (text.includes('%') && variant(text.replace(PERCENT_RUN, decodePercentRun))) return true;
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
  // One pass over the text for runs of the base64 and hex alphabets (no regex backtracking).
  let base64From = -1;
  let hexFrom = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    const kind = c < 128 ? (CLASS[c] ?? 0) : 0;
    const inBase64 = kind !== 0;
    const inHex = kind === 3;
    if (inHex) {
      if (hexFrom < 0) hexFrom = i;
    } else if (hexFrom >= 0) {
      if (i - hexFrom >= MIN_HEX) {
        const run = text.slice(hexFrom, i);
        for (let align = 0; align < 2; align++) if (variant(decodeHex(run, align))) return true;
      }
      hexFrom = -1;
    }
    if (inBase64) {
      if (base64From < 0) base64From = i;
    } else if (base64From >= 0) {
      if (i - base64From >= MIN_BASE64) {
        const run = text.slice(base64From, i);
        // The run may start before the encoded data (a path, a key): try every alignment.
        for (let align = 0; align < 4; align++) if (variant(decodeBase64(run, align))) return true;
      }
      base64From = -1;
    }
  }
  return false;
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

function decodePercentRun(run: string): string {
  const bytes = new Uint8Array(run.length / 3);
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    const byte = (hexValue(run.charCodeAt(i * 3 + 1)) << 4) | hexValue(run.charCodeAt(i * 3 + 2));
    bytes[i] = byte;
    if (byte >= 0x80) ascii = false;
  }
  // Most runs are one escaped space or slash: skip the UTF-8 decoder for them.
  return ascii ? String.fromCharCode(...bytes) : utf8.decode(bytes);
}

function hexValue(code: number): number {
  if (code <= 57) return code - 48;
  return (code | 0x20) - 87;
}

function unescapeOne(_whole: string, hex: string | undefined, char: string | undefined): string {
  if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
  return ESCAPED[char ?? ''] ?? char ?? '';
}

/** Base64 (either alphabet) from `align` characters in; undefined when too short. */
export function decodeBase64(text: string, align: number): string | undefined {
  const length = text.length - align;
  if (length < MIN_BASE64) return undefined;
  const bytes = new Uint8Array(Math.floor((length * 3) / 4));
  let out = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = align; i < text.length; i++) {
    const value = BASE64_VALUE[text.charCodeAt(i)] ?? -1;
    if (value < 0) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
  }
  return utf8.decode(bytes.subarray(0, out));
}

function decodeHex(text: string, align: number): string | undefined {
  const length = Math.floor((text.length - align) / 2);
  if (length * 2 < MIN_HEX) return undefined;
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    bytes[i] = parseInt(text.slice(align + i * 2, align + i * 2 + 2), 16);
  }
  return utf8.decode(bytes);
}
