import { maxPayloads, printable, type EncodedPayload } from './decoded-text.js';
import { leetLetters } from './leet-letters.js';

// Leetspeak that draws letters with several symbols ("|-|" for h, "/\/\" for m, "|_|" or "(_)" for u, "|\|" for n,
// "|2" for r, "\/\/" for w), as the "advanced" tables of leet generators do. The word reader (deobfuscate.ts) maps
// one character to one letter and stops at the symbols such a word is made of; here a line that holds several of
// these groups is read whole, groups first (longest first), then the one-character forms inside tokens that hold a
// letter or a group. The reading is a decoded payload like any other: the patterns read it, and the decode itself is
// no finding (a gamer's handle "|)4rk|_0rd" reads as "darklord", which asks nothing). Linear: one gate scan of the
// text, then each gated line is read once, character by character, against groups of at most four characters.

/** Multi-character groups and the letter each stands for. Four, three and two characters long. */
const groups: readonly (readonly [string, string])[] = [
  ['/\\/\\', 'm'],
  ['|\\/|', 'm'],
  ['\\/\\/', 'w'],
  ['|\\|', 'n'],
  [']\\[', 'n'],
  ['|-|', 'h'],
  [']-[', 'h'],
  ['|_|', 'u'],
  ['(_)', 'u'],
  ['|_)', 'd'],
  ['/-\\', 'a'],
  ['`/', 'y'],
  ['}{', 'h'],
  ['/\\', 'a'],
  ['\\/', 'v'],
  ['|_', 'l'],
  ['|2', 'r'],
  ['|3', 'b'],
  ['|)', 'd'],
  ['|<', 'k'],
  ['|=', 'f'],
  ['|*', 'p'],
  ['|>', 'p'],
  ['[]', 'o'],
  ['()', 'o'],
  ['><', 'x'],
  ['VV', 'w'],
];
const byLength = [4, 3, 2].map((n) => new Map(groups.filter(([g]) => g.length === n)));

/**
 * Whether a group of two or more characters starts at `i` ("|_", "|)", "|2"…). Not "|3": "|_|3" is "ue" (true, value)
 * far more often than "lb".
 */
const opensGroup = (line: string, i: number): boolean =>
  !line.startsWith('|3', i) &&
  byLength.some((table) => {
    const n = table.keys().next().value?.length ?? 0;
    return table.has(line.slice(i, i + n));
  });

/** One-character forms, read inside a token that holds a letter or a group: the view's, and "(" for "c". */
const single = new Map<string, string>([...leetLetters, ['(', 'c']]);

// The gate: the groups that do not occur in ordinary prose or code ("()" and "[]" do, and "\/" does in escaped paths:
// those are read only on a line the others mark). A line is read when it holds this many marks.
const gate =
  /\|-\||\|_\||\(_\)|\|\\\||\]\\\[|\|\\\/\||\/\\\/\\|\\\/\\\/|\|2|\|<|\|\)|\|=|\|\*|\}\{|`\/|\/-\\/g;
const minMarks = 4;
const maxLine = 4096;

/** The reading of a line of multi-symbol leetspeak: groups, then one-character forms next to letters. */
export function readWideLeet(line: string): string {
  let out = '';
  let token = '';
  let hasLetter = false;
  const flush = (): void => {
    // A token of digits and symbols only ("4120", "(3980)") is a number or punctuation: kept as it is.
    // "!" closing a word is an exclamation mark ("rematch!"), not an i.
    out += hasLetter
      ? token.replace(/[0-9@$+(|]|!(?=[A-Za-z0-9!|])/g, (ch) => single.get(ch) ?? ch)
      : token;
    token = '';
    hasLetter = false;
  };
  for (let i = 0; i < line.length;) {
    const ch = line.charAt(i);
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      flush();
      out += ch;
      i++;
      continue;
    }
    let read = false;
    for (const table of byLength) {
      const n = table.keys().next().value?.length ?? 0;
      const letter = table.get(line.slice(i, i + n));
      // "|_|_" is two l's ("all") and "|_|)" an l and a d: "|_|" is no u when its last "|" opens a group.
      if (letter === 'u' && line.charAt(i) === '|' && opensGroup(line, i + 2)) continue;
      if (letter !== undefined) {
        token += letter;
        hasLetter = true;
        i += n;
        read = true;
        break;
      }
    }
    if (read) continue;
    if (/[A-Za-z]/.test(ch)) hasLetter = true;
    token += ch;
    i++;
  }
  flush();
  return out;
}

/** Lines of a text that hold `minMarks` or more multi-symbol leet groups, read as letters. */
export function findWideLeet(text: string, found: EncodedPayload[]): void {
  gate.lastIndex = 0;
  let lineEnd = -1;
  let marks = 0;
  let lineStart = 0;
  const flush = (): void => {
    if (marks < minMarks || found.length >= maxPayloads) return;
    const start = Math.max(lineStart, lineEnd - maxLine);
    const decoded = readWideLeet(text.slice(start, lineEnd));
    if (printable(decoded)) found.push({ start, end: lineEnd, encoding: 'leetspeak', decoded });
  };
  for (let m = gate.exec(text); m; m = gate.exec(text)) {
    if (m.index >= lineEnd) {
      flush();
      lineStart = text.lastIndexOf('\n', m.index) + 1;
      const nl = text.indexOf('\n', m.index);
      lineEnd = nl < 0 ? text.length : nl;
      marks = 0;
    }
    marks++;
  }
  flush();
}

/** Whether a text (a decoded payload) holds enough multi-symbol leet groups to be read by `readWideLeet`. */
export function hasWideLeet(text: string): boolean {
  gate.lastIndex = 0;
  let marks = 0;
  while (gate.exec(text) !== null) if (++marks >= minMarks) return true;
  return false;
}
