import { spaceLoops } from './space-loops-table.js';

// The lexicons write each word of an alternation with its own word edges: `(?:(?<!L)send(?!L)|(?<!L)share(?!L)|…)`.
// V8 then tries every alternative's lookbehind at every position of a window, and can neither skip ahead nor keep
// the native code small: a list of 80 guarded words ran five times slower and compiled ten times slower than the
// same list with its edges written once, `(?<!L)(?:send|share|…)(?!L)`. The two match the same text at the same
// places, with the same groups, in the same order of trial: an assertion is zero-width and atomic, so one
// evaluated once before (or after) the alternation stands for the same assertion in each alternative.

/** The end (exclusive) of the group that opens at `open` (a `(`), or -1 when the source is cut short. */
export function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x5c)
      i++; // \ escapes one character
    else if (c === 0x5b) i = classEnd(source, i) - 1;
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return i + 1;
  }
  return -1;
}

/** The end (exclusive) of the character class that opens at `open` (a `[`). */
function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x5d) return i + 1;
  }
  return source.length;
}

/** The top-level alternatives of a group body (or a whole source), or undefined when it cannot be read. */
export function alternatives(body: string): string[] | undefined {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x5b) i = classEnd(body, i) - 1;
    else if (c === 0x28) {
      const end = groupEnd(body, i);
      if (end < 0) return undefined;
      i = end - 1;
    } else if (c === 0x7c) {
      out.push(body.slice(from, i));
      from = i + 1;
    }
  }
  out.push(body.slice(from));
  return out;
}

const quantifierStart = /^[*+?{]/;

/** The lookbehind an alternative opens with (unquantified), or ''. */
function leadingLookbehind(alt: string): string {
  if (!alt.startsWith('(?<!') && !alt.startsWith('(?<=')) return '';
  const end = groupEnd(alt, 0);
  return end < 0 || quantifierStart.test(alt.slice(end)) ? '' : alt.slice(0, end);
}

/** The lookahead an alternative closes with, or ''. */
function trailingLookahead(alt: string): string {
  if (!alt.endsWith(')')) return '';
  // The last top-level group of the alternative: walk it from the start, groups whole.
  let last = -1;
  for (let i = 0; i < alt.length; i++) {
    const c = alt.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x5b) i = classEnd(alt, i) - 1;
    else if (c === 0x28) {
      const end = groupEnd(alt, i);
      if (end < 0) return '';
      if (end === alt.length) last = i;
      i = end - 1;
    }
  }
  if (last < 0) return '';
  const group = alt.slice(last);
  return group.startsWith('(?!') || group.startsWith('(?=') ? group : '';
}

/** Runs of consecutive items with the same non-empty key, each written by `join`; the rest as they are. */
function factorRuns(
  items: readonly string[],
  keyOf: (item: string) => string,
  join: (key: string, run: readonly string[]) => string,
): string[] {
  const out: string[] = [];
  for (let k = 0; k < items.length;) {
    const key = keyOf(items[k] ?? '');
    let end = k + 1;
    while (key !== '' && end < items.length && keyOf(items[end] ?? '') === key) end++;
    out.push(end - k >= 2 ? join(key, items.slice(k, end)) : (items[k] ?? ''));
    k = end;
  }
  return out;
}

/** Alternatives with their shared lookbehinds written once before them and shared lookaheads once after. */
function factorAlternatives(alts: readonly string[]): string[] {
  return factorRuns(alts, leadingLookbehind, (behind, run) => {
    const rest = factorRuns(
      run.map((alt) => alt.slice(behind.length)),
      trailingLookahead,
      (ahead, tails) =>
        `(?:${tails.map((t) => t.slice(0, t.length - ahead.length)).join('|')})${ahead}`,
    );
    return rest.length === 1 ? `${behind}${rest[0] ?? ''}` : `${behind}(?:${rest.join('|')})`;
  });
}

/**
 * A regex source with each alternation's shared assertions written once (see the top of this file); a source with
 * nothing to factor (or that cannot be read) comes back as it is.
 */
