// Where a detector's matches can start. A detector's regex runs over a window around each keyword hit and tries a
// match at every position of it (docs/scanning.md, "Speed, ninth round"). Most patterns open with the very words
// their keywords list (`\b(?:append|include|add)\b…` with keywords append, include, add): a match can then start
// only where the keyword pass found one of them, and trying the pattern there alone (sticky) finds the same matches
// as the scan of the whole window, at a fraction of the cost. This module proves that property from a pattern's
// source, conservatively: a construct it does not read makes the answer "anywhere".

/** A literal every match starts with, as far as it is known; `open` while the next characters still extend it. */
interface Prefix {
  readonly text: string;
  readonly open: boolean;
}

// Past this many prefixes or characters per prefix the reading stops (the answer is then "anywhere", or the
// prefix stays as long as it is): patterns of thousands of alternatives stay cheap to read.
const maxPrefixes = 256;
const maxPrefixLength = 24;

class Unreadable extends Error {}

/** The literal prefixes of `source` (lower case ASCII), one of which starts every match; undefined when unknown. */
export function matchPrefixes(source: string): string[] | undefined {
  try {
    const reader = new Reader(source);
    const found = reader.disjunction([{ text: '', open: true }]);
    if (reader.at !== source.length) return undefined;
    return [...new Set(found.map((p) => p.text))];
  } catch (error) {
    if (error instanceof Unreadable) return undefined;
    throw error;
  }
}

/**
 * True when every match of `pattern` starts with one of `keywords` (lower case, as the keyword index compares
 * ASCII letters), so that the keyword pass has a hit at every match's start.
 */
export function startsAtKeywords(pattern: RegExp, keywords: readonly string[]): boolean {
  if (pattern.flags.includes('v')) return false;
  const prefixes = matchPrefixes(pattern.source);
  if (prefixes === undefined) return false;
  const folds = pattern.flags.includes('i');
  const unicode = pattern.flags.includes('u');
  // A keyword the index finds wherever the regex matches its letters: with `i`, only ASCII letters fold the same
  // way in both (and in Unicode mode ſ and the Kelvin sign fold to s and k, which the index does not know).
  const usable = keywords.filter(
    (kw) =>
      kw.length > 0 &&
      (!folds || asciiOnly.test(kw)) &&
      !(folds && unicode && /[sk]/.test(kw)),
  );
  return prefixes.every((p) => usable.some((kw) => p.startsWith(kw)));
}
const asciiOnly = /^[\x00-\x7f]*$/;

/** A recursive-descent reading of a regex source (no `v`-mode class syntax: such sources are refused). */
class Reader {
  at = 0;
  constructor(private readonly source: string) {}

  private peek(offset = 0): string {
    return this.source[this.at + offset] ?? '';
  }

  /** Alternatives separated by `|`, each read from `from`; stops before `)` or at the end. */
  disjunction(from: readonly Prefix[]): Prefix[] {
    const out: Prefix[] = [];
    for (;;) {
      out.push(...this.alternative(from));
      if (out.length > maxPrefixes) throw new Unreadable();
      if (this.peek() !== '|') return out;
      this.at++;
    }
  }

  /** One alternative: terms until `|`, `)` or the end. */
  private alternative(from: readonly Prefix[]): Prefix[] {
    let prefixes: Prefix[] = [...from];
    for (;;) {
      const c = this.peek();
      if (c === '' || c === '|' || c === ')') return prefixes;
      prefixes = this.term(prefixes);
      if (prefixes.length > maxPrefixes) throw new Unreadable();
    }
  }

  /** One term (an assertion, or an atom and its quantifier) appended to `prefixes`. */
  private term(prefixes: Prefix[]): Prefix[] {
    const c = this.peek();
    // Zero-width assertions leave the match's start where it is.
    if (c === '^' || c === '$') {
      this.at++;
      return prefixes;
    }
    if (c === '\\' && (this.peek(1) === 'b' || this.peek(1) === 'B')) {
      this.at += 2;
      return prefixes;
    }
    if (c === '(' && this.peek(1) === '?') {
      const kind = this.peek(2);
      const look = kind === '=' || kind === '!' || (kind === '<' && /[=!]/.test(this.peek(3)));
      if (look) {
        this.at += kind === '<' ? 4 : 3;
        this.disjunction([{ text: '', open: false }]);
        this.expect(')');
        if (quantifier.test(this.peek())) throw new Unreadable();
        return prefixes;
      }
    }
    // An atom: the strings it may match, as prefixes of its own (undefined: any characters).
    const atom = this.atom();
    const { min, max } = this.quantifier();
    const withAtom = (list: readonly Prefix[]): Prefix[] => {
      if (atom === undefined) return list.map(close);
      const out: Prefix[] = [];
      for (const p of list) {
        if (!p.open) {
          out.push(p);
          continue;
        }
        for (const a of atom) out.push(extend(p, a, max > 1 || !a.open));
        if (out.length > maxPrefixes) throw new Unreadable();
      }
      return out;
    };
    if (max === 0) return prefixes;
    // Optional: the match goes on without the atom (the prefixes as they were, still open) or with it.
    if (min === 0) return dedupe([...prefixes, ...withAtom(prefixes)]);
    return withAtom(prefixes);
  }

