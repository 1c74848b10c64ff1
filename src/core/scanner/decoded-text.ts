/** A run of encoded text in the scanned string and the text it decodes to. */
export interface EncodedPayload {
  readonly start: number;
  readonly end: number;
  readonly encoding:
    | 'base64'
    | 'base32'
    | 'ascii85'
    | 'hex'
    | 'hex-dump'
    | 'html-entities'
    | 'escapes'
    | 'url-encoded'
    | 'quoted-printable'
    | 'mime-word'
    | 'uuencode'
    | 'binary'
    | 'rot13'
    | 'caesar'
    | 'atbash'
    | 'every-other-letter'
    | 'char-codes'
    | 'reversed'
    | 'morse'
    | 'braille'
    | 'spelling-alphabet'
    | 'letter-lines'
    | 'leetspeak';
  readonly decoded: string;
}

/** At most this many payloads are decoded from one text. */
export const maxPayloads = 64;

/**
 * Texts up to this many characters are also read for the rarer forms (ROT13, reversed lines, Morse, braille, the
 * spelling alphabet, letters one a line, quoted-printable, uuencode, MIME words, ASCII85, spaced hex): a payload in
 * such a form is short, and a megabyte of logs should not pay a pass for each.
 */
export const smallText = 32768;

const utf8 = new TextDecoder('utf-8');

/** Whether decoded text reads as words: mostly printable, mostly letters, words apart (or a script without spaces). */
export function printable(text: string): boolean {
  if (text.length < 8) return false;
  let good = 0;
  let letters = 0;
  let wide = 0;
  let spaces = 0;
  let n = 0;
  for (const ch of text) {
    n++;
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0x20) spaces++;
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || c >= 0xa0) good++;
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (c >= 0x0e00) wide++;
    }
  }
  // Decoded instructions read as words: mostly printable, mostly letters, with spaces between them, or in a
  // script written without spaces (Thai, Chinese, Japanese).
  return good / n >= 0.97 && letters / n >= 0.5 && (spaces >= 2 || wide >= 8);
}

/** Cheap first look at decoded bytes (one char a byte): mostly printable ASCII or UTF-8 lead/continuation bytes. */
export function looksLikeText(bin: string): boolean {
  let bad = 0;
  const limit = Math.min(bin.length, 256);
  for (let i = 0; i < limit; i++) {
    const c = bin.charCodeAt(i);
    if (c < 0x09 || (c > 0x0d && c < 0x20) || c === 0x7f) bad++;
  }
  return bad <= limit * 0.03;
}

/** Bytes as UTF-8 text when they are valid and read as words. */
export function bytesToText(bytes: Uint8Array): string | undefined {
  const text = utf8.decode(bytes);
  return !text.includes('\ufffd') && printable(text) ? text : undefined;
}

/** Bytes (the first `length` of `bytes`) as text when they look like text at a first glance and read as words. */
export function bytesAsText(bytes: Uint8Array, length = bytes.length): string | undefined {
  const view = bytes.subarray(0, length);
  let bad = 0;
  const limit = Math.min(view.length, 256);
  for (let i = 0; i < limit; i++) {
    const c = view[i] ?? 0;
    if (c < 0x09 || (c > 0x0d && c < 0x20) || c === 0x7f) bad++;
  }
  return bad <= limit * 0.03 ? bytesToText(view) : undefined;
}

/** Whether [start, end) overlaps a payload already found (another decoder read the same run). */
export function overlapsFound(
  found: readonly EncodedPayload[],
  start: number,
  end: number,
): boolean {
  return found.some((f) => f.start < end && start < f.end);
}
