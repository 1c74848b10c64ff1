/** A run of encoded text in the scanned string and the text it decodes to. */
export interface EncodedPayload {
  readonly start: number;
  readonly end: number;
  readonly encoding: 'base64' | 'hex' | 'html-entities' | 'escapes' | 'binary';
  readonly decoded: string;
}

const minRun = 24;
const maxRun = 65536;
// 1 = base64 alphabet (standard and URL-safe), 2 = also a hex digit.
const alphabet = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9+/_-]/.test(ch)) alphabet[c] = /[0-9a-fA-F]/.test(ch) ? 2 : 1;
}
const escapeRun = /(?:\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|%[0-9a-fA-F]{2}){8,16384}/g;
const binaryRun = /(?:[01]{8}[ ]?){8,8192}/g;
const entityRun = /(?:&#(?:x[0-9a-fA-F]{1,6}|\d{1,7});[^&<\n]{0,3}){6,16384}/g;
const utf8 = new TextDecoder('utf-8');
const maxPayloads = 64;

function printable(text: string): boolean {
  if (text.length < 8) return false;
  let good = 0;
  let letters = 0;
  let spaces = 0;
  let n = 0;
  for (const ch of text) {
    n++;
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0x20) spaces++;
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || c >= 0xa0) good++;
    if (/\p{L}/u.test(ch)) letters++;
  }
  // Decoded instructions read as words: mostly printable, mostly letters, with spaces between them.
  return good / n >= 0.97 && letters / n >= 0.5 && spaces >= 2;
}

// Cheap first look at decoded bytes: text is mostly printable ASCII or UTF-8 lead/continuation bytes.
function looksLikeText(bin: string): boolean {
  let bad = 0;
  const limit = Math.min(bin.length, 256);
  for (let i = 0; i < limit; i++) {
    const c = bin.charCodeAt(i);
    if (c < 0x09 || (c > 0x0d && c < 0x20) || c === 0x7f) bad++;
  }
  return bad <= limit * 0.03;
}

function bytesToText(bytes: Uint8Array): string | undefined {
  const text = utf8.decode(bytes);
  return !text.includes('\ufffd') && printable(text) ? text : undefined;
}

function decodeBase64(run: string): string | undefined {
  const clean = run.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (clean.length % 4 === 1) return undefined;
  // Identifiers, words and paths also match the alphabet; real base64 mixes cases and has few slashes.
  if (
    !/[A-Z]/.test(clean) ||
    !/[a-z]/.test(clean) ||
    clean.split('/').length > clean.length / 12 + 2
  )
    return undefined;
  let bin: string;
  try {
    bin = atob(clean + '='.repeat((4 - (clean.length % 4)) % 4));
  } catch {
    return undefined;
  }
  if (!looksLikeText(bin)) return undefined;
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytesToText(bytes);
}

function decodeHex(run: string): string | undefined {
  const digits = run;
  if (digits.length % 2 !== 0) return undefined;
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  if (!looksLikeText(String.fromCharCode(...bytes.subarray(0, 256)))) return undefined;
  return bytesToText(bytes);
}

function decodeEscapes(run: string): string | undefined {
  const bytes: number[] = [];
  let text = '';
  const flush = (): boolean => {
    if (bytes.length === 0) return true;
    const piece = utf8.decode(Uint8Array.from(bytes));
    bytes.length = 0;
    text += piece;
    return !piece.includes('\ufffd');
  };
  for (const m of run.matchAll(/\\x([0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})|%([0-9a-fA-F]{2})/g)) {
    if (m[2] !== undefined) {
      if (!flush()) return undefined;
      text += String.fromCharCode(parseInt(m[2], 16));
    } else {
      bytes.push(parseInt(m[1] ?? m[3] ?? '0', 16));
    }
  }
  if (!flush()) return undefined;
  return printable(text) ? text : undefined;
}

function decodeBinary(run: string): string | undefined {
  const bytes = run.replace(/ /g, '').match(/[01]{8}/g) ?? [];
  const text = String.fromCharCode(...bytes.slice(0, 4096).map((b) => parseInt(b, 2)));
  return printable(text) ? text : undefined;
}

function decodeEntities(run: string): string | undefined {
  const text = run.replace(/&#(x[0-9a-fA-F]{1,6}|\d{1,7});/g, (_, code: string) => {
    const cp = code.startsWith('x') ? parseInt(code.slice(1), 16) : parseInt(code, 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
  return printable(text) ? text : undefined;
}

const decoders: readonly [
  RegExp,
  readonly string[],
  EncodedPayload['encoding'],
  (run: string) => string | undefined,
][] = [
  [escapeRun, ['\\x', '\\u', '%'], 'escapes', decodeEscapes],
  [entityRun, ['&#'], 'html-entities', decodeEntities],
  // Binary text always encodes spaces (00100000), a cheap and specific gate.
  [binaryRun, ['00100000'], 'binary', decodeBinary],
];

// One pass over char codes: regexes that start with a character class are slow on long text.
function alphabetRuns(text: string, found: EncodedPayload[]): void {
  let start = -1;
  let allHex = true;
  for (let i = 0; i <= text.length && found.length < maxPayloads; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    const kind = c < 128 ? (alphabet[c] ?? 0) : 0;
    if (kind !== 0) {
      if (start < 0) {
        start = i;
        allHex = true;
      }
      if (kind === 1) allHex = false;
      continue;
    }
    if (start < 0) continue;
    let end = i;
    while (end < text.length && end - i < 2 && text.charCodeAt(end) === 61) end++;
    const length = end - start;
    if (length >= minRun && length <= maxRun) {
      const run = text.slice(start, end);
      const hex = allHex && length >= 32;
      const decoded = hex ? decodeHex(run) : decodeBase64(run);
      if (decoded !== undefined)
        found.push({ start, end, encoding: hex ? 'hex' : 'base64', decoded });
    }
    start = -1;
  }
}

/** Find base64 / hex / escape / HTML-entity runs that decode to readable text. */
export function findEncodedPayloads(text: string): EncodedPayload[] {
  const found: EncodedPayload[] = [];
  alphabetRuns(text, found);
  for (const [pattern, markers, encoding, decode] of decoders) {
    if (!markers.some((m) => text.includes(m))) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m && found.length < maxPayloads; m = pattern.exec(text)) {
      const decoded = decode(m[0]);
      if (decoded !== undefined)
        found.push({ start: m.index, end: m.index + m[0].length, encoding, decoded });
    }
  }
  return found;
}