export function factorAssertions(source: string): string {
  if (!source.includes('|(?<')) return source;
  let out = '';
  let copied = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x5b) i = classEnd(source, i) - 1;
    else if (c === 0x28 && source.startsWith('(?:', i)) {
      const end = groupEnd(source, i);
      if (end < 0) return source;
      const body = source.slice(i + 3, end - 1);
      if (!body.includes('|(?<')) {
        i = end - 1;
        continue;
      }
      // Inner groups first, then this group's own alternatives.
      const alts = alternatives(factorAssertions(body));
      if (alts === undefined) return source;
      out += `${source.slice(copied, i)}(?:${factorAlternatives(alts).join('|')})`;
      copied = end;
      i = end - 1;
    }
  }
  return copied === 0 ? source : out + source.slice(copied);
}

// A pattern that opens with a lookbehind before its word edge, `(?<!\b(?:not|never)[ \t]+)\b(?:read|send|…)`, has V8
// match the lookbehind backwards at every position of a window before it tests the edge, which fails at most
// of them: such patterns ran 30–40% slower than with the edge first. Both are zero-width tests of one position
// (a lookbehind is atomic, and cannot be quantified; `\b` holds no group), so `\b(?<!…)` matches the same text at the
// same places with the same groups.

/** A regex source with each lookbehind that a `\b` follows written after it; other sources as they are. */
export function edgeFirst(source: string): string {
  if (!source.includes('(?<')) return source;
  let out = '';
  let copied = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x5b) i = classEnd(source, i) - 1;
    else if (c === 0x28 && (source.startsWith('(?<!', i) || source.startsWith('(?<=', i))) {
      const end = groupEnd(source, i);
      if (end < 0) return source;
      if (source.startsWith('\\b', end)) {
        out += `${source.slice(copied, i)}\\b${source.slice(i, end)}`;
        copied = end + 2;
        i = end + 1;
      } else i = end - 1;
    }
  }
  return copied === 0 ? source : out + source.slice(copied);
}

// A bounded run of blanks, `[ \t]{1,3}`, is in nearly every phrase pattern (thousands of times in all). V8 unrolls a
// repeat of at most three into nested choices and then copies the code of what follows into each: the detector
// table held some 45 MB of regex native code, and a process past 16 MB of code gets its regexes compiled without
// optimisation (docs/scanning.md, "Speed"). Where the next character the pattern reads can never be a blank or tab,
// the run always takes every blank there is, and `(?![ \t]{4})[ \t]+` (a loop, compiled once) matches exactly the
// same text: three to four times less code for a phrase pattern.
// The same holds for `\s{1,3}` (register-shift.ts and directive.ts write their gaps so, some 2 MB of regex code
// between them) where the next character read can never be white space of any kind `\s` matches.

/** A kind of bounded run (blanks and tabs, or any `\s`) and what can never be one of its characters. */
interface RunKind {
  /** A bounded run at the start of a `[` or `\`, with its least and most counts. */
  readonly run: RegExp;
  /** What every run holds, to skip a source without one. */
  readonly marker: string;
  /** One character of the run, as a regex. */
  readonly atom: string;
  /** Escapes (the letter after `\`) that read one character outside the run's set; `b` as below. */
  readonly escapes: ReadonlySet<string>;
  /** Escapes inside a class that stand for characters outside the run's set. */
  readonly classEscapes: ReadonlySet<string>;
  /** The run's characters, as inclusive code point ranges. */
  readonly codes: readonly (readonly [number, number])[];
}

const punctuationEscapes = '.-/()[]{}|?*+$^\\\'"!:,;&#%=<>@`~';

const blanks: RunKind = {
  run: /\[ \\t\]\{([01]),([1-4])\}/y,
  marker: '[ \\t]{',
  atom: '[ \\t]',
  // Escapes that read one character other than a blank or tab; `\b` after a blank needs a word character next.
  escapes: new Set(`wdbnr${punctuationEscapes}`.split('')),
  classEscapes: new Set('wd-.]/\\\'"'.split('')),
  codes: [
    [0x09, 0x09],
    [0x20, 0x20],
  ],
};

const spaces: RunKind = {
  run: /\\s\{([01]),([1-4])\}/y,
  marker: '\\s{',
  atom: '\\s',
  // As above less `\n` and `\r` (white space to `\s`), plus `\S`; white space never joins a word, so `\b` holds.
  escapes: new Set(`wdSb${punctuationEscapes}`.split('')),
  classEscapes: new Set('wdS-.]/\\\'"'.split('')),
  // What `\s` matches (ECMAScript WhiteSpace and LineTerminator).
  codes: [
    [0x09, 0x0d],
    [0x20, 0x20],
    [0xa0, 0xa0],
    [0x1680, 0x1680],
    [0x2000, 0x200a],
    [0x2028, 0x2029],
    [0x202f, 0x202f],
    [0x205f, 0x205f],
    [0x3000, 0x3000],
    [0xfeff, 0xfeff],
  ],
};

