import { revealInvisible } from './display-value.js';

/** Two excerpts of a changed text: removed spans marked `[-…-]` in `before`, added spans `{+…+}` in `after`. */
export interface TextChange {
  before: string;
  after: string;
}

type Op = 'equal' | 'removed' | 'added';
interface Segment {
  op: Op;
  text: string;
}

/** Texts this long or shorter are shown whole; longer ones as change excerpts. */
export const SHORT_TEXT_LENGTH = 100;
// Characters of unchanged text kept around each change, so the reader sees where it sits.
const CONTEXT_LENGTH = 40;
// Word-level LCS costs (n+1)(m+1) cells; above this the changed middle is shown as one replacement.
const MAX_LCS_CELLS = 1_000_000;

/** Shows how a text changed: whole when short, otherwise word-level excerpts with context, hidden characters escaped. */
export const describeTextChange = (before: string, after: string): TextChange => {
  if (before.length <= SHORT_TEXT_LENGTH && after.length <= SHORT_TEXT_LENGTH) {
    return { before: quote(before), after: quote(after) };
  }
  const segments = diffWords(tokenize(before), tokenize(after));
  return {
    before: quote(excerpt(segments, 'removed', '[-', '-]')),
    after: quote(excerpt(segments, 'added', '{+', '+}')),
  };
};

const quote = (text: string): string => revealInvisible(JSON.stringify(text));

// Words, runs of whitespace, and single punctuation marks, so "file." vs "file" differs by one mark.
const tokenize = (text: string): string[] => text.match(/\s+|[\p{L}\p{N}\p{M}_]+|[^]/gu) ?? [];

const diffWords = (a: readonly string[], b: readonly string[]): Segment[] => {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  const segments: Segment[] = [];
  push(segments, 'equal', a.slice(0, prefix).join(''));
  const middleA = a.slice(prefix, a.length - suffix);
  const middleB = b.slice(prefix, b.length - suffix);
  if ((middleA.length + 1) * (middleB.length + 1) <= MAX_LCS_CELLS) {
    for (const segment of lcsSegments(middleA, middleB)) push(segments, segment.op, segment.text);
  } else {
    push(segments, 'removed', middleA.join(''));
    push(segments, 'added', middleB.join(''));
  }
  push(segments, 'equal', a.slice(a.length - suffix).join(''));
  return segments;
};

const lcsSegments = (a: readonly string[], b: readonly string[]): Segment[] => {
  const width = b.length + 1;
  // lengths[i * width + j] = LCS length of a[i..] and b[j..]
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const segments: Segment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(segments, 'equal', a[i++] ?? '');
      j++;
    } else if (
      j < b.length &&
      (i === a.length || (lengths[i * width + j + 1] ?? 0) >= (lengths[(i + 1) * width + j] ?? 0))
    ) {
      push(segments, 'added', b[j++] ?? '');
    } else {
      push(segments, 'removed', a[i++] ?? '');
    }
  }
  return segments;
};

const push = (segments: Segment[], op: Op, text: string): void => {
  if (text === '') return;
  const last = segments.at(-1);
  if (last?.op === op) last.text += text;
  else segments.push({ op, text });
};

// Context is chosen from the whole edit script, so both excerpts elide the same unchanged text.
const excerpt = (segments: readonly Segment[], shown: Op, open: string, close: string): string => {
  let out = '';
  segments.forEach((segment, index) => {
    if (segment.op === shown) {
      out += `${open}${segment.text}${close}`;
      return;
    }
    if (segment.op !== 'equal') return;
    const isFirst = index === 0;
    const isLast = index === segments.length - 1;
    const text = segment.text;
    if (isFirst) out += text.length <= CONTEXT_LENGTH ? text : `…${tailOf(text)}`;
    else if (isLast) out += text.length <= CONTEXT_LENGTH ? text : `${headOf(text)}…`;
    else out += text.length <= 2 * CONTEXT_LENGTH ? text : `${headOf(text)}…${tailOf(text)}`;
  });
  return out;
};

// The first CONTEXT_LENGTH characters, ending on a word boundary when one is near.
const headOf = (text: string): string => {
  let cut = CONTEXT_LENGTH;
  if (isLowSurrogate(text.charCodeAt(cut))) cut -= 1;
  const space = text.lastIndexOf(' ', cut);
  return text.slice(0, space > CONTEXT_LENGTH / 2 ? space + 1 : cut);
};

// The last CONTEXT_LENGTH characters, starting on a word boundary when one is near.
const tailOf = (text: string): string => {
  let cut = text.length - CONTEXT_LENGTH;
  if (isLowSurrogate(text.charCodeAt(cut))) cut += 1;
  const space = text.indexOf(' ', cut);
  return text.slice(space >= 0 && space < cut + CONTEXT_LENGTH / 2 ? space : cut);
};

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
