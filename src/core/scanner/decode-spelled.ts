import { maxPayloads, overlapsFound, printable, type EncodedPayload } from './decoded-text.js';

// Text spelled out a letter at a time: Morse code, braille cells, the ICAO spelling alphabet ("Alfa Bravo …") and
// letters one a line. Each is found from a mark its form cannot do without ('.-' or '-.', a braille cell, "Echo"
// or "Tango", three one-letter lines), read once from there to the end of its run, and kept when it spells words.
// The caller reads small texts only (smallText).

const maxRun = 65536;
const minLetters = 8;

const morseCodes: Readonly<Record<string, string>> = {
  '.-': 'a',
  '-...': 'b',
  '-.-.': 'c',
  '-..': 'd',
  '.': 'e',
  '..-.': 'f',
  '--.': 'g',
  '....': 'h',
  '..': 'i',
  '.---': 'j',
  '-.-': 'k',
  '.-..': 'l',
  '--': 'm',
  '-.': 'n',
  '---': 'o',
  '.--.': 'p',
  '--.-': 'q',
  '.-.': 'r',
  '...': 's',
  '-': 't',
  '..-': 'u',
  '...-': 'v',
  '.--': 'w',
  '-..-': 'x',
  '-.--': 'y',
  '--..': 'z',
  '-----': '0',
  '.----': '1',
  '..---': '2',
  '...--': '3',
  '....-': '4',
  '.....': '5',
  '-....': '6',
  '--...': '7',
  '---..': '8',
  '----.': '9',
  '.-.-.-': '.',
  '--..--': ',',
  '..--..': '?',
  '-..-.': '/',
  '.--.-.': '@',
  '---...': ':',
  '.----.': "'",
  '-....-': '-',
  '-.--.': '(',
  '-.--.-': ')',
  '-...-': '=',
};

// Characters a Morse run is made of: dots, dashes, spaces, and '/' or '|' between words.
function inMorse(c: number): boolean {
  return (
    c === 0x2e || c === 0x2d || c === 0x20 || c === 0x2f || c === 0x7c || c === 0x0a || c === 0x0d
  );
}

/** Morse to text: letters apart by a space, words by '/', '|', a line break or two spaces and more. */
function decodeMorse(run: string): string | undefined {
  let text = '';
  let letters = 0;
  let unknown = 0;
  for (const word of run.trim().split(/\s*[/|\n]\s*|\s{2,}/)) {
    if (word === '') continue;
    if (text) text += ' ';
    for (const code of word.split(' ')) {
      const ch = morseCodes[code];
      if (ch === undefined) unknown++;
      else {
        text += ch;
        letters++;
      }
    }
  }
  return letters >= minLetters && unknown * 10 <= letters && printable(text) ? text : undefined;
}

function morseRuns(text: string, found: EncodedPayload[]): void {
  let from = 0;
  const marks = morseMarks(text);
  for (let p = marks(0); p >= 0 && found.length < maxPayloads; p = marks(from)) {
    let start = p;
    while (start > from && inMorse(text.charCodeAt(start - 1))) start--;
    let end = p + 2;
    while (end < text.length && end - start < maxRun && inMorse(text.charCodeAt(end))) end++;
    from = end;
    while (start < end && !isDotOrDash(text.charCodeAt(start))) start++;
    while (end > start && !isDotOrDash(text.charCodeAt(end - 1))) end--;
    if (end - start < 2 * minLetters || overlapsFound(found, start, end)) continue;
    const decoded = decodeMorse(text.slice(start, end));
    if (decoded !== undefined) found.push({ start, end, encoding: 'morse', decoded });
  }
}

const isDotOrDash = (c: number): boolean => c === 0x2e || c === 0x2d;

/**
 * Where a dot stands next to a dash (every Morse letter but e, i, s, h, t, m, o has one, so any Morse sentence
 * does), asked for positions that only grow. Each search starts past the last one found: the text is read once.
 */
function morseMarks(text: string): (from: number) => number {
  let a = -2;
  let b = -2;
  return (from) => {
    if (a !== -1 && a < from) a = text.indexOf('.-', from);
    if (b !== -1 && b < from) b = text.indexOf('-.', from);
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  };
}

// Grade 1 braille cells (U+2800 + dot bits) for letters and the commonest marks. Dot 6 alone marks a capital;
// the number sign turns a-j into digits until the next space.
const brailleLetters = new Map<number, string>();
{
  const dots = ['1', '12', '14', '145', '15', '124', '1245', '125', '24', '245'];
  const bits = (d: string): number => {
    let b = 0;
    for (const k of d) b |= 1 << (Number(k) - 1);
    return b;
  };
  const letters = 'abcdefghijklmnopqrstuvxyz';
  for (let k = 0; k < letters.length; k++) {
    const base = dots[k % 10] ?? '';
    brailleLetters.set(bits(k < 10 ? base : k < 20 ? base + '3' : base + '36'), letters.charAt(k));
  }
  brailleLetters.set(bits('2456'), 'w');
  for (const [d, ch] of [
    ['2', ','],
    ['256', '.'],
    ['236', '?'],
    ['235', '!'],
    ['3', "'"],
    ['36', '-'],
    ['25', ':'],
    ['23', ';'],
  ] as const)
    brailleLetters.set(bits(d), ch);
}
const brailleCapital = 0x20;
const brailleNumber = 0x3c;
const digitOf = 'jabcdefghi';
const brailleCell = /[\u2801-\u28ff]/g;

const isBraille = (c: number): boolean => c >= 0x2800 && c <= 0x28ff;

