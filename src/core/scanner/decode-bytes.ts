import {
  bytesAsText,
  maxPayloads,
  overlapsFound,
  printable,
  type EncodedPayload,
} from './decoded-text.js';

// Byte encodings of mail and print (quoted-printable, MIME encoded-words, uuencode, ASCII85) and hex dumps. Each
// is found by a literal its form cannot do without ('=', '=?', "begin ", '<~', hex pairs apart by spaces), read
// once from there, and kept only when the bytes read as words. The caller reads small texts only (smallText).

const maxRun = 65536;
const utf8 = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

// Quoted-printable escapes: '=' and two upper-case hex digits, or '=' ending a line (a soft line break).
const qpEscape = /=(?:[0-9A-F]{2}|\r?\n)/g;
const qpMinEscapes = 8;
// A quoted-printable line is at most 76 characters: escapes further apart than that are not one body.
const qpMaxGap = 80;

// Mail encodes only what it must: bytes outside printable ASCII, '=', a space at a line's end. An e-mail body is
// readable as it is (the scan reads it so); letters written as escapes are there to hide them.
const minLetterEscapes = 4;

/** Bytes of a quoted-printable stretch that hides letters: escapes and soft breaks undone, other characters as UTF-8. */
function decodeQuotedPrintable(run: string): string | undefined {
  const bytes: number[] = [];
  let letters = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c === 0x3d) {
      if (run.charCodeAt(i + 1) === 0x0a) {
        i += 1;
        continue;
      }
      if (run.charCodeAt(i + 1) === 0x0d && run.charCodeAt(i + 2) === 0x0a) {
        i += 2;
        continue;
      }
      const hi = hexValue(run.charCodeAt(i + 1));
      const lo = hexValue(run.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        const b = hi * 16 + lo;
        if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) letters++;
        bytes.push(b);
        i += 2;
        continue;
      }
    }
    if (c < 0x80) {
      bytes.push(c);
      continue;
    }
    const ch = String.fromCodePoint(run.codePointAt(i) ?? c);
    for (const b of utf8Encoder.encode(ch)) bytes.push(b);
    i += ch.length - 1;
  }
  return letters >= minLetterEscapes ? bytesAsText(Uint8Array.from(bytes)) : undefined;
}

/** Stretches dense with quoted-printable escapes, from the line of the first to the end of the line of the last. */
function quotedPrintableRuns(text: string, found: EncodedPayload[]): void {
  if (!text.includes('=')) return;
  qpEscape.lastIndex = 0;
  let first = -1;
  let last = -1;
  let count = 0;
  const flush = (): void => {
    if (count < qpMinEscapes || found.length >= maxPayloads) return;
    const start = text.lastIndexOf('\n', first) + 1;
    const nl = text.indexOf('\n', last + 1);
    const end = Math.min(nl < 0 ? text.length : nl, start + maxRun);
    if (overlapsFound(found, start, end)) return;
    const decoded = decodeQuotedPrintable(text.slice(start, end));
    if (decoded !== undefined) found.push({ start, end, encoding: 'quoted-printable', decoded });
  };
  for (let m = qpEscape.exec(text); m; m = qpEscape.exec(text)) {
    if (last < 0 || m.index - last > qpMaxGap) {
      flush();
      first = m.index;
      count = 0;
    }
    last = m.index + m[0].length - 1;
    count++;
  }
  flush();
}

// RFC 2047 encoded-words ("=?UTF-8?B?…?=", "=?ISO-8859-1?Q?…?="); adjacent words read as one text.
const encodedWordPattern = /=\?([A-Za-z0-9_-]{1,40})\?([BbQq])\?([^?\s]{1,4096})\?=/g;

function wordBytes(kind: string, body: string): Uint8Array | undefined {
  if (kind === 'B' || kind === 'b') {
    let bin: string;
    try {
      bin = atob(body);
    } catch {
      return undefined;
    }
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const hi = c === 0x3d ? hexValue(body.charCodeAt(i + 1)) : -1;
    const lo = c === 0x3d ? hexValue(body.charCodeAt(i + 2)) : -1;
    if (hi >= 0 && lo >= 0) {
      bytes.push(hi * 16 + lo);
      i += 2;
    } else bytes.push(c === 0x5f ? 0x20 : c & 0xff);
  }
  return Uint8Array.from(bytes);
}