/** Whether a literal character of a source is one of the run's. */
function inRun(kind: RunKind, c: string): boolean {
  const code = c.codePointAt(0) ?? -1;
  return kind.codes.some(([lo, hi]) => code >= lo && code <= hi);
}

/** A regex source with its bounded blank runs written as guarded loops where that matches the same (see above). */
export function loopBlanks(source: string): string {
  return loopRuns(source, blanks);
}

/** A regex source with its bounded `\s` runs written as guarded loops where that matches the same (see above). */
export function loopSpaces(source: string): string {
  return loopRuns(source, spaces);
}

/** A regex source with its bounded runs of one kind written as guarded loops where that matches the same. */
function loopRuns(source: string, kind: RunKind): string {
  if (!source.includes(kind.marker)) return source;
  let out = '';
  let copied = 0;
  // A lookbehind reads right to left: there the run is guarded on its right, and what it reads next is what the
  // source has before it. A lookbehind holding other assertions is left as it is.
  let behindUntil = -1;
  let backward = false;
  let groups: { partner: Int32Array; nextBar: Int32Array } | undefined;
  let classes: Map<number, number> | undefined;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (
      c === 0x28 &&
      i >= behindUntil &&
      (source.startsWith('(?<!', i) || source.startsWith('(?<=', i))
    ) {
      const end = groupEnd(source, i);
      behindUntil = end < 0 ? source.length : end;
      const inner = source.slice(i + 4, behindUntil);
      backward =
        end >= 0 && !inner.includes('(?=') && !inner.includes('(?!') && !inner.includes('(?<');
    } else if (c === 0x5b || c === 0x5c) {
      kind.run.lastIndex = i;
      const m = kind.run.exec(source);
      const end = i + (m?.[0].length ?? 0);
      if (m && source.charCodeAt(end) !== 0x3f) {
        const min = Number(m[1]);
        const guard = `${kind.atom}{${Number(m[2]) + 1}}`;
        const loop = `${kind.atom}${m[1] === '0' ? '*' : '+'}`;
        groups ??= structure(source);
        const { partner, nextBar } = groups;
        let rewritten: string | undefined;
        if (i >= behindUntil) {
          if (startsWithNonBlank(source, end, min, kind, partner, nextBar))
            rewritten = `(?!${guard})${loop}`;
        } else if (
          backward &&
          endsWithNonBlank(source, i, min, kind, partner, (classes ??= classStarts(source)))
        )
          rewritten = `${loop}(?<!${guard})`;
        if (rewritten !== undefined) {
          out += `${source.slice(copied, i)}${rewritten}`;
          copied = end;
        }
      }
      i = c === 0x5c ? i + 1 : classEnd(source, i) - 1;
    }
  }
  return copied === 0 ? source : out + source.slice(copied);
}

/** Whether the character at `at` is escaped by a backslash. */
function escaped(source: string, at: number): boolean {
  let n = 0;
  while (at - n - 1 >= 0 && source.charCodeAt(at - n - 1) === 0x5c) n++;
  return n % 2 === 1;
}

/**
 * True when every match of the item that ends at `e` (read right to left, as in a lookbehind) reads as its last
 * character one that is neither a blank nor a tab. Conservative like startsWithNonBlank: a quantified item, the
 * start of a group or alternative, `.` or `\s` are false.
 */
