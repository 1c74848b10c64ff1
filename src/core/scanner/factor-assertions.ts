// The lexicons write each word of an alternation with its own word edges: `(?:(?<!L)send(?!L)|(?<!L)share(?!L)|…)`.
// V8 then tries every alternative's lookbehind at every position of a window, and can neither skip ahead nor keep
// the native code small: a list of 80 guarded words ran five times slower and compiled ten times slower than the
// same list with its edges written once, `(?<!L)(?:send|share|…)(?!L)`. The two match the same text at the same
// places, with the same groups, in the same order of trial: an assertion is zero-width and atomic, so one
// evaluated once before (or after) the alternation stands for the same assertion in each alternative.

/** The end (exclusive) of the group that opens at `open` (a `(`), or -1 when the source is cut short. */
function groupEnd(source: string, open: number): number {
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
function alternatives(body: string): string[] | undefined {
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