function charsetText(charset: string, bytes: Uint8Array): string | undefined {
  if (/^(?:utf-?8|us-ascii)$/i.test(charset)) {
    const text = utf8.decode(bytes);
    return text.includes('\ufffd') ? undefined : text;
  }
  // Single-byte charsets (ISO-8859-x, Windows-125x) agree with Latin-1 on letters an order is written in.
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return text;
}

function mimeWords(text: string, found: EncodedPayload[]): void {
  if (!text.includes('=?')) return;
  encodedWordPattern.lastIndex = 0;
  let start = -1;
  let end = -1;
  let decoded = '';
  const flush = (): void => {
    if (start < 0 || found.length >= maxPayloads || !printable(decoded)) return;
    if (!overlapsFound(found, start, end))
      found.push({ start, end, encoding: 'mime-word', decoded });
  };
  for (let m = encodedWordPattern.exec(text); m; m = encodedWordPattern.exec(text)) {
    const bytes = wordBytes(m[2] ?? '', m[3] ?? '');
    const piece = bytes === undefined ? undefined : charsetText(m[1] ?? '', bytes);
    // Words apart by white space only are one text (RFC 2047 §6.2).
    const joined = start >= 0 && /^\s*$/.test(text.slice(end, m.index));
    if (!joined) {
      flush();
      start = m.index;
      decoded = '';
    }
    end = m.index + m[0].length;
    if (piece === undefined) {
      start = -1;
      continue;
    }
    decoded += piece;
  }
  flush();
}

// uuencode: "begin <mode> <name>", then lines whose first character gives their byte count.
const uuBegin = /^begin [0-7]{3,4} [^\r\n]{1,256}\r?\n/gm;

function uuencoded(text: string, found: EncodedPayload[]): void {
  if (!text.includes('begin ')) return;
  uuBegin.lastIndex = 0;
  for (let m = uuBegin.exec(text); m && found.length < maxPayloads; m = uuBegin.exec(text)) {
    const bytes: number[] = [];
    let p = m.index + m[0].length;
    while (p < text.length && p - m.index < maxRun) {
      const nl = text.indexOf('\n', p);
      const lineEnd = nl < 0 ? text.length : nl;
      const line = text.slice(p, text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd);
      const count = (line.charCodeAt(0) - 0x20) & 0x3f;
      if (line.length === 0 || count === 0 || line.length < 1 + Math.ceil(count / 3) * 4 - 1) {
        p = lineEnd + 1;
        break;
      }
      const v = (k: number): number => (line.charCodeAt(k) - 0x20) & 0x3f;
      for (let k = 1, got = 0; got < count; k += 4) {
        const quad = [v(k), v(k + 1), v(k + 2), v(k + 3)] as const;
        const three = [
          (quad[0] << 2) | (quad[1] >> 4),
          ((quad[1] & 15) << 4) | (quad[2] >> 2),
          ((quad[2] & 3) << 6) | quad[3],
        ];
        for (const b of three) if (got++ < count) bytes.push(b & 0xff);
      }
      p = lineEnd + 1;
    }
    const end = Math.min(p, text.length);
    const decoded = bytesAsText(Uint8Array.from(bytes));
    if (decoded !== undefined) found.push({ start: m.index, end, encoding: 'uuencode', decoded });
    uuBegin.lastIndex = end;
  }
}

function textBytes(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) return false;
  }
  return true;
}

/** ASCII85 (Adobe, btoa): five characters '!'…'u' for four bytes, 'z' for four zero bytes; white space ignored. */
function decodeAscii85(run: string): string | undefined {
  const bytes = new Uint8Array(Math.ceil(run.length / 5) * 4 + 4);
  let k = 0;
  let group = 0;
  let count = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    if (c === 0x7a && count === 0) {
      k += 4;
      continue;
    }
    if (c < 0x21 || c > 0x75) return undefined;
    group = group * 85 + (c - 0x21);
    if (++count === 5) {
      if (group > 0xffffffff) return undefined;
      bytes[k++] = group >>> 24;
      bytes[k++] = (group >>> 16) & 0xff;
      bytes[k++] = (group >>> 8) & 0xff;
      bytes[k++] = group & 0xff;
      group = 0;
      count = 0;
      // Text has no control bytes: a token that is not ASCII85 shows one within its first groups.
      if (k <= 16 && !textBytes(bytes, k - 4, k)) return undefined;
    }
  }
  if (count === 1) return undefined;
  if (count > 0) {
    for (let pad = count; pad < 5; pad++) group = group * 85 + 84;
    if (group > 0xffffffff) return undefined;
    for (let b = 0; b < count - 1; b++) bytes[k++] = (group >>> (24 - 8 * b)) & 0xff;
  }
  return bytesAsText(bytes, k);
}