function endsWithNonBlank(
  source: string,
  e: number,
  min: number,
  kind: RunKind,
  partner: Int32Array,
  classes: Map<number, number>,
): boolean {
  for (;;) {
    if (e <= 0) return false;
    const at = e - 1;
    const c = source[at] ?? '';
    if (escaped(source, at)) {
      if (c !== 'b') return kind.escapes.has(c);
      if (min > 0) return true;
      e = at - 1;
      continue;
    }
    if (c === ']' && classes.has(at))
      return runFreeClass(source.slice((classes.get(at) ?? 0) + 1, at), kind);
    if (c === ')') {
      const open = partner[at] ?? -1;
      if (open < 0) return false;
      if (source.startsWith('(?', open) && '=!<'.includes(source[open + 2] ?? '')) {
        // Zero-width: the item before it reads the character.
        e = open;
        continue;
      }
      const body = source.startsWith('(?:', open)
        ? open + 3
        : source.startsWith('(?<', open)
          ? -1
          : open + 1;
      if (body < 0) return false;
      const alts = alternatives(source.slice(body, at));
      return (
        alts?.every((alt) =>
          endsWithNonBlank(alt, alt.length, min, kind, partners(alt), classStarts(alt)),
        ) === true
      );
    }
    // A repeat that cannot be empty (`+`, `{m,n}` with m >= 1): its last character is its item's.
    if (c === '+') {
      e = at;
      continue;
    }
    if (c === '}') {
      const brace = source.lastIndexOf('{', at);
      const least = /^\{(\d+)(?:,\d*)?\}$/.exec(source.slice(brace, e));
      if (brace <= 0 || least === null || Number(least[1]) < 1) return false;
      e = brace;
      continue;
    }
    // The start of a group (`(?:`, a lookaround's `(?<!`…) or of a named one (`>`): nothing before it to read.
    const opens = source.startsWith('(?', at - 2) || source.startsWith('(?<', at - 3) || c === '>';
    return !opens && !'|(?*+{}.$^'.includes(c) && !inRun(kind, c);
  }
}

/** Per character class, the index of its `]` mapped to the index of its `[`. */
function classStarts(source: string): Map<number, number> {
  const starts = new Map<number, number>();
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x5b) {
      const end = classEnd(source, i);
      starts.set(end - 1, i);
      i = end - 1;
    }
  }
  return starts;
}

/** Whether the quantifier at `q` (if any) lets the item before it match nothing. */
function optionalAt(source: string, q: number): boolean {
  const c = source[q];
  return c === '?' || c === '*' || source.startsWith('{0', q);
}

/**
 * True when every match of the source from `p` on reads a first character that is neither a blank nor a tab (and
 * cannot be empty). Conservative: anything it cannot tell (an alternation's end, `.`, `\s`, a negated class, a
 * group that may match nothing) is false.
 */