  private expect(c: string): void {
    if (this.peek() !== c) throw new Unreadable();
    this.at++;
  }

  /** `{min, max}` of the quantifier here (1, 1 when none); a lazy `?` after it changes no prefix. */
  private quantifier(): { min: number; max: number } {
    const c = this.peek();
    let min = 1;
    let max = 1;
    if (c === '*' || c === '+' || c === '?') {
      this.at++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at, this.at + 24));
      if (!m) return { min, max };
      this.at += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else return { min, max };
    if (this.peek() === '?') this.at++;
    return { min, max };
  }

  /** The strings an atom matches, each as a prefix (`open` when it is the whole of what it matches). */
  private atom(): Prefix[] | undefined {
    const c = this.peek();
    if (c === '(') {
      this.at++;
      if (this.peek() === '?') {
        if (this.peek(1) === ':') this.at += 2;
        else if (this.peek(1) === '<') {
          const close = this.source.indexOf('>', this.at);
          if (close < 0) throw new Unreadable();
          this.at = close + 1;
        } else throw new Unreadable(); // modifiers, or a syntax this reading does not know
      }
      const inner = this.disjunction([{ text: '', open: true }]);
      this.expect(')');
      return inner;
    }
    if (c === '[') return this.characterClass();
    if (c === '.') {
      this.at++;
      return undefined;
    }
    if (c === '\\') return this.escape();
    if (c === '' || c === ')' || c === '|' || quantifier.test(c)) throw new Unreadable();
    this.at++;
    return [{ text: asciiFold(c), open: true }];
  }

  /** A class: its characters when they are one letter in its cases (or a few), else any. */
  private characterClass(): Prefix[] | undefined {
    const start = this.at;
    let i = start + 1;
    const negated = this.source[i] === '^';
    if (negated) i++;
    const chars = new Set<string>();
    let simple = !negated;
    while (i < this.source.length) {
      const c = this.source[i] ?? '';
      if (c === ']') break;
      if (c === '[') throw new Unreadable();
      if (c === '\\') {
        const next = this.source[i + 1] ?? '';
        if (/[-\]\\^.$*+?(){}|/[]/.test(next)) chars.add(asciiFold(next));
        else simple = false;
        i += 2;
        continue;
      }
      if (this.source[i + 1] === '-' && this.source[i + 2] !== ']') simple = false;
      chars.add(asciiFold(c));
      i++;
    }
    if (this.source[i] !== ']') throw new Unreadable();
    this.at = i + 1;
    if (!simple || chars.size === 0 || chars.size > 4) return undefined;
    return [...chars].map((ch) => ({ text: ch, open: true }));
  }

  /** An escape outside a class: a literal character, or any (classes, back references, properties). */
  private escape(): Prefix[] | undefined {
    const next = this.peek(1);
    if (next === '') throw new Unreadable();
    if (next === 'u' || next === 'x' || next === 'c' || next === 'p' || next === 'P' || next === 'k') {
      // \uXXXX, \u{…}, \xXX, \cX, \p{…}, \k<…>: read over them; any character for what they match.
      const m = /^\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|[pP]\{[^}]*\}|k<[^>]*>)/.exec(
        this.source.slice(this.at, this.at + 40),
      );
      if (!m) throw new Unreadable();
      this.at += m[0].length;
      return undefined;
    }
    this.at += 2;
    if (/[dDwWsS1-9]/.test(next)) return undefined;
    const control: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v', '0': '\0' };
    const literal = control[next] ?? (/[A-Za-z0-9]/.test(next) ? undefined : next);
    return literal === undefined ? undefined : [{ text: literal, open: true }];
  }
}

const quantifier = /^[*+?{]$/;

/** Lower-case an ASCII letter (other characters as they are: the index compares them exactly). */
function asciiFold(c: string): string {
  return c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
}

function close(p: Prefix): Prefix {
  return p.open ? { text: p.text, open: false } : p;
}

/** `p` followed by what an atom matches; closed after it when `stop`, or when it grows too long. */
function extend(p: Prefix, a: Prefix, stop: boolean): Prefix {
  const text = p.text + a.text;
  if (text.length >= maxPrefixLength) return { text: text.slice(0, maxPrefixLength), open: false };
  return { text, open: a.open && !stop };
}

function dedupe(list: Prefix[]): Prefix[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const key = `${p.open ? 1 : 0}${p.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
