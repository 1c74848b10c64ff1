import { maxPayloads, printable, type EncodedPayload } from './decoded-text.js';

// Letter ciphers a text may ask its reader to undo (a Caesar shift other than ROT13, Atbash, every other letter)
// and byte lists written as numbers (0x69 0x67…, \151\147…, 105,103,…). Each is recognised by what it must do to
// the commonest English words, which every sentence holds: a line is decoded only when three of its short words
// decode, by the same rule, to common words ("wkh" "dqg" "brx" under a shift of 3); a number list only when its bytes
// read as words. The decoded line is then read by the patterns as any decoded payload is: the decode itself is no
// finding (a cipher puzzle posed to a person decodes to a harmless sentence). The caller reads small texts only.

// Common words of three and four letters, which a sentence of any length holds: the tokens a cipher's votes are
// counted on (two-letter words are left out: a shift maps most pairs of letters onto one of them).
const commonSet = new Set(
  (
    'the and you all for are now any not was but our can its own one has two how who why get let may new see use ' +
    'your this that with from have will them they must what tell then than when were been here only also into just'
  ).split(' '),
);
const cipherVotes = 3;
const maxLine = 4096;

/** Letter differences of a word (mod 26), as a key: words equal up to a shift have the same key. */
function shiftKey(word: string): string {
  let key = '';
  const first = word.charCodeAt(0);
  for (let i = 1; i < word.length; i++)
    key += String.fromCharCode(97 + ((word.charCodeAt(i) - first + 26) % 26));
  return `${word.length}${key}`;
}
const byShiftKey = new Map<string, string[]>();
for (const w of commonSet) {
  const key = shiftKey(w);
  const list = byShiftKey.get(key) ?? [];
  list.push(w);
  byShiftKey.set(key, list);
}
const atbashLetter = (c: number): number => 97 + 25 - (c - 97);
const atbashCommon = new Set(
  [...commonSet].map((w) =>
    String.fromCharCode(...Array.from(w, (ch) => atbashLetter(ch.charCodeAt(0)))),
  ),
);

const shortToken = /(?<![A-Za-z])[A-Za-z]{3,4}(?![A-Za-z])/g;

function shifted(line: string, shift: number): string {
  return line.replace(/[A-Za-z]/g, (ch) => {
    const c = ch.charCodeAt(0);
    const base = c <= 90 ? 65 : 97;
    return String.fromCharCode(((c - base - shift + 26) % 26) + base);
  });
}
function atbash(line: string): string {
  return line.replace(/[A-Za-z]/g, (ch) => {
    const c = ch.charCodeAt(0);
    const base = c <= 90 ? 65 : 97;
    return String.fromCharCode(base + 25 - (c - base));
  });
}

/**
 * Lines whose short words vote, three or more for the same key, for a Caesar shift (not 0, not 13: ROT13 has its own
 * reading) or for Atbash, each decoded with its winning key; and lines of every-other-letter words.
 */
function cipherLines(text: string, found: EncodedPayload[]): void {
  forGatedLines(text, cipherGate, 16, (lineStart, lineEnd) => {
    if (found.length < maxPayloads) cipherLine(text, lineStart, lineEnd, found);
    if (found.length < maxPayloads) interleavedLine(text, lineStart, lineEnd, found);
  });
}

/**
 * Calls `read` once for each line (of `minLength` characters or more) that holds a match of `gate`: one native scan
 * of the text, and the line-by-line reading only where a cipher can be.
 */
function forGatedLines(
  text: string,
  gate: RegExp,
  minLength: number,
  read: (lineStart: number, lineEnd: number) => void,
): void {
  gate.lastIndex = 0;
  for (let m = gate.exec(text); m; m = gate.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const nl = text.indexOf('\n', m.index);
    const lineEnd = nl < 0 ? text.length : nl;
    if (lineEnd - lineStart >= minLength) read(lineStart, lineEnd);
    gate.lastIndex = lineEnd;
  }
}

// A cipher line holds "the", "and" or "you" under its key (their 24 shifts, ROT13 being read elsewhere, and their
// Atbash forms), or with a filler letter after (or before) each letter, after a blank. The forms that are words or
// names of their own ("max", "rfc", "aol") are left out: the line holds the other two. `cipherMarks` is part of the
// decoder's first look (decode.ts); `cipherGate` finds the lines.
const commonForms = new Set(['max', 'rfc', 'aol', 'esp', 'dro', 'pcs', 'wms', 'sio', 'kag']);
export const cipherMarks = (() => {
  const forms = new Set<string>();
  for (const w of ['the', 'and', 'you']) {
    for (let k = 1; k < 26; k++) if (k !== 13) forms.add(shiftWord(w, k));
    forms.add(String.fromCharCode(...Array.from(w, (ch) => atbashLetter(ch.charCodeAt(0)))));
    forms.add(Array.from(w, (ch) => `${ch}[a-z]`).join(''));
    forms.add(Array.from(w, (ch) => `[a-z]${ch}`).join(''));
  }
  return `\\s(?:${[...forms].filter((f) => !commonForms.has(f)).join('|')})(?![A-Za-z])`;
})();
const cipherGate = new RegExp(cipherMarks, 'g');