function startsWithNonBlank(
  source: string,
  p: number,
  min: number,
  kind: RunKind,
  partner?: Int32Array,
  nextBar?: Int32Array,
): boolean {
  for (;;) {
    if (p >= source.length) return false;
    const c = source[p] ?? '';
    // The end of an alternative or group: what the group may read next (itself again), then what follows it.
    if (partner !== undefined && c === '|') {
      p = partner[p] ?? -1;
      if (p < 0) return false;
      continue;
    }
    if (partner !== undefined && c === ')') {
      const open = partner[p] ?? -1;
      if (
        open < 0 ||
        source.startsWith('(?=', open) ||
        source.startsWith('(?!', open) ||
        source.startsWith('(?<=', open) ||
        source.startsWith('(?<!', open)
      )
        return false;
      const quantifier = /^(?:[*+?]|\{(\d+)(,(\d*))?\})\??/.exec(source.slice(p + 1, p + 16));
      const q = quantifier?.[0] ?? '';
      const again =
        q.startsWith('*') ||
        q.startsWith('+') ||
        (quantifier?.[1] !== undefined &&
          (quantifier[2] === undefined
            ? Number(quantifier[1]) > 1
            : quantifier[3] === '' || Number(quantifier[3]) > 1));
      if (again) {
        const body = source.startsWith('(?:', open)
          ? open + 3
          : source.startsWith('(?<', open)
            ? source.indexOf('>', open) + 1
            : open + 1;
        const alts = alternatives(source.slice(body, p));
        if (alts?.every((alt) => startsWithNonBlank(alt, 0, min, kind)) !== true) return false;
      }
      p += 1 + q.length;
      continue;
    }
    if (c === '\\') {
      const e = source[p + 1] ?? '';
      // After at least one blank, `\b` needs a word character next; after none it tells nothing.
      if (e === 'b' && min > 0) return true;
      if (e === 'b') {
        p += 2;
        continue;
      }
      if (e === 'p' && source.startsWith('{L', p + 2)) {
        const close = source.indexOf('}', p);
        return close > 0 && !optionalAt(source, close + 1);
      }
      return kind.escapes.has(e) && !optionalAt(source, p + 2);
    }
    if (c === '[') {
      const end = classEnd(source, p);
      return runFreeClass(source.slice(p + 1, end - 1), kind) && !optionalAt(source, end);
    }
    if (c === '(') {
      const end = partner === undefined ? groupEnd(source, p) : (partner[p] ?? -2) + 1;
      if (end < 0) return false;
      if (
        source.startsWith('(?=', p) ||
        source.startsWith('(?!', p) ||
        source.startsWith('(?<=', p) ||
        source.startsWith('(?<!', p)
      ) {
        // Zero-width: what follows reads the first character.
        if (/^[*+?{]/.test(source.slice(end, end + 1))) return false;
        p = end;
        continue;
      }
      if (optionalAt(source, end)) return false;
      const open = source.startsWith('(?:', p)
        ? p + 3
        : source.startsWith('(?<', p)
          ? source.indexOf('>', p) + 1
          : p + 1;
      if (partner !== undefined && nextBar !== undefined) {
        // Each alternative read in place (an empty one reads on after the group, which is what it does).
        if (!startsWithNonBlank(source, open, min, kind, partner, nextBar)) return false;
        for (let b = nextBar[p] ?? -1; b >= 0; b = nextBar[b] ?? -1)
          if (!startsWithNonBlank(source, b + 1, min, kind, partner, nextBar)) return false;
        return true;
      }
      const alts = alternatives(source.slice(open, end - 1));
      return alts?.every((alt) => startsWithNonBlank(alt, 0, min, kind)) === true;
    }
    if ('|)$^.*+?{'.includes(c) || inRun(kind, c)) return false;
    return !optionalAt(source, p + 1);
  }
}

/** Per `(` the index of its `)` and back; per `|` the index of the `)` closing its group (-1 at the top level). */
function partners(source: string): Int32Array {
  return structure(source).partner;
}

/** A source's groups: `partner` as above; `nextBar` per `(` its group's first `|`, per `|` the next one (or -1). */
function structure(source: string): { partner: Int32Array; nextBar: Int32Array } {
  const partner = new Int32Array(source.length).fill(-1);
  const nextBar = new Int32Array(source.length).fill(-1);
  const open: number[] = [];
  const bars: number[][] = [[]];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x5b) i = classEnd(source, i) - 1;
    else if (c === 0x28) {
      open.push(i);
      bars.push([]);
    } else if (c === 0x7c) bars.at(-1)?.push(i);
    else if (c === 0x29) {
      const o = open.pop();
      const mine = bars.pop() ?? [];
      if (o === undefined) return { partner, nextBar };
      partner[o] = i;
      partner[i] = o;
      let last = o;
      for (const b of mine) {
        partner[b] = i;
        nextBar[last] = b;
        last = b;
      }
    }
  }
  return { partner, nextBar };
}

/** Whether a character class body (not negated) holds no character of the run's kind. */
function runFreeClass(body: string, kind: RunKind): boolean {
  if (body.startsWith('^')) return false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (inRun(kind, c)) return false;
    if (c === '\\') {
      if (!kind.classEscapes.has(body[i + 1] ?? '')) return false;
      i++;
      // An escape opening a range (`[\.-ÿ]` holds U+00A0): not read.
      if (body[i + 1] === '-' && i + 2 < body.length) return false;
      continue;
    }
    // A range: both ends literal, holding none of the run's characters.
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const high = body[i + 2] ?? '';
      if (high === '\\') return false;
      const lo = c.charCodeAt(0);
      const hi = high.charCodeAt(0);
      if (kind.codes.some(([a, b]) => lo <= b && hi >= a)) return false;
      i += 2;
    }
  }
  return true;
}

/** Every pattern given to spaceLooped, as written (scripts/space-loops.js writes space-loops-table.ts from them). */
export const spaceLoopedPatterns: RegExp[] = [];

/**
 * A regex with its bounded `\s` runs written as guarded loops (loopSpaces): the same matches, less native code. The
 * rewritten sources come from a table written ahead of time: rewriting them at import cost some 20 ms of CPU.
 */
export function spaceLooped(pattern: RegExp): RegExp {
  spaceLoopedPatterns.push(pattern);
  const source = spaceLoops.get(pattern.source);
  return source === undefined ? pattern : new RegExp(source, pattern.flags);
}
