import {
  bytesAsText,
  bytesToText,
  looksLikeText,
  maxPayloads,
  printable,
  smallText,
  type EncodedPayload,
} from './decoded-text.js';
import { findEncodedBytes } from './decode-bytes.js';
import { findSpelledText } from './decode-spelled.js';
import { cipherMarks, findCipherLines, findNumberLists } from './decode-ciphers.js';
import { deobfuscate } from './deobfuscate.js';
import { findWideLeet, hasWideLeet, readWideLeet } from './decode-leet.js';

export type { EncodedPayload } from './decoded-text.js';

const minRun = 24;
const maxRun = 65536;
// Bits: 1 = base64 alphabet (standard and URL-safe), 2 = a hex digit, 4 = base32 (RFC 4648: A-Z, 2-7).
const alphabet = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9+/_-]/.test(ch))
    alphabet[c] = 1 | (/[0-9a-fA-F]/.test(ch) ? 2 : 0) | (/[A-Z2-7]/.test(ch) ? 4 : 0);
}
const escapeRun = /(?:\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|%[0-9a-fA-F]{2}){8,16384}/g;
const binaryRun = /(?:[01]{8}[ ]?){8,8192}/g;
const entityRun = /(?:&#(?:x[0-9a-fA-F]{1,6}|\d{1,7});[^&<\n]{0,3}){6,16384}/g;
const utf8 = new TextDecoder('utf-8');

function decodeBase64(run: string): string | undefined {
  // Identifiers, words and paths also match the alphabet; real base64 mixes cases and has few slashes. Counted
  // before any copy is made: most runs (paths, names) end here.
  let upper = 0;
  let lowerCase = 0;
  let slashes = 0;
  let length = run.length;
  while (length > 0 && run.charCodeAt(length - 1) === 0x3d) length--;
  for (let i = 0; i < length; i++) {
    const c = run.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) upper++;
    else if (c >= 0x61 && c <= 0x7a) lowerCase++;
    else if (c === 0x2f || c === 0x5f) slashes++;
  }
  if (upper === 0 || lowerCase === 0 || slashes + 1 > length / 12 + 2) return undefined;
  // A payload cut off mid-quartet (a page or a log truncated) keeps its whole quartets.
  if (length % 4 === 1) length--;
  const clean = run.slice(0, length).replace(/-/g, '+').replace(/_/g, '/');
  let bin: string;
  try {
    bin = atob(clean + '='.repeat((4 - (clean.length % 4)) % 4));
  } catch {
    return undefined;
  }
  return binaryText(bin) ?? binaryText(bin.slice(0, asciiPrefix(bin))) ?? disguisedText(bin);
}

/** Printable ASCII that reads as words only once its disguise is undone (leetspeak, camelCase run together). */
function disguisedText(bin: string): string | undefined {
  if (bin.length > maxUndisguised || /[^\x20-\x7e]/.test(bin)) return undefined;
  const plain = undisguised(bin);
  return plain !== undefined && printable(plain) ? bin : undefined;
}

function binaryText(bin: string): string | undefined {
  if (!looksLikeText(bin)) return undefined;
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytesToText(bytes);
}

// A payload with a character dropped or changed part way ("…ZXhhbXBsZmNvbS…") decodes to text up to the damage and
// noise after it: the text before is what it says.
const minPrefix = 24;

