import { ansiSequenceAt, isEscapeStart, type AnsiKind } from './ansi.js';
import type { Severity } from './finding.js';
import type { RawFinding } from './raw-finding.js';
import { DEFAULT_IGNORABLE } from '../unicode/invisible.js';

/** Cheap test: does the text contain any character the hidden-channel layer cares about? */
/* eslint-disable no-control-regex, no-misleading-character-class -- matching escapes and lone joiners is the point */
export const hiddenCandidate =
  /[\u001b\u009b\u009d\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb]|\udb40[\udc00-\udc7f\udd00-\uddef]/;
/* eslint-enable no-control-regex, no-misleading-character-class */

// The same set as hiddenCandidate as a lookup table (the default-ignorable characters of the BMP, plus ESC,
// CSI, OSC and the interlinear annotation controls): 1 = candidate, 2 = high surrogate of a tag/variation-selector pair.
const candidateTable = new Uint8Array(0x10000);
for (const [from, to] of [
  ...DEFAULT_IGNORABLE.filter(([, last]) => last <= 0xffff),
  [0x1b, 0x1b],
  [0x9b, 0x9b],
  [0x9d, 0x9d],
  [0xfff9, 0xfffb],
] as const)
  candidateTable.fill(1, from, to + 1);
candidateTable[0xdb40] = 2;

// Every candidate is ESC or non-ASCII: a regex jumps over ASCII stretches much faster than a loop can walk them.
// eslint-disable-next-line no-control-regex -- ESC is one of the characters to find
const escOrNonAscii = /[\u001b\u0080-\uffff]/g;

/** Index of the next character in [from, to) that hiddenCandidate matches, or -1. */
export function nextHiddenCandidate(text: string, from: number, to = text.length): number {
  // A run of hidden characters asks for the very next one each time: answer that from the table, not a regex.
  if (from < to && candidateTable[text.charCodeAt(from)] === 1) return from;
  let i = from;
  while (i < to) {
    escOrNonAscii.lastIndex = i;
    const m = escOrNonAscii.exec(text);
    if (!m || m.index >= to) return -1;
    // Walk a stretch by hand: in non-Latin text the next non-ASCII character is usually the very next one.
    const stop = Math.min(to, m.index + 64);
    for (i = m.index; i < stop; i++) {
      const k = candidateTable[text.charCodeAt(i)];
      if (k === 0) continue;
      if (k === 1) return i;
      const low = text.charCodeAt(i + 1);
      if ((low >= 0xdc00 && low <= 0xdc7f) || (low >= 0xdd00 && low <= 0xddef)) return i;
    }
  }
  return -1;
}

const zeroWidth = new Set([
  0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0x180e, 0x115f, 0x1160,
  0x3164, 0xffa0, 0x17b4, 0x17b5, 0xfff9, 0xfffa, 0xfffb,
]);

/** True for Unicode tag characters (U+E0000..U+E007F). */
export const isTag = (cp: number): boolean => cp >= 0xe0000 && cp <= 0xe007f;
/** True for bidi embedding, override and isolate controls. */
export const isBidiControl = (cp: number): boolean =>
  (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
/** True for zero-width and filler characters that render as nothing. */
export const isZeroWidth = (cp: number): boolean => zeroWidth.has(cp);
/** True for variation selectors (emoji use at most one; long runs smuggle bytes). */
export const isVariationSelector = (cp: number): boolean =>
  (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
/** True for any character that is invisible and carries no meaning in normalised text. */
export const isInvisible = (cp: number): boolean =>
  isTag(cp) ||
  isBidiControl(cp) ||
  isZeroWidth(cp) ||
  isVariationSelector(cp) ||
  cp === 0x200e ||
  cp === 0x200f ||
  cp === 0x061c ||
  cp === 0x00ad ||
  cp === 0x034f ||
  (cp >= 0x2065 && cp <= 0x206f);

// Scripts where joiners and zero-width spaces are ordinary (no spaces between words, or joining forms).
const benignJoinerNeighbour =
  /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Emoji_Component}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u20e3\ufe0f]/u;
const wordish = /[\p{L}\p{N}\p{P}\p{S}]/u;

const ansiRule: Readonly<
  Record<AnsiKind, { rule: string; severity: Severity; message: string } | undefined>
