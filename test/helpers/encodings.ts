// Encodings and letter-level disguises that red-teaming tools wrap an order in, written from the formats' own
// definitions (RFC 4648 base32, Adobe ASCII85, International Morse, Grade 1 braille, the ICAO spelling alphabet,
// RFC 2045 quoted-printable, uuencode, RFC 2047 encoded-words), for the scanner's blind sets and property tests.

/** RFC 4648 base32, padded with '=' unless `pad` is false. */
export function base32(text: string, pad = true): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = Buffer.from(text, 'utf8');
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet.charAt((value << (5 - bits)) & 31);
  while (pad && out.length % 8 !== 0) out += '=';
  return out;
}

/** Adobe ASCII85 ('z' for four zero bytes), inside `<~ ~>` when `delimit` is true. */
export function ascii85(text: string, delimit = true): string {
  const bytes = Buffer.from(text, 'utf8');
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const n = Math.min(4, bytes.length - i);
    let value = 0;
    for (let k = 0; k < 4; k++) value = value * 256 + (k < n ? (bytes[i + k] ?? 0) : 0);
    if (value === 0 && n === 4) {
      out += 'z';
      continue;
    }
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(33 + (value % 85)));
      value = Math.floor(value / 85);
    }
    out += digits.slice(0, n + 1).join('');
  }
  return delimit ? `<~${out}~>` : out;
}

const morseTable: Readonly<Record<string, string>> = {
  a: '.-',
  b: '-...',
  c: '-.-.',
  d: '-..',
  e: '.',
  f: '..-.',
  g: '--.',
  h: '....',
  i: '..',
  j: '.---',
  k: '-.-',
  l: '.-..',
  m: '--',
  n: '-.',
  o: '---',
  p: '.--.',
  q: '--.-',
  r: '.-.',
  s: '...',
  t: '-',
  u: '..-',
  v: '...-',
  w: '.--',
  x: '-..-',
  y: '-.--',
  z: '--..',
  '0': '-----',
  '1': '.----',
  '2': '..---',
  '3': '...--',
  '4': '....-',
  '5': '.....',
  '6': '-....',
  '7': '--...',
  '8': '---..',
  '9': '----.',
  '.': '.-.-.-',
  ',': '--..--',
  '?': '..--..',
  '/': '-..-.',
  '@': '.--.-.',
  ':': '---...',
  "'": '.----.',
  '-': '-....-',
};

/** International Morse: letters apart by a space, words by `wordGap` (" / " by default). */
export function morse(text: string, wordGap = ' / '): string {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) =>
      Array.from(word)
        .map((ch) => morseTable[ch])
        .filter((m) => m !== undefined)
        .join(' '),
    )
    .filter((w) => w.length > 0)
    .join(wordGap);
}

// Grade 1 braille: dots of each letter a-j, k-t add dot 3, u-z (but w) add dots 3 and 6.
const brailleDots = ['1', '12', '14', '145', '15', '124', '1245', '125', '24', '245'];
function brailleLetter(ch: string): string | undefined {
  const k = 'abcdefghijklmnopqrstuvxyz'.indexOf(ch);
  let dots: string;
  if (ch === 'w') dots = '2456';
  else if (k < 0) return undefined;
  else if (k < 10) dots = brailleDots[k] ?? '';
  else if (k < 20) dots = (brailleDots[k - 10] ?? '') + '3';
  else dots = (brailleDots[k - 20] ?? '') + '36';
  let bits = 0;
  for (const d of dots) bits |= 1 << (Number(d) - 1);
  return String.fromCodePoint(0x2800 + bits);
}
const brailleMarks: Readonly<Record<string, string>> = {
  ',': '\u2802',
  '.': '\u2832',
  '?': '\u2826',
  '!': '\u2816',
  "'": '\u2804',
  '-': '\u2824',
  ':': '\u2812',
  ';': '\u2806',
};

/** Unicode braille, one cell a letter (capitals unmarked), words apart by a space or the blank cell. */
export function braille(text: string, blankCell = false): string {
  return Array.from(text.toLowerCase())
    .map((ch) =>
      /\s/.test(ch) ? (blankCell ? '\u2800' : ' ') : (brailleLetter(ch) ?? brailleMarks[ch] ?? ''),
    )
    .join('');
}

