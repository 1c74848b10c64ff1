/** What an ANSI/OSC escape sequence does, from harmless colour to clipboard writes. */
export type AnsiKind = 'sgr' | 'sgr-conceal' | 'cursor' | 'osc8' | 'osc52' | 'osc' | 'other';

/** One escape sequence found at a position: its kind and where it ends (exclusive). */
export interface AnsiSequence {
  readonly kind: AnsiKind;
  readonly end: number;
}

const ESC = 0x1b;
const CSI_C1 = 0x9b;
const OSC_C1 = 0x9d;
const maxCsiLength = 64;
const maxOscLength = 4096;

/** True when `code` starts an escape sequence (ESC, or the C1 CSI/OSC introducers). */
export function isEscapeStart(code: number): boolean {
  return code === ESC || code === CSI_C1 || code === OSC_C1;
}

/**
 * Parse the escape sequence starting at `i` (which must satisfy isEscapeStart). `plain` reads an SGR 8 as conceal
 * without asking whether it hides a message (how concealsProse reads the sequences it steps over).
 */
export function ansiSequenceAt(text: string, i: number, plain = false): AnsiSequence {
  const first = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  if (first === CSI_C1 || (first === ESC && next === 0x5b)) {
    return parseCsi(text, first === CSI_C1 ? i + 1 : i + 2, plain);
  }
  if (first === OSC_C1 || (first === ESC && next === 0x5d)) {
    return parseOsc(text, first === OSC_C1 ? i + 1 : i + 2);
  }
  // Two-byte escapes (ESC 7/8 save/restore cursor, ESC c reset, ESC M reverse index) move or wipe output.
  return { kind: 'other', end: Math.min(text.length, i + 2) };
}

// Private modes that change how the terminal behaves, not what it shows: cursor visibility and blinking (25, 12),
// cursor keys and auto-wrap (1, 7), bracketed paste (2004), mouse and focus reporting (1000–1006, 1015), synchronised
// output (2026). A progress bar hides the cursor while it draws and shows it again ("ESC[?25l … ESC[?25h"): no text is
// moved, erased or hidden, so such a sequence is as harmless as a colour. The alternate screen (47, 1047, 1049) does
// hide what is written to it, and stays a cursor control.
const harmlessModes = new Set([
  1, 7, 12, 25, 1000, 1001, 1002, 1003, 1004, 1005, 1006, 1015, 2004, 2026,
]);
function modeOnly(text: string, start: number, final: number, c: number): boolean {
  if ((c !== 0x68 && c !== 0x6c) || text.charCodeAt(start) !== 0x3f || final - start > 24)
    return false;
  for (const n of text.slice(start + 1, final).split(';'))
    if (!/^\d{1,4}$/.test(n) || !harmlessModes.has(Number(n))) return false;
  return true;
}

function parseCsi(text: string, start: number, plain: boolean): AnsiSequence {
  const limit = Math.min(text.length, start + maxCsiLength);
  let j = start;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c >= 0x40 && c <= 0x7e) {
      if (c !== 0x6d) return { kind: modeOnly(text, start, j, c) ? 'sgr' : 'cursor', end: j + 1 };
      const conceal = sgrConceals(text.slice(start, j)) && (plain || concealsProse(text, j + 1));
      return { kind: conceal ? 'sgr-conceal' : 'sgr', end: j + 1 };
    }
    if (c < 0x20 || c > 0x3f) break;
    j++;
  }
  return { kind: 'other', end: j };
}

// Conceal is a hidden channel when what it hides could be read as a message: a terminal conceals a typed password
// ("Password: ESC[8mhunter2ESC[28m") or nothing at all (ESC[8mESC[0m). What it hides runs to the line's end or to the
// SGR that reveals it again (0, 28 or an empty one); other escapes on the way are stepped over, so a message cut one
// word per escape reads whole. It is a message from two words on (a password is one token), when it holds a link or
// an address, or when it runs past `concealReach` characters or `concealEscapes` escapes without an end. Each conceal
// reads at most that far ahead, so the cost stays linear in the text.
const concealReach = 200;
const concealEscapes = 4;
function concealsProse(text: string, from: number): boolean {
  const limit = Math.min(text.length, from + concealReach);
  let words = 0;
  let inWord = false;
  let escapes = 0;
  let k = from;
  while (k < limit) {
    const c = text.charCodeAt(k);
    if (c === 0x0a || c === 0x0d) return false;
    if (isEscapeStart(c)) {
      const seq = ansiSequenceAt(text, k, true);
      if (seq.kind === 'sgr' && revealsAgain(text.slice(k, seq.end))) return false;
      // A second conceal before any reveal: read as a message (it costs one step, not a look-ahead per conceal).
      if (seq.kind === 'sgr-conceal' || ++escapes > concealEscapes) return true;
      k = Math.max(seq.end, k + 1);
      inWord = false;
      continue;
    }
    // A link or an address.
    if (c === 0x40 || (c === 0x3a && text.charCodeAt(k + 1) === 0x2f)) return true;
    const letter =
      (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c > 0x7f;
    if (letter && !inWord && ++words >= 2) return true;
    inWord = letter;
    k++;
  }
  return limit < text.length;
}

// An SGR that ends conceal: a reset (empty, 0) or 28 among its parameters.
function revealsAgain(sequence: string): boolean {
  const params = sequence.slice(sequence.charCodeAt(0) === CSI_C1 ? 1 : 2, -1);
  return params === '' || params.split(/[;:]/).some((p) => p === '0' || p === '28' || p === '');
}

// SGR 8 is "conceal"; an 8 inside 38;5;8 or 38;2;r;g;b is a colour value, not conceal.
function sgrConceals(params: string): boolean {
  if (params === '8') return true;
  if (!params.includes('8')) return false;
  const parts = params.split(/[;:]/);
  for (let k = 0; k < parts.length; k++) {
    const p = Number(parts[k] === '' ? '0' : parts[k]);
    if (p === 38 || p === 48 || p === 58) {
      const mode = Number(parts[k + 1]);
      k += mode === 5 ? 2 : mode === 2 ? 4 : 0;
    } else if (p === 8) {
      return true;
    }
  }
  return false;
}

function parseOsc(text: string, start: number): AnsiSequence {
  const limit = Math.min(text.length, start + maxOscLength);
  let num = '';
  let j = start;
  while (j < limit && j < start + 4) {
    const c = text.charCodeAt(j);
    if (c < 0x30 || c > 0x39) break;
    num += text.charAt(j);
    j++;
  }
  const kind: AnsiKind = num === '8' ? 'osc8' : num === '52' ? 'osc52' : 'osc';
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c === 0x07 || c === 0x9c) return { kind, end: j + 1 };
    if (c === ESC && text.charCodeAt(j + 1) === 0x5c) return { kind, end: j + 2 };
    j++;
  }
  return { kind, end: j };
}