function decodeBraille(run: string): string | undefined {
  let text = '';
  let letters = 0;
  let unknown = 0;
  let digits = false;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c === 0x20 || c === 0x2800 || c === 0x0a) {
      text += ' ';
      digits = false;
      continue;
    }
    const cell = c - 0x2800;
    if (cell === brailleCapital) continue;
    if (cell === brailleNumber) {
      digits = true;
      continue;
    }
    const ch = brailleLetters.get(cell);
    if (ch === undefined) {
      unknown++;
      continue;
    }
    const digit = digits ? digitOf.indexOf(ch) : -1;
    text += digit >= 0 ? String(digit) : ch;
    if (/[a-z]/.test(ch)) letters++;
  }
  text = text.replace(/ {2,}/g, ' ').trim();
  return letters >= minLetters && unknown * 10 <= letters && printable(text) ? text : undefined;
}

function brailleRuns(text: string, found: EncodedPayload[]): void {
  brailleCell.lastIndex = 0;
  for (
    let m = brailleCell.exec(text);
    m && found.length < maxPayloads;
    m = brailleCell.exec(text)
  ) {
    const start = m.index;
    let end = start + 1;
    // Cells, spaces and the blank cell; a line break between cells goes on.
    while (end < text.length && end - start < maxRun) {
      const c = text.charCodeAt(end);
      if (isBraille(c) || c === 0x20 || (c === 0x0a && isBraille(text.charCodeAt(end + 1)))) end++;
      else break;
    }
    brailleCell.lastIndex = end;
    const decoded = decodeBraille(text.slice(start, end));
    if (decoded !== undefined) found.push({ start, end, encoding: 'braille', decoded });
  }
}

// The ICAO spelling alphabet, with the spellings people also use (Alpha, Juliet, Xray).
const spellingWords =
  'alfa|alpha|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett|juliet|kilo|lima|mike|november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|whisky|x-ray|xray|yankee|zulu';
// A run of four spelling words or more, apart by spaces, punctuation or a word break said aloud ("break", "stop",
// "space"); one space parts letters, anything else parts words.
// Each separator starts with a character spaces are not, so the pattern reads a run one way only.
const spellingRun = new RegExp(
  `(?<![A-Za-z-])(?:(?:${spellingWords})(?![A-Za-z-])[ \\t]*(?:(?:[/|,;.()\\n-]|(?:break|stop|space)(?![A-Za-z]))[ \\t]*){0,3}){4,}`,
  'gi',
);
const spellingGate = /echo|tango/i;
const spellingToken = new RegExp(`${spellingWords}|[^\\sA-Za-z]+|break|stop|space|\\s+`, 'gi');

function decodeSpelling(run: string): string | undefined {
  let text = '';
  let letters = 0;
  let gap = '';
  spellingToken.lastIndex = 0;
  for (let m = spellingToken.exec(run); m; m = spellingToken.exec(run)) {
    const t = m[0].toLowerCase();
    const letter = /^[a-z]/.test(t) && !/^(?:break|stop|space)$/.test(t) ? t.charAt(0) : '';
    if (letter === '') {
      gap += t;
      continue;
    }
    // A single space (or none) between two spelling words parts letters; more than that parts words.
    if (text && /\S|\s\s/.test(gap)) text += ' ';
    gap = '';
    text += letter;
    letters++;
  }
  return letters >= minLetters && printable(text) ? text : undefined;
}

function spellingRuns(text: string, found: EncodedPayload[]): void {
  if (!spellingGate.test(text)) return;
  spellingRun.lastIndex = 0;
  for (
    let m = spellingRun.exec(text);
    m && found.length < maxPayloads;
    m = spellingRun.exec(text)
  ) {
    const end = m.index + m[0].trimEnd().length;
    if (end - m.index > maxRun || overlapsFound(found, m.index, end)) continue;
    const decoded = decodeSpelling(text.slice(m.index, end));
    if (decoded !== undefined)
      found.push({ start: m.index, end, encoding: 'spelling-alphabet', decoded });
  }
}

// Three lines of one character each in a row; from there, one-character lines are letters and a blank line parts
// words.
const letterLinesGate = /(?:^|\n)\S\r?\n\S\r?\n\S(?:\r?\n|$)/g;

function letterLines(text: string, found: EncodedPayload[]): void {
  letterLinesGate.lastIndex = 0;
  for (
    let m = letterLinesGate.exec(text);
    m && found.length < maxPayloads;
    m = letterLinesGate.exec(text)
  ) {
    const start = text.charCodeAt(m.index) === 0x0a ? m.index + 1 : m.index;
    let decoded = '';
    let letters = 0;
    let blank = 0;
    let p = start;
    let end = start;
    while (p < text.length && p - start < maxRun) {
      const nl = text.indexOf('\n', p);
      const lineEnd = nl < 0 ? text.length : nl;
      const line = text.slice(p, lineEnd).trim();
      if (line.length === 0) {
        if (++blank > 1) break;
      } else if (Array.from(line).length === 1) {
        if (blank > 0 && decoded) decoded += ' ';
        blank = 0;
        decoded += line;
        letters++;
        end = lineEnd;
      } else break;
      p = lineEnd + 1;
    }
    letterLinesGate.lastIndex = Math.max(end, m.index + 1);
    if (letters >= minLetters && printable(decoded) && !overlapsFound(found, start, end))
      found.push({ start, end, encoding: 'letter-lines', decoded });
  }
}

/** Morse, braille, spelling-alphabet and one-letter-a-line runs that spell readable text. */
export function findSpelledText(text: string, found: EncodedPayload[]): void {
  morseRuns(text, found);
  brailleRuns(text, found);
  spellingRuns(text, found);
  letterLines(text, found);
}