const nato = [
  'Alfa',
  'Bravo',
  'Charlie',
  'Delta',
  'Echo',
  'Foxtrot',
  'Golf',
  'Hotel',
  'India',
  'Juliett',
  'Kilo',
  'Lima',
  'Mike',
  'November',
  'Oscar',
  'Papa',
  'Quebec',
  'Romeo',
  'Sierra',
  'Tango',
  'Uniform',
  'Victor',
  'Whiskey',
  'X-ray',
  'Yankee',
  'Zulu',
];

/** The ICAO spelling alphabet: letters apart by a space, words by `wordGap`. */
export function natoSpelling(text: string, wordGap = ' / '): string {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) =>
      Array.from(word)
        .map((ch) => nato[ch.charCodeAt(0) - 97])
        .filter((w) => w !== undefined)
        .join(' '),
    )
    .filter((w) => w.length > 0)
    .join(wordGap);
}

/** Quoted-printable; `all` writes every byte as =XX, else only what must be, with soft breaks at 76. */
export function quotedPrintable(text: string, all = false): string {
  const bytes = Buffer.from(text, 'utf8');
  const pieces: string[] = [];
  for (const b of bytes) {
    const plain = !all && b >= 33 && b <= 126 && b !== 61;
    const space = !all && b === 32;
    pieces.push(
      plain || space ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`,
    );
  }
  let out = '';
  let line = '';
  for (const p of pieces) {
    if (line.length + p.length > 75) {
      out += `${line}=\n`;
      line = '';
    }
    line += p;
  }
  return out + line;
}

/** A uuencoded file ("begin 644 name" … "`" "end"). */
export function uuencode(text: string, name: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const ch = (v: number): string => (v === 0 ? '`' : String.fromCharCode(32 + v));
  const lines = [`begin 644 ${name}`];
  for (let i = 0; i < bytes.length; i += 45) {
    const chunk = bytes.subarray(i, i + 45);
    let line = ch(chunk.length);
    for (let k = 0; k < chunk.length; k += 3) {
      const a = chunk[k] ?? 0;
      const b = chunk[k + 1] ?? 0;
      const c = chunk[k + 2] ?? 0;
      line +=
        ch(a >> 2) + ch(((a & 3) << 4) | (b >> 4)) + ch(((b & 15) << 2) | (c >> 6)) + ch(c & 63);
    }
    lines.push(line);
  }
  lines.push('`', 'end');
  return lines.join('\n');
}

/** An RFC 2047 encoded-word: "B" is base64, "Q" is quoted-printable with '_' for space. */
export function encodedWord(text: string, kind: 'B' | 'Q', charset = 'UTF-8'): string {
  if (kind === 'B') return `=?${charset}?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
  const q = Array.from(Buffer.from(text, 'utf8'), (b) =>
    b === 32
      ? '_'
      : /[A-Za-z0-9!*+\-/]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `=${b.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');
  return `=?${charset}?Q?${q}?=`;
}

/** The text written backwards, character by character. */
export const reversed = (text: string): string => Array.from(text).reverse().join('');

/** "Zalgo": `marks` combining marks above and below each letter, chosen by a fixed stride. */
export function zalgo(text: string, marks = 3): string {
  let k = 0;
  return Array.from(text)
    .map((ch) => {
      if (!/[A-Za-z]/.test(ch)) return ch;
      let out = ch;
      for (let m = 0; m < marks; m++) out += String.fromCharCode(0x0300 + ((k++ * 7) % 0x70));
      return out;
    })
    .join('');
}

/** Every letter of every word apart, joined by `glue` ('.', '-', '*', '_', '|'), words apart by `wordGap`. */
export function letterSplit(text: string, glue: string, wordGap = ' '): string {
  return text
    .split(/\s+/)
    .map((w) => Array.from(w).join(glue))
    .join(wordGap);
}

/** One letter a line, a blank line between words. */
export const onePerLine = (text: string): string =>
  text
    .split(/\s+/)
    .map((w) => Array.from(w).join('\n'))
    .join('\n\n');

/** A hex dump in the style of `xxd`: offset, sixteen bytes in pairs, the ASCII column. */
export function hexDump(text: string, asciiColumn = true): string {
  const bytes = Buffer.from(text, 'utf8');
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) {
    const chunk = bytes.subarray(i, i + 16);
    const hex = Array.from(chunk, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(chunk, (b) =>
      b >= 32 && b < 127 ? String.fromCharCode(b) : '.',
    ).join('');
    lines.push(
      `${i.toString(16).padStart(8, '0')}: ${hex.padEnd(47)}${asciiColumn ? `  ${ascii}` : ''}`,
    );
  }
  return lines.join('\n');
}