// An order of a few words is 40 characters of ASCII85 and more; shorter tokens are not read.
const minAscii85 = 40;

/** Delimited ASCII85 ("<~…~>") and long tokens of its alphabet that base64 does not read (they hold punctuation). */
function ascii85Runs(text: string, found: EncodedPayload[]): void {
  for (let p = text.indexOf('<~'); p >= 0 && found.length < maxPayloads;) {
    const close = text.indexOf('~>', p + 2);
    if (close < 0 || close - p > maxRun) break;
    const decoded = decodeAscii85(text.slice(p + 2, close));
    if (decoded !== undefined)
      found.push({ start: p, end: close + 2, encoding: 'ascii85', decoded });
    p = text.indexOf('<~', close + 2);
  }
  // Tokens: probing every minAscii85-th character skips prose, whose words are shorter.
  const n = text.length;
  let i = 0;
  while (found.length < maxPayloads) {
    const p = i + minAscii85 - 1;
    if (p >= n) return;
    if (!inAscii85(text.charCodeAt(p))) {
      i = p + 1;
      continue;
    }
    let start = p;
    while (start > i && inAscii85(text.charCodeAt(start - 1))) start--;
    let end = p + 1;
    while (end < n && inAscii85(text.charCodeAt(end))) end++;
    i = end + 1;
    if (end - start < minAscii85 || end - start > maxRun || overlapsFound(found, start, end))
      continue;
    // Mostly letters and digits with some punctuation, none of the base64 alphabet's lower-case v-z.
    let punctuation = 0;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c < 0x30 || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61)) punctuation++;
    }
    if (punctuation * 20 < end - start) continue;
    // A value after its key ("payload=…", "data:…") starts after the key.
    const token = text.slice(start, end);
    const key = /^[A-Za-z_]{1,24}[=:]/.exec(token);
    const decoded =
      decodeAscii85(token) ?? (key ? decodeAscii85(token.slice(key[0].length)) : undefined);
    if (decoded !== undefined) found.push({ start, end, encoding: 'ascii85', decoded });
  }
}

// '!'…'u' and 'z'; '<' and '~' too, so a delimited run is one token (it was read above).
function inAscii85(c: number): boolean {
  return (c >= 0x21 && c <= 0x75) || c === 0x7a || c === 0x7e;
}

// Hex bytes apart by spaces ("49 67 6e …"), as hex dumps and packet captures print them: at least eight pairs.
const spacedHex = /(?<![0-9A-Za-z])(?:[0-9a-fA-F]{2}[ ]{1,2}){7,}[0-9a-fA-F]{2}(?![0-9A-Za-z])/g;
// Between the pairs of two lines of a dump: the line's ASCII column, a line break, the next line's offset.
const dumpJoint = /^(?: {2}[^\n]{0,20})?\r?\n(?:[0-9a-fA-F]{4,8}:? +)?$/;

function hexDumps(text: string, found: EncodedPayload[]): void {
  spacedHex.lastIndex = 0;
  let start = -1;
  let end = -1;
  let hex = '';
  const flush = (): void => {
    if (start < 0 || found.length >= maxPayloads || overlapsFound(found, start, end)) return;
    const pairs = hex.replace(/ /g, '');
    const bytes = new Uint8Array(pairs.length / 2);
    for (let k = 0; k < bytes.length; k++)
      bytes[k] = hexValue(pairs.charCodeAt(2 * k)) * 16 + hexValue(pairs.charCodeAt(2 * k + 1));
    const decoded = bytesAsText(bytes);
    if (decoded !== undefined) found.push({ start, end, encoding: 'hex-dump', decoded });
  };
  for (let m = spacedHex.exec(text); m; m = spacedHex.exec(text)) {
    if (start >= 0 && m.index - end <= 40 && dumpJoint.test(text.slice(end, m.index))) {
      hex += ' ' + m[0];
      end = m.index + m[0].length;
      continue;
    }
    flush();
    start = m.index;
    end = m.index + m[0].length;
    hex = m[0];
    if (end - start > maxRun) break;
  }
  flush();
}

/** Quoted-printable, MIME encoded-words, uuencode, ASCII85 and spaced hex runs that decode to readable text. */
export function findEncodedBytes(text: string, found: EncodedPayload[]): void {
  mimeWords(text, found);
  quotedPrintableRuns(text, found);
  uuencoded(text, found);
  ascii85Runs(text, found);
  hexDumps(text, found);
}
