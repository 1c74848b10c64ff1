import { alternatives, groupEnd } from './factor-assertions.js';

// Where a detector's matches can start. A detector's regex runs over a window around each keyword hit and tries a
// match at every position of it (docs/scanning.md, "Speed, ninth round"). Most patterns open with the very words
// their keywords list (`\b(?:append|include|add)\b…` with keywords append, include, add): a match can then start
// only where the keyword pass found one of them, and trying the pattern there alone (sticky) finds the same matches
// as the scan of the whole window, at a fraction of the cost. This module proves that property from a pattern's
// source, conservatively: a construct it does not read makes the answer "anywhere".

/** A literal every match starts with, as far as it is read; `open` while the next characters still extend it. */
interface Prefix {
  readonly text: string;
  readonly open: boolean;
}

// Past this many prefixes the reading stops (the answer is then "anywhere"): a pattern's start fans out into a few
// dozen literals at most where the answer is yes.
const maxPrefixes = 256;

/** The reading stopped: a prefix that no keyword starts, or a construct it does not follow. */
class Refused extends Error {}
// One instance, thrown each time: a new Error records a stack, which made reading a lexicon's hundred alternatives
// apart cost milliseconds.
const refused = new Refused();

/**
 * True when every match of `pattern` starts with one of `keywords` (lower case, as the keyword index compares
 * ASCII letters), so that the keyword pass has a hit at every match's start. The reading stops as soon as the
 * answer is known: a prefix is closed as soon as a keyword starts it, and the first prefix closed without one
 * answers no (this runs on a detector's first use, on the way to a verdict).
 */
export function startsAtKeywords(pattern: RegExp, keywords: readonly string[]): boolean {
  return keyedIn(pattern.source, usableKeywords(pattern.flags, keywords));
}

/**
 * The keywords the index finds wherever the regex matches their letters (none for a `v`-mode regex): with `i`, only
 * ASCII letters fold the same way in both (and in Unicode mode ſ and the Kelvin sign fold to s and k, which the
 * index does not know).
 */
function usableKeywords(flags: string, keywords: readonly string[]): string[] {
  if (flags.includes('v')) return [];
  const folds = flags.includes('i');
  const unicode = flags.includes('u');
  return keywords.filter(
    (kw) => kw.length > 0 && (!folds || isAscii(kw)) && !(folds && unicode && /[sk]/.test(kw)),
  );
}

/** `startsAtKeywords` for a regex source and its usable keywords. */
function keyedIn(source: string, usable: readonly string[]): boolean {
  if (usable.length === 0) return false;
  try {
    const reader = new Reader(source, usable);
    const found = reader.disjunction([{ text: '', open: true }]);
    if (reader.at !== source.length) return false;
    // Prefixes still open when the pattern ends: every match is one of these strings.
    return found.every((p) => reader.keyed(p.text));
  } catch (error) {
    if (error === refused) return false;
    throw error;
  }
}

/**
 * A pattern whose every match does not start at a keyword may still open with an alternation most of whose
 * alternatives do (a lexicon's single words, `(?<!L)(?:envie|manda|…|não[ \t]+conte|…)(?!L)`, where a phrase's blank
 * run or a letter with case variants outside ASCII keeps the rest from starting at a keyword as the pass compares
 * it; an English rule's verbs, `\b(?:reveal|print|…|tell[ \t]{1,3}me)[ \t]{1,3}…`). The
 * source of a regex that matches wherever one of the alternatives that do not start at a keyword matches: those
 * alternatives, in their order, without what the pattern holds before and after them (a match of the whole
 * pattern through one of them is one of theirs at the same place; without the edge tested first at every position
 * the regex reads a window about twice as fast). So a match of the whole pattern starts either at a keyword hit or where this regex matches, and the
 * whole pattern, sticky, need only be tried at those places. '' when every alternative starts at a keyword;
 * undefined when none does or the source is not such an alternation (a back reference or a named group makes it
 * one this reading does not take apart).
 */