> = {
  sgr: undefined,
  'sgr-conceal': {
    rule: 'hidden.ansi-conceal',
    severity: 'high',
    message: 'ANSI conceal (SGR 8) hides text in a terminal',
  },
  cursor: {
    rule: 'hidden.ansi-cursor',
    severity: 'high',
    message: 'ANSI cursor movement or erase can overwrite what is shown',
  },
  osc8: {
    rule: 'hidden.ansi-hyperlink',
    severity: 'medium',
    message: 'OSC 8 terminal hyperlink hides its target',
  },
  osc52: {
    rule: 'hidden.ansi-clipboard',
    severity: 'high',
    message: 'OSC 52 writes to the clipboard',
  },
  osc: { rule: 'hidden.ansi-osc', severity: 'low', message: 'OSC terminal control sequence' },
  other: {
    rule: 'hidden.ansi-control',
    severity: 'medium',
    message: 'non-colour terminal escape sequence',
  },
};

interface HiddenAnalysis {
  readonly findings: RawFinding[];
  /** Spans that stripHidden removes, flat [start, end) pairs in text order, touching spans merged. */
  readonly removals: number[];
}

/** A finding still being extended while the walk goes on (runs of escapes, nearby bidi controls). */
interface OpenFinding {
  rule: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
}

// Spans come in text order: a span touching the previous one extends it, so a run of a million
// hidden characters is one span, not a million small arrays.
function remove(removals: number[], start: number, end: number): void {
  const last = removals.length - 1;
  if (last > 0 && (removals[last] ?? 0) >= start) {
    removals[last] = Math.max(removals[last] ?? 0, end);
    return;
  }
  removals.push(start, end);
}

/** Find hidden channels in raw text: tag characters, bidi overrides, zero-width inside words, risky ANSI/OSC. */
export function findHiddenChannels(text: string): RawFinding[] {
  return nextHiddenCandidate(text, 0) < 0 ? [] : analyseHidden(text).findings;
}