/** The length of the printable ASCII text at the start of `bin`, or 0 when shorter than `minPrefix`. */
function asciiPrefix(bin: string): number {
  let k = 0;
  while (k < bin.length) {
    const c = bin.charCodeAt(k);
    if (!((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09)) break;
    k++;
  }
  return k >= minPrefix && k < bin.length ? k : 0;
}

const base32Value = new Int8Array(128).fill(-1);
for (let k = 0; k < 32; k++) base32Value['ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.charCodeAt(k)] = k;

/** RFC 4648 base32 (upper case, padding optional) to text; upper-case names and words are not text once decoded. */
function decodeBase32(run: string): string | undefined {
  let length = run.length;
  while (length > 0 && run.charCodeAt(length - 1) === 0x3d) length--;
  const bytes = new Uint8Array(Math.floor((length * 5) / 8));
  let bits = 0;
  let value = 0;
  let k = 0;
  for (let i = 0; i < length; i++) {
    value = ((value << 5) | (base32Value[run.charCodeAt(i)] ?? 0)) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[k++] = (value >> bits) & 0xff;
    }
  }
  return bytesAsText(bytes, k);
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

const escapeSticky = new RegExp(escapeRun.source, 'y');
const entitySticky = new RegExp(entityRun.source, 'y');

// Try a sticky run pattern at each position a run can start, in order: the same matches a global search finds,
// without the regex engine stepping through every character of long text.
function markedRuns(
  text: string,
  starts: (from: number) => number,
  pattern: RegExp,
  encoding: EncodedPayload['encoding'],
  decode: (run: string) => string | undefined,
  found: EncodedPayload[],
): void {
  for (let p = starts(0); p >= 0 && found.length < maxPayloads; p = starts(p + 1)) {
    pattern.lastIndex = p;
    const m = pattern.exec(text);
    if (!m) continue;
    const end = p + m[0].length;
    const decoded = decode(m[0]);
    if (decoded !== undefined) found.push({ start: p, end, encoding, decoded });
    p = end - 1;
  }
}

/**
 * Finds where `\x`, `\u` and `%` escapes may start, in text order. Asked for positions that only grow, it keeps
 * where the next `%` and the next backslash are and searches again only once passed: each character is looked
 * at a bounded number of times, however the two kinds interleave (a fresh indexOf per question would read to
 * the end of a text with no `%` for every backslash, n² in all).
 */
function escapeStarts(text: string): (from: number) => number {
  let percent = -2;
  let slash = -2;
  return (from) => {
    if (percent !== -1 && percent < from) percent = text.indexOf('%', from);
    for (;;) {
      if (slash !== -1 && slash < from) slash = text.indexOf('\\', from);
      if (slash < 0 || (percent >= 0 && percent < slash)) return percent;
      const c = text.charCodeAt(slash + 1);
      if (c === 0x78 || c === 0x75) return slash;
      from = slash + 1;
    }
  };
}

const minAlphabetRun = minRun - 2;

// Maximal runs of the base64 alphabet that are long enough (with up to two '=' of padding) to decode. Probing
// every minAlphabetRun-th character skips ordinary words without reading each of their characters.
function alphabetRuns(text: string, found: EncodedPayload[]): void {
  const n = text.length;
  let i = 0;
  while (found.length < maxPayloads) {
    const p = i + minAlphabetRun - 1;
    if (p >= n) return;
    if (inAlphabet(text.charCodeAt(p)) === 0) {
      i = p + 1;
      continue;
    }
    let start = p;
    while (start > i && inAlphabet(text.charCodeAt(start - 1)) !== 0) start--;
    let stop = p + 1;
    while (stop < n && inAlphabet(text.charCodeAt(stop)) !== 0) stop++;
    // Base64 wrapped at a fixed width ("…\nY2UgbXVz…"): a line whose length is a multiple of four goes on into the
    // next line of the alphabet.
    let wrapped = false;
    for (let line = start; stop - line >= 16 && (stop - line) % 4 === 0;) {
      const next = text.charCodeAt(stop) === 0x0d ? stop + 2 : stop + 1;
      if (text.charCodeAt(next - 1) !== 0x0a || inAlphabet(text.charCodeAt(next)) === 0) break;
      // The next line must be base64 to its end too ("Thanks for your order." is not).
      let after = next;
      while (after < n && inAlphabet(text.charCodeAt(after)) !== 0) after++;
      const c = text.charCodeAt(after);
      if (after < n && c !== 0x0a && c !== 0x0d && c !== 0x3d) break;
      wrapped = true;
      line = next;
      stop = after;
    }
    // Base32 pads to eight characters, base64 to four.
    let end = stop;
    while (end < n && end - stop < 6 && text.charCodeAt(end) === 61) end++;
    const length = end - start;
    if (length >= minRun && length <= maxRun) {
      // What every character of the run also is: all hex digits, all base32.
      let kinds = wrapped || stop - start < 32 ? 4 : 6;
      for (let k = start; kinds !== 0 && k < stop; k++) kinds &= inAlphabet(text.charCodeAt(k));
      if ((kinds & 4) === 0) end = Math.min(end, stop + 2);
      const run = wrapped ? text.slice(start, end).replace(/\r?\n/g, '') : text.slice(start, end);
      const encoding = kinds & 2 ? 'hex' : kinds & 4 ? 'base32' : 'base64';
      const decoded =
        encoding === 'hex'
          ? decodeHex(run)
          : encoding === 'base32'
            ? decodeBase32(run)
            : decodeBase64(run);
      if (decoded !== undefined) found.push({ start, end, encoding, decoded });
    }
    i = stop + 1;
  }
}

function inAlphabet(c: number): number {
  return c < 128 ? (alphabet[c] ?? 0) : 0;
}

// A URL-encoded run: characters a URL keeps as they are and %XX escapes ("ignore%20all%20previous").
const urlChar = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.~!*'()+_-")
  urlChar[ch.charCodeAt(0)] = 1;
const urlRun = /(?:[\w.~!*'()+-]|%[0-9a-fA-F]{2}){1,65536}/y;
const minUrlEscapes = 3;

function decodeUrl(run: string): string | undefined {
  // Form encoding writes spaces as '+'; where %20 occurs, a '+' is a plus.
  const plain = run.includes('%20') ? run : run.replace(/\+/g, ' ');
  let text: string;
  try {
    text = decodeURIComponent(plain);
  } catch {
    return undefined;
  }
  return printable(text) ? text : undefined;
}

/**
 * Text URL-encoded in part: words kept, spaces and punctuation escaped. Each run is read once: from the first
 * `%` it starts before (back over URL characters, not past the last run read) to its end, and the next search
 * starts there.
 */
function urlRuns(text: string, found: EncodedPayload[]): void {
  // Runs of escapes alone were decoded already (found holds them in text order): skip past them.
  const escaped = found.filter((f) => f.encoding === 'escapes');
  let next = 0;
  let done = 0;
  for (
    let p = text.indexOf('%');
    p >= 0 && found.length < maxPayloads;
    p = text.indexOf('%', p + 1)
  ) {
    while (next < escaped.length && (escaped[next]?.end ?? 0) <= p) next++;
    const inside = escaped[next];
    if (inside !== undefined && inside.start <= p) {
      done = inside.end;
      p = inside.end - 1;
      continue;
    }
    if (p < done) continue;
    let start = p;
    while (start > done && (urlChar[text.charCodeAt(start - 1)] ?? 0) === 1) start--;
    urlRun.lastIndex = start;
    const m = urlRun.exec(text);
    const end = m ? start + m[0].length : p + 1;
    done = end;
    p = end - 1;
    if (!m) continue;
    let escapes = 0;
    for (let k = m[0].indexOf('%'); k >= 0 && escapes < minUrlEscapes; k = m[0].indexOf('%', k + 1))
      escapes++;
    if (escapes < minUrlEscapes) continue;
    const decoded = decodeUrl(m[0]);
    if (decoded !== undefined) found.push({ start, end, encoding: 'url-encoded', decoded });
  }
}

// ROT13 of the commonest English words: "gur" (the), "naq" (and), "bs" (of), "gb" (to), "lbh" (you)… No English
// text writes them, and three on one line mark the line as ROT13 (or another text that decodes to nothing).
// Dutch and Polish ones too: "urg" (het), "rra" (een), "ina" (van), "qr" (de), "ra" (en), "avrg" (niet), "wr" (je),
// "avr" (nie), "wrfg" (jest), "glz" (tym).
const rot13Words =
  /(?<![A-Za-z])(?:gur|naq|bs|gb|lbh|lbhe|vf|nyy|sbe|guvf|gung|jvgu|ner|abj|qb|nal|zr|zl|urg|rra|ina|qr|ra|avrg|wr|avr|wrfg|glz)(?![A-Za-z])/gi;
// The same words written backwards ("eht", "uoy", "ruoy", "lla"…): a line with three of them reads backwards.
// Short reversals that are words elsewhere ("si", "ni", "won", "era") are left out.
const reversedWords =
  /(?<![A-Za-z])(?:eht|dna|uoy|ruoy|lla|siht|taht|htiw|ton|rof|lliw|evah|tsum|won|yreve)(?![A-Za-z])/gi;
const cipherMinWords = 3;
const cipherMaxLine = 4096;
// A cheap first look, and only in small texts: a payload in such a form is short, and a megabyte of logs should not
// pay a pass for each form. One native scan looks for a mark of any of the rarer forms, each one a form cannot do
// without: ROT13 or reversed common words, the spelling alphabet's commonest letters ("Echo", "Tango"), a spaced hex
// space (20), Morse dots and dashes, braille cells, three one-character lines, a MIME word, quoted-printable escapes
// or soft breaks, a uuencode header, ASCII85's "<~" or a mention of base85/ASCII85 (ASCII85 without its "<~ ~>"
// is read only in a text that names it), "the", "and" or "you" under a letter cipher (decode-ciphers.ts). Most texts
// fail it at the cost
// of the single ROT13 look it replaces; each form's own look runs only where it passed.
const firstLook = new RegExp(
  [
    ' (?:(?:gur|naq|lbh|nyy|gb|urg|avrg|avr|eht|dna|uoy|ruoy|lla)[^A-Za-z]|(?:[Ee]cho|ECHO|[Tt]ango|TANGO)[^A-Za-z]|20 [0-9a-fA-F]{2} |[.-]{1,6} [.-]|[\u2801-\u28ff]{2})',
    '^(?:Gur|Lbh) ',
    '\u2800[\u2801-\u28ff]',
    '\n(?:\\S\r?\n\\S\r?\n\\S|begin [0-7])',
    '^begin [0-7]',
    '=(?:\\?|[0-9A-F]{2}=[0-9A-F]{2}|\r?\n)',
    '<~',
    '85(?<=(?:ase|ASE|scii|SCII)85)',
    cipherMarks,
    // Leetspeak drawn with several symbols a letter: "|-|", "|_|", "|\|", "(_)", "]\[", "/\/\", "}{" (decode-leet.ts).
    '\\|[-_\\\\]\\||\\(_\\)|\\]\\\\\\[|/\\\\/\\\\|\\}\\{',
  ].join('|'),
);
const rot13Gate = /[^A-Za-z](?:gur|naq|lbh|urg|avrg|avr)[^A-Za-z]|^(?:Gur|Lbh) /m;
const reversedGate = /[^A-Za-z](?:eht|uoy|ruoy)[^A-Za-z]|^(?:eht|uoy) /m;

const rot13 = (text: string): string =>
  text.replace(/[A-Za-z]/g, (ch) => {
    const c = ch.charCodeAt(0);
    const base = c <= 90 ? 65 : 97;
    return String.fromCharCode(((c - base + 13) % 26) + base);
  });

const reverse = (text: string): string => Array.from(text).reverse().join('');

/**
 * Lines with three or more of `words` (common English words in a cipher), decoded by `decode`. One regex pass,
 * each line once.
 */
function cipherLines(
  text: string,
  gate: RegExp,
  words: RegExp,
  decode: (line: string) => string,
  encoding: EncodedPayload['encoding'],
  found: EncodedPayload[],
): void {
  if (!gate.test(text)) return;
  words.lastIndex = 0;
  let lineStart = -1;
  let lineEnd = -1;
  let hits = 0;
  const flush = (): void => {
    if (hits < cipherMinWords || found.length >= maxPayloads) return;
    const start = Math.max(lineStart, lineEnd - cipherMaxLine);
    const decoded = decode(text.slice(start, lineEnd));
    if (printable(decoded)) found.push({ start, end: lineEnd, encoding, decoded });
  };
  for (let m = words.exec(text); m; m = words.exec(text)) {
    if (m.index >= lineEnd) {
      flush();
      lineStart = text.lastIndexOf('\n', m.index) + 1;
      const nl = text.indexOf('\n', m.index);
      lineEnd = nl < 0 ? text.length : nl;
      hits = 0;
    }
    hits++;
  }
  flush();
}

/**
 * Find runs that decode to readable text: base64, base32, hex, escapes, URL-encoded, HTML entities, binary, and in
 * small texts also ROT13, reversed lines, quoted-printable, MIME words, uuencode, ASCII85, spaced hex, Morse,
 * braille, the spelling alphabet and letters one a line.
 */
export function findEncodedPayloads(text: string): EncodedPayload[] {
  const found: EncodedPayload[] = [];
  alphabetRuns(text, found);
  markedRuns(text, escapeStarts(text), escapeSticky, 'escapes', decodeEscapes, found);
  urlRuns(text, found);
  markedRuns(
    text,
    (from) => text.indexOf('&#', from),
    entitySticky,
    'html-entities',
    decodeEntities,
    found,
  );
  // Binary text always encodes spaces (00100000), a cheap and specific gate.
  if (text.includes('00100000')) {
    binaryRun.lastIndex = 0;
    for (let m = binaryRun.exec(text); m && found.length < maxPayloads; m = binaryRun.exec(text)) {
      const decoded = decodeBinary(m[0]);
      if (decoded !== undefined)
        found.push({ start: m.index, end: m.index + m[0].length, encoding: 'binary', decoded });
    }
  }
  if (text.length <= smallText && firstLook.test(text)) {
    cipherLines(text, rot13Gate, rot13Words, rot13, 'rot13', found);
    cipherLines(text, reversedGate, reversedWords, reverse, 'reversed', found);
    findEncodedBytes(text, found);
    findSpelledText(text, found);
    findCipherLines(text, found);
    findWideLeet(text, found);
  }
  if (text.length <= smallText) findNumberLists(text, found);
  for (let k = 0; k < found.length; k++) {
    const payload = found[k];
    const plain = payload === undefined ? undefined : undisguised(payload.decoded);
    if (payload !== undefined && plain !== undefined)
      found[k] = { ...payload, decoded: `${payload.decoded}\n${plain}` };
  }
  return found;
}

// A decoded payload may itself be disguised (base64 of leetspeak, of words run together in camelCase): the
// disguise is undone as in the scanned text (deobfuscate), hinted at each digit or symbol next to a letter, and the
// plain reading is added to the payload's text. Payloads are short; a long one is read as it is.
const leetJoint = /[A-Za-z][0-9@$!|+]|[0-9@$!|+][A-Za-z]/g;
const maxUndisguised = 4096;

function undisguised(decoded: string): string | undefined {
  if (decoded.length > maxUndisguised) return undefined;
  if (hasWideLeet(decoded)) return readWideLeet(decoded);
  const hints: number[] = [];
  leetJoint.lastIndex = 0;
  for (let m = leetJoint.exec(decoded); m; m = leetJoint.exec(decoded)) hints.push(m.index);
  const parts = deobfuscate(decoded, hints);
  return parts.length === 0 ? undefined : parts.map((p) => p.text).join('\n');
}