function shiftWord(word: string, k: number): string {
  return String.fromCharCode(...Array.from(word, (ch) => 97 + ((ch.charCodeAt(0) - 97 + k) % 26)));
}

function cipherLine(
  text: string,
  lineStart: number,
  lineEnd: number,
  found: EncodedPayload[],
): void {
  const start = Math.max(lineStart, lineEnd - maxLine);
  const votes = new Uint8Array(27);
  shortToken.lastIndex = start;
  let best = -1;
  for (let m = shortToken.exec(text); m && m.index < lineEnd; m = shortToken.exec(text)) {
    const word = m[0].toLowerCase();
    if (commonSet.has(word)) continue;
    if (atbashCommon.has(word) && (votes[26] = (votes[26] ?? 0) + 1) >= cipherVotes) {
      best = 26;
      break;
    }
    const candidates = byShiftKey.get(shiftKey(word));
    if (candidates === undefined) continue;
    for (const w of candidates) {
      const shift = (word.charCodeAt(0) - w.charCodeAt(0) + 26) % 26;
      if (shift === 0 || shift === 13) continue;
      if ((votes[shift] = (votes[shift] ?? 0) + 1) >= cipherVotes) best = shift;
    }
    if (best >= 0) break;
  }
  if (best < 0) return;
  const line = text.slice(start, lineEnd);
  const decoded = best === 26 ? atbash(line) : shifted(line, best);
  if (printable(decoded))
    found.push({ start, end: lineEnd, encoding: best === 26 ? 'atbash' : 'caesar', decoded });
}

// Every other letter: each word written with a filler letter after (or before) each of
// its letters. Words of even length whose letters at even (or odd) places are a common word vote for the reading.
const evenWord = /(?<![A-Za-z])(?:[A-Za-z]{2}){2,12}(?![A-Za-z])/g;
const minHalf = 3;

function halfLetters(word: string, odd: number): string {
  let out = '';
  for (let i = odd; i < word.length; i += 2) out += word.charAt(i);
  return out;
}

function interleavedLine(
  text: string,
  lineStart: number,
  lineEnd: number,
  found: EncodedPayload[],
): void {
  const start = Math.max(lineStart, lineEnd - maxLine);
  const votes = [0, 0];
  evenWord.lastIndex = start;
  for (let m = evenWord.exec(text); m && m.index < lineEnd; m = evenWord.exec(text)) {
    const word = m[0].toLowerCase();
    if (word.length < minHalf * 2) continue;
    if (commonSet.has(halfLetters(word, 0))) votes[0] = (votes[0] ?? 0) + 1;
    if (commonSet.has(halfLetters(word, 1))) votes[1] = (votes[1] ?? 0) + 1;
  }
  const odd = (votes[1] ?? 0) > (votes[0] ?? 0) ? 1 : 0;
  if ((votes[odd] ?? 0) < cipherVotes) return;
  const decoded = text.slice(start, lineEnd).replace(evenWord, (word) => halfLetters(word, odd));
  if (printable(decoded))
    found.push({ start, end: lineEnd, encoding: 'every-other-letter', decoded });
}

// Bytes written as numbers: 0x69 0x67 (or 0x69,0x67), \151\147 (octal escapes), 105, 103 (decimal char codes).
const hexList = /(?:0[xX][0-9a-fA-F]{2}(?:[ ,;]{1,3}|(?=\]|\}|\)|$))){12,16384}/g;
const octalList = /(?:\\[0-3][0-7]{2}){12,16384}/g;
const decimalList = /\b(?:(?:3[2-9]|[4-9]\d|1[01]\d|12[0-6])(?:, ?|(?![\d.]))){12,16384}/g;

function numberRuns(
  text: string,
  gate: string,
  pattern: RegExp,
  byte: RegExp,
  radix: number,
  found: EncodedPayload[],
): void {
  if (!text.includes(gate)) return;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m && found.length < maxPayloads; m = pattern.exec(text)) {
    const bytes: number[] = [];
    for (const b of m[0].matchAll(byte)) bytes.push(parseInt(b[1] ?? '0', radix));
    let decoded: string;
    try {
      decoded = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
    } catch {
      continue;
    }
    if (printable(decoded))
      found.push({ start: m.index, end: m.index + m[0].length, encoding: 'char-codes', decoded });
  }
}

/** Caesar and Atbash lines, every-other-letter lines (in a text that passed the first look: `cipherMarks`). */
export function findCipherLines(text: string, found: EncodedPayload[]): void {
  cipherLines(text, found);
}

/** Byte lists written as numbers (0x…, octal escapes, decimal char codes) that read as words. */
export function findNumberLists(text: string, found: EncodedPayload[]): void {
  numberRuns(text, '0x', hexList, /0[xX]([0-9a-fA-F]{2})/g, 16, found);
  numberRuns(text, '\\', octalList, /\\([0-3][0-7]{2})/g, 8, found);
  numberRuns(text, ',', decimalList, /(\d+)/g, 10, found);
}