/** Strip hidden channels (tag chars, bidi controls, zero-width inside words, non-colour ANSI/OSC) from text. */
export function stripHidden(text: string): string {
  if (nextHiddenCandidate(text, 0) < 0) return text;
  const { removals } = analyseHidden(text);
  if (removals.length === 0) return text;
  const parts: string[] = [];
  let pos = 0;
  for (let k = 0; k < removals.length; k += 2) {
    const start = removals[k] ?? 0;
    if (start < pos) continue;
    parts.push(text.slice(pos, start));
    pos = removals[k + 1] ?? start;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

function codePointLength(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

function analyseHidden(text: string): HiddenAnalysis {
  const findings: OpenFinding[] = [];
  const removals: number[] = [];
  const zw: number[] = [];
  const inWord = new ZeroWidthJudge();
  let i = 0;
  while (i < text.length) {
    // Jump straight to the next candidate character; ordinary text costs one table lookup per character.
    i = nextHiddenCandidate(text, i);
    if (i < 0) break;
    const cp = text.codePointAt(i) ?? 0;
    if (isEscapeStart(cp)) {
      const seq = ansiSequenceAt(text, i);
      const rule = ansiRule[seq.kind];
      if (rule) {
        pushMerged(findings, rule, i, seq.end);
        remove(removals, i, seq.end);
      }
      i = Math.max(seq.end, i + 1);
      continue;
    }
    if (isTag(cp)) {
      i = tagRun(text, i, findings, removals);
      continue;
    }
    if (isVariationSelector(cp)) {
      let j = i;
      let count = 0;
      while (j < text.length && isVariationSelector(text.codePointAt(j) ?? 0)) {
        j += codePointLength(text.codePointAt(j) ?? 0);
        count++;
      }
      if (count >= 3) {
        findings.push({
          rule: 'hidden.variation-selectors',
          severity: 'high',
          start: i,
          end: j,
          message: `${count} consecutive variation selectors can smuggle bytes`,
        });
        remove(removals, i, j);
      }
      i = j;
      continue;
    }
    if (isBidiControl(cp)) {
      pushBidi(findings, cp === 0x202d || cp === 0x202e, i);
      remove(removals, i, i + 1);
    } else if (isZeroWidth(cp) && !(cp === 0xfeff && i === 0) && inWord.test(text, i)) {
      zw.push(i);
      remove(removals, i, i + 1);
    }
    i += codePointLength(cp);
  }
  reportZeroWidth(zw, findings);
  return { findings, removals };
}

function tagRun(text: string, start: number, findings: OpenFinding[], removals: number[]): number {
  let j = start;
  let decoded = '';
  let count = 0;
  let lastCp = 0;
  while (j < text.length) {
    const cp = text.codePointAt(j) ?? 0;
    if (!isTag(cp)) break;
    // Only the first 160 characters are shown; a megabyte of tags need not be decoded whole.
    if (cp >= 0xe0020 && cp <= 0xe007e && decoded.length <= 160)
      decoded += String.fromCharCode(cp - 0xe0000);
    lastCp = cp;
    count++;
    j += 2;
  }
  // Subdivision flags (England, Scotland, Wales) are U+1F3F4 + a few tag letters + CANCEL TAG.
  const flag = text.codePointAt(start - 2) === 0x1f3f4 && lastCp === 0xe007f && count <= 8;
  if (!flag) {
    const shown = decoded.length > 160 ? `${decoded.slice(0, 160)}…` : decoded;
    findings.push({
      rule: 'hidden.tag-characters',
      severity: 'high',
      start,
      end: j,
      message: `invisible Unicode tag characters encode text: "${shown}"`,
    });
    remove(removals, start, j);
  }
  return j;
}

/** The visible character before `i` (skipping invisible ones), as [its index, the character], or [-1, ''] at the start. */
function visibleBefore(text: string, i: number): [number, string] {
  let j = i - 1;
  while (j >= 0) {
    let cp = text.codePointAt(j) ?? 0;
    // Stepping backwards onto a low surrogate: read the whole pair.
    if (cp >= 0xdc00 && cp <= 0xdfff && j > 0) {
      j--;
      cp = text.codePointAt(j) ?? 0;
    }
    if (!isInvisible(cp)) return [j, String.fromCodePoint(cp)];
    j--;
  }
  return [-1, ''];
}

/** The visible character after `i` (skipping invisible ones), as [its index, the character], or [length, '']. */
function visibleAfter(text: string, i: number): [number, string] {
  let j = i + 1;
  while (j < text.length) {
    const cp = text.codePointAt(j) ?? 0;
    if (!isInvisible(cp)) return [j, String.fromCodePoint(cp)];
    j += codePointLength(cp);
  }
  return [text.length, ''];
}

/**
 * Decides whether a zero-width character sits inside a word, in text order. Every character of a run of
 * invisible characters has the same two visible neighbours, so the run is walked once, not once per character
 * (a run of n zero-width characters would otherwise cost n² steps).
 */
class ZeroWidthJudge {
  private runEnd = -1;
  private verdict = false;
  // Verdicts per pair of neighbours: text that alternates letters and joiners asks about few pairs, many times.
  private readonly pairs = new Map<string, boolean>();

  test(text: string, i: number): boolean {
    if (i < this.runEnd) return this.verdict;
    const [, before] = visibleBefore(text, i);
    const [end, after] = visibleAfter(text, i);
    this.runEnd = end;
    const pair = `${before}\u0000${after}`;
    let verdict = this.pairs.get(pair);
    if (verdict === undefined) {
      verdict = insideWord(before, after);
      if (this.pairs.size < 4096) this.pairs.set(pair, verdict);
    }
    this.verdict = verdict;
    return verdict;
  }
}

function insideWord(before: string, after: string): boolean {
  if (before === '' || after === '') return false;
  if (benignJoinerNeighbour.test(before) || benignJoinerNeighbour.test(after)) return false;
  // Only a zero-width char squeezed between two visible characters splits a word; next to a space it is layout.
  return wordish.test(before) && wordish.test(after);
}

function reportZeroWidth(positions: readonly number[], findings: OpenFinding[]): void {
  let k = 0;
  while (k < positions.length) {
    const first = positions[k] ?? 0;
    let last = first;
    let count = 1;
    while (k + count < positions.length && (positions[k + count] ?? 0) - last <= 200) {
      last = positions[k + count] ?? last;
      count++;
    }
    findings.push({
      rule: 'hidden.zero-width',
      severity: count >= 3 ? 'high' : 'low',
      start: first,
      end: last + 1,
      message: `${count} zero-width character${count === 1 ? '' : 's'} inside words (can split or hide text)`,
    });
    k += count;
  }
}

// Escape sequences of one kind within 200 characters of each other are one finding.
function pushMerged(
  findings: OpenFinding[],
  rule: { rule: string; severity: Severity; message: string },
  start: number,
  end: number,
): void {
  const prev = findings.at(-1);
  if (prev?.rule === rule.rule && start - prev.end <= 200) {
    prev.end = end;
    return;
  }
  findings.push({ ...rule, start, end });
}

// Bidi controls within 200 characters of each other are one finding, named after the first override among them.
function pushBidi(findings: OpenFinding[], override: boolean, at: number): void {
  const prev = findings.at(-1);
  if (prev?.rule.startsWith('hidden.bidi') === true && at - prev.end <= 200) {
    prev.end = at + 1;
    if (override && prev.rule !== 'hidden.bidi-override') Object.assign(prev, bidiOverride);
    return;
  }
  findings.push({ ...(override ? bidiOverride : bidiControl), start: at, end: at + 1 });
}

const bidiOverride = {
  rule: 'hidden.bidi-override',
  severity: 'high',
  message: 'bidi override reverses how the following text is displayed',
} as const;
const bidiControl = {
  rule: 'hidden.bidi-control',
  severity: 'low',
  message: 'bidi embedding or isolate control',
} as const;