export function unkeyedAlternatives(
  source: string,
  flags: string,
  keywords: readonly string[],
): string | undefined {
  if (/\\[1-9k]|\(\?<[^=!]/.test(source)) return undefined;
  const usable = usableKeywords(flags, keywords);
  if (usable.length === 0) return undefined;
  const shape = topAlternation(source);
  if (shape === undefined) return undefined;
  // An alternative whose every prefix a keyword closes before it ends is keyed whatever follows it (most are: the
  // rest of an English rule's pattern is read only for the others).
  const rest = shape.alternatives.filter(
    (alt) =>
      !keyedIn(`${shape.head}${alt}`, usable) &&
      !keyedIn(`${shape.head}${alt}${shape.tail}`, usable),
  );
  if (rest.length === shape.alternatives.length) return undefined;
  return rest.length === 0 ? '' : `(?:${rest.join('|')})`;
}

/**
 * A source as zero-width assertions, then an alternation every match opens with, then the rest (`head(?:a|b|…)tail`,
 * where `tail` is any pattern), if it is one: it matches where `head a tail` or `head b tail` … does, in that order.
 */
function topAlternation(
  source: string,
): { head: string; alternatives: string[]; tail: string } | undefined {
  let s = source;
  while (s.startsWith('(?:') && groupEnd(s, 0) === s.length) s = s.slice(3, -1);
  const top = alternatives(s);
  if (top === undefined) return undefined;
  if (top.length > 1) return { head: '', alternatives: top, tail: '' };
  let group = -1;
  let groupStop = -1;
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c === '^' || c === '$') {
      i++;
      continue;
    }
    if (c === '\\' && (s[i + 1] === 'b' || s[i + 1] === 'B')) {
      i += 2;
      continue;
    }
    if (c !== '(') return undefined;
    const end = groupEnd(s, i);
    if (end < 0 || quantifierStart.test(s.slice(end, end + 1))) return undefined;
    const lookaround = /^\(\?(?:[=!]|<[=!])/.test(s.slice(i, i + 4));
    if (!lookaround) {
      if (!s.startsWith('(?:', i)) return undefined;
      group = i;
      groupStop = end;
      break;
    }
    i = end;
  }
  if (group < 0) return undefined;
  const inner = alternatives(s.slice(group + 3, groupStop - 1));
  if (inner === undefined || inner.length < 2) return undefined;
  return { head: s.slice(0, group), alternatives: inner, tail: s.slice(groupStop) };
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** A recursive-descent reading of a regex source's start (no `v`-mode class syntax: such sources are refused). */
class Reader {
  at = 0;
  constructor(
    private readonly source: string,
    private readonly keywords: readonly string[],
  ) {}

  /** Whether a keyword starts `text`. */
  keyed(text: string): boolean {
    return this.keywords.some((kw) => text.startsWith(kw));
  }

  /** `text` as a prefix: closed when a keyword starts it (what follows does not matter then), else open. */
  private prefix(text: string, open: boolean): Prefix {
    if (this.keyed(text)) return { text, open: false };
    if (!open) throw refused;
    return { text, open: true };
  }

  private peek(offset = 0): string {
    return this.source[this.at + offset] ?? '';
  }

  /** Alternatives separated by `|`, each read from `from`; stops before `)` or at the end. */
  disjunction(from: readonly Prefix[]): Prefix[] {
    const out: Prefix[] = [];
    for (;;) {
      out.push(...this.alternative(from));
      if (out.length > maxPrefixes) throw refused;
      if (this.peek() !== '|') return out;
      this.at++;
    }
  }

  /** One alternative: terms until `|`, `)` or the end; the rest skipped once every prefix is closed. */
  private alternative(from: readonly Prefix[]): Prefix[] {
    let prefixes: Prefix[] = [...from];
    for (;;) {
      const c = this.peek();
      if (c === '' || c === '|' || c === ')') return prefixes;
      if (prefixes.every((p) => !p.open)) {
        this.skipAlternative();
        return prefixes;
      }
      prefixes = this.term(prefixes);
      if (prefixes.length > maxPrefixes) throw refused;
    }
  }

  /** Move to the `|` or `)` that ends the alternative read so far. */
  private skipAlternative(): void {
    let depth = 0;
    for (; this.at < this.source.length; this.at++) {
      const c = this.source[this.at];
      if (c === '\\') this.at++;
      else if (c === '[') this.skipClass();
      else if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return;
        depth--;
      } else if (c === '|' && depth === 0) return;
    }
  }

  /** From a `[`, move onto its closing `]`. */
  private skipClass(): void {
    for (this.at++; this.at < this.source.length; this.at++) {
      const c = this.source[this.at];
      if (c === '\\') this.at++;
      else if (c === ']') return;
    }
  }

  /** One term (an assertion, or an atom and its quantifier) appended to `prefixes`. */
  private term(prefixes: Prefix[]): Prefix[] {
    if (this.skipAssertion()) return prefixes;
    // An atom: the strings it may match, as prefixes of its own (undefined: any characters).
    const atom = this.atom();
    const { min, max } = this.quantifier();
    if (max === 0) return prefixes;
    const out: Prefix[] = [];
    for (const p of prefixes) {
      if (!p.open) {
        out.push(p);
        continue;
      }
      // Optional: the match goes on without the atom too.
      if (min === 0) out.push(p);
      if (atom === undefined) {
        this.prefix(p.text, false);
        continue;
      }
      for (const a of atom) out.push(this.prefix(p.text + a.text, a.open && max === 1));
      if (out.length > maxPrefixes) throw refused;
    }
    return out;
  }

  /**
   * Steps over a zero-width assertion here (`^`, `$`, `\b`, `\B`, a lookaround) and says whether there was one: it
   * leaves the match's start where it is. A quantified lookaround is refused.
   */
  private skipAssertion(): boolean {
    const c = this.peek();
    if (c === '^' || c === '$') {
      this.at++;
      return true;
    }
    if (c === '\\' && (this.peek(1) === 'b' || this.peek(1) === 'B')) {
      this.at += 2;
      return true;
    }
    if (c !== '(' || this.peek(1) !== '?') return false;
    const kind = this.peek(2);
    if (!(kind === '=' || kind === '!' || (kind === '<' && /[=!]/.test(this.peek(3)))))
      return false;
    this.at += kind === '<' ? 4 : 3;
    this.skipAlternatives();
    this.expect(')');
    if (quantifierStart.test(this.peek())) throw refused;
    return true;
  }

  /** Skip a lookaround's body (its alternatives, to the `)` that closes it). */
  private skipAlternatives(): void {
    for (;;) {
      this.skipAlternative();
      if (this.peek() !== '|') return;
      this.at++;
    }
  }

  private expect(c: string): void {
    if (this.peek() !== c) throw refused;
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
      if (!m) throw refused;
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
          if (close < 0) throw refused;
          this.at = close + 1;
        } else throw refused; // modifiers, or a syntax this reading does not know
      }
      // A group read on its own: its prefixes are not checked against the keywords until joined to what precedes.
      const inner = new Reader(this.source, []);
      inner.at = this.at;
      const found = inner.group();
      this.at = inner.at;
      this.expect(')');
      return found;
    }
    if (c === '[') return this.characterClass();
    if (c === '.') {
      this.at++;
      return undefined;
    }
    if (c === '\\') return this.escape();
    if (c === '' || c === ')' || c === '|' || quantifierStart.test(c)) throw refused;
    this.at++;
    return [{ text: asciiFold(c), open: true }];
  }

  /** A group's body as literal pieces: every alternative read whole (no keyword closes a piece of a group). */
  group(): Prefix[] {
    const out: Prefix[] = [];
    for (;;) {
      let pieces: Prefix[] = [{ text: '', open: true }];
      for (;;) {
        const c = this.peek();
        if (c === '' || c === '|' || c === ')') break;
        if (pieces.every((p) => !p.open)) {
          this.skipAlternative();
          break;
        }
        pieces = this.piece(pieces);
        if (pieces.length > maxPrefixes) throw refused;
      }
      out.push(...pieces);
      if (out.length > maxPrefixes) throw refused;
      if (this.peek() !== '|') return out;
      this.at++;
    }
  }

  /** One term of a group's alternative: like `term`, with no keyword test. */
  private piece(pieces: Prefix[]): Prefix[] {
    if (this.skipAssertion()) return pieces;
    const atom = this.atom();
    const { min, max } = this.quantifier();
    if (max === 0) return pieces;
    const out: Prefix[] = [];
    for (const p of pieces) {
      if (!p.open) {
        out.push(p);
        continue;
      }
      if (min === 0) out.push(p);
      if (atom === undefined) {
        out.push({ text: p.text, open: false });
        continue;
      }
      for (const a of atom) out.push({ text: p.text + a.text, open: a.open && max === 1 });
      if (out.length > maxPrefixes) throw refused;
    }
    return out;
  }

  /** A class: its characters when they are one letter in its cases (or a few), else any. */
  private characterClass(): Prefix[] | undefined {
    let i = this.at + 1;
    const negated = this.source[i] === '^';
    if (negated) i++;
    const chars = new Set<string>();
    let simple = !negated;
    while (i < this.source.length) {
      const c = this.source[i] ?? '';
      if (c === ']') break;
      if (c === '\\') {
        const next = this.source[i + 1] ?? '';
        if (/[-\]\\^.$*+?(){}|/[]/.test(next)) chars.add(next);
        else simple = false;
        i += 2;
        continue;
      }
      if (this.source[i + 1] === '-' && this.source[i + 2] !== ']') simple = false;
      chars.add(asciiFold(c));
      i++;
    }
    if (this.source[i] !== ']') throw refused;
    this.at = i + 1;
    if (!simple || chars.size === 0 || chars.size > 4) return undefined;
    return [...chars].map((ch) => ({ text: ch, open: true }));
  }

  /** An escape outside a class: a literal character, or any (classes, back references, properties). */
  private escape(): Prefix[] | undefined {
    const next = this.peek(1);
    if (next === '') throw refused;
    if (/[uxcpPk]/.test(next)) {
      // \uXXXX, \u{…}, \xXX, \cX, \p{…}, \k<…>: read over them; any character for what they match.
      const m =
        /^\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|[pP]\{[^}]*\}|k<[^>]*>)/.exec(
          this.source.slice(this.at, this.at + 40),
        );
      if (!m) throw refused;
      this.at += m[0].length;
      return undefined;
    }
    this.at += 2;
    if (/[A-Za-z0-9]/.test(next)) {
      const control = '\t\n\r\f\v\0'['tnrfv0'.indexOf(next)];
      return control === undefined ? undefined : [{ text: control, open: true }];
    }
    return [{ text: next, open: true }];
  }
}

const quantifierStart = /^[*+?{]/;

/** Lower-case an ASCII letter (other characters as they are: the index compares them exactly). */
function asciiFold(c: string): string {
  return c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
}
