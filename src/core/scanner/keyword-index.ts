import { keywordTrie } from './keyword-trie.js';
import { isLatinLookAlike, lookAlikePairs } from './look-alikes.js';

/** Keyword occurrences in text order, as parallel arrays: keyword[k] (index into the list) starts at start[k]. */
export interface KeywordHits {
  readonly keyword: number[];
  readonly start: number[];
  /**
   * Where a word may be obfuscated, in text order. Not capped: the deobfuscation is linear in them, and a cap
   * let a few kilobytes of hint-rich padding ("x1y x1y …") switch it off for the rest of the text.
   */
  readonly hints: number[];
  /** Whether the text holds a character other than printable ASCII, tab and line breaks. */
  unusual: boolean;
}

/** A compiled multi-keyword matcher (ASCII case-insensitive), fast enough to run over every string. */
export interface KeywordIndex {
  readonly keywords: readonly string[];
  find(text: string): KeywordHits;
}

/** Lower-case ASCII letters only, matching how the index compares text (other scripts list their case variants). */
export function asciiLower(s: string): string {
  // Most keywords are lower case already: a test is cheaper than a replace with a callback (thousands at start-up).
  return upperAscii.test(s) ? s.replace(/[A-Z]/g, (c) => c.toLowerCase()) : s;
}
const upperAscii = /[A-Z]/;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function lower(code: number): number {
  return code >= 65 && code <= 90 ? code | 32 : code;
}

// The same pass notes where a word may be disguised, so that the deobfuscation needs no pass of its own: at a
// digit or symbol against letters (`1gn0r3`), punctuation inside a word (`ig.nore`), or a single letter between
// separators (`i g n`). Each character has a kind; the kinds around a hint character decide.
const LOWER = 0; // a letter (ASCII, either case)
const LEET = 1; // a digit or symbol that stands for a letter
const SEPARATOR = 2; // splits single letters
const JOINER = 3; // splits a word
const DIGIT = 4; // another digit
const OTHER = 5;
const LOOK_ALIKE = 6; // a letter of another script that looks like an ASCII letter (Unicode TR39)
const LATIN_LIKE = 7; // a small capital or IPA letter: a word may be written in them whole
const leetChars = '0134579@$|!+';
const separatorChars = ' /_\u00b7';
const joinerChars = '.-*';
const kindOf = new Uint8Array(0x10000).fill(OTHER);
for (let c = 97; c <= 122; c++) kindOf[c] = kindOf[c - 32] = LOWER;
for (let c = 48; c <= 57; c++) kindOf[c] = DIGIT;
for (const ch of leetChars) kindOf[ch.charCodeAt(0)] = LEET;
for (const ch of separatorChars) kindOf[ch.charCodeAt(0)] = SEPARATOR;
for (const ch of joinerChars) kindOf[ch.charCodeAt(0)] = JOINER;
for (let i = 0; i < lookAlikePairs.length; i += 2) {
  const c = lookAlikePairs.charCodeAt(i);
  kindOf[c] = isLatinLookAlike(c) ? LATIN_LIKE : LOOK_ALIKE;
}

/**
 * The hint a character of kind `b` gives, with kinds `a` before and `c` after it (and `z` before `a`): 1 = a hint at
 * b, 2 = a hint at a when the character after c is b again ("x y z"), 0 = none.
 */
function hintFor(z: number, a: number, b: number, c: number): number {
  // Leetspeak: against a letter on one side, and not a digit on the other ("1gn0r3", "promp+", not "v2" or "0x1f").
  if (b === LEET) return (a === LOWER && c !== DIGIT) || (c === LOWER && a !== DIGIT) ? 1 : 0;
  if (b === JOINER) return a === LOWER && c === LOWER ? 1 : 0;
  // A separator after a word of two letters or more (most spaces) needs no look further.
  if (b === SEPARATOR) return z !== LOWER && a === LOWER && c === LOWER ? 2 : 0;
  return 0;
}
// hintFor as a table over the kinds of z a b c (3 bits each). A separator's hint also needs the character after c to
// be b again: the table says 3 there, and the pass compares the characters then only (a single letter between
// separators is rare; a comparison on every character cost 12–30% of the pass). A look-alike next to a Latin
// letter is a hint too; to its neighbours it is any other character.
const AGAIN = 3;
const hintTable = new Uint8Array(1 << 12);
for (let code = 0; code < 1 << 12; code++) {
  const [z, a, b, c] = [(code >> 9) & 7, (code >> 6) & 7, (code >> 3) & 7, code & 7].map((k) =>
    k === LOOK_ALIKE || k === LATIN_LIKE ? OTHER : k,
  ) as [number, number, number, number];
  const [rawA, rawC] = [(code >> 6) & 7, code & 7];
  if (((code >> 3) & 7) === LOOK_ALIKE) hintTable[code] = a === LOWER || c === LOWER ? 1 : 0;
  else if (((code >> 3) & 7) === LATIN_LIKE)
    hintTable[code] =
      a === LOWER || c === LOWER || rawA === LATIN_LIKE || rawC === LATIN_LIKE ? 1 : 0;
  else if (b === SEPARATOR) hintTable[code] = hintFor(z, a, b, c) === 2 ? AGAIN : 0;
  else hintTable[code] = hintFor(z, a, b, c);
}

/**
 * The order of hits that start at one place, as a rank per keyword: keyword order, shorter keywords (under six
 * units) first.
 */
export function hitRanks(keywords: readonly string[]): Int32Array {
  // A loop, not Int32Array.from with a mapping function: that is slow while start-up code is not yet optimised.
  const rank = new Int32Array(keywords.length);
  keywords.forEach((kw, id) => (rank[id] = (kw.length >= 6 ? 1 << 20 : 0) + id));
  return rank;
}

/**
 * Build a keyword index; ASCII letters match in any case. Keywords made of ASCII characters are compiled into a
 * deterministic Aho–Corasick automaton over the characters they use: one table step per character of text, no
 * step back, whatever the number of keywords. Its rows are filled in as text first reaches them, so building
 * costs little. Keywords with other characters (other scripts) can only match near a non-ASCII character and
 * are looked for only in the stretches of text around those.
 */
export function createKeywordIndex(keywords: readonly string[]): KeywordIndex {
  const lowered = keywords.map(asciiLower);
  const rank = hitRanks(lowered);
  const lengths = new Int32Array(lowered.length);
  lowered.forEach((kw, id) => (lengths[id] = kw.length));
  const asciiIds: number[] = [];
  const wideIds: number[] = [];
  lowered.forEach((kw, id) => {
    if (kw.length === 0) throw new Error('an empty keyword');
    (isAscii(kw) ? asciiIds : wideIds).push(id);
  });
  const dfa = compile(lowered, asciiIds);
  const wide = wideIds.length > 0 ? createWideIndex(lowered, wideIds) : undefined;
  // A wide keyword that matches at p is found from its first non-ASCII character q = p + j: p is within `reach`
  // before q (j at most the largest such offset of any wide keyword), and the pair of characters at p ends by q + 1.
  // Stretches as wide as a keyword on both sides of q cost a hash per character of them, and English text holds
  // many lone non-ASCII characters (curly quotes, accents): the pass over the benign corpus read 3x fewer so.
  const reach = Math.max(0, ...wideIds.map((id) => firstWide(lowered[id] ?? '')));

  function find(text: string): KeywordHits {
    const found: KeywordHits = { keyword: [], start: [], hints: [], unusual: false };
    const { delta, marked, info, stride, ownFirst, ownIds, outLink } = dfa;
    // Hints go to a scratch array first, then to one of their number: grown a push at a time, the array was copied
    // on the way to about three times its size (13,000 hints per MB of code and logs).
    let hintCount = 0;
    const n = text.length;
    // Stretches around non-ASCII characters, as flat [start, end) pairs, for the wide keywords.
    const stretches: number[] = [];
    // The row of the current state (its trie number + 1: row 0 is never used, so 0 can mean "not filled in").
    let row = 1;
    // The kinds of the last five characters, 3 bits each (the newest lowest): the hint of the character two back is
    // read from them without a branch on every space, digit and dot (ordinary text has many; a mispredicted branch
    // on each cost as much as the automaton). Before the text, characters are OTHER.
    let kinds = OTHER * 0o11111;
    // The cells of all characters OR-ed: the unusual bit says whether any character is unusual.
    let seen = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const cell = info[c] ?? 0;
      seen |= cell;
      kinds = ((kinds << 3) | (cell >> KIND_SHIFT)) & 0o77777;
      // The character at i - 2, with the two before it and the one after it.
      const hint = hintTable[kinds >> 3] ?? 0;
      if (hint !== 0) {
        if (hint !== AGAIN) hintCount = noteHint(hintCount, i - 1 - hint);
        else if (c === text.charCodeAt(i - 2)) hintCount = noteHint(hintCount, i - 3);
      }
      const cls = cell & 0xff;
      let next = delta[row * stride + cls] ?? 0;
      if (next === 0) next = dfa.fill(row, cls);
      row = next;
      if ((marked[row] ?? 0) !== 0) {
        // A state's own keywords, then those ending in its suffixes (shorter): hits ending here in start order.
        for (let s = row - 1; s !== 0; s = outLink[s] ?? 0)
          for (let k = ownFirst[s] ?? 0, to = ownFirst[s + 1] ?? 0; k < to; k++) {
            const id = ownIds[k] ?? 0;
            add(found, id, i + 1 - (lengths[id] ?? 0));
          }
      }
      if (c > 0x7f && wide) {
        const from = Math.max(0, i - reach);
        const last = stretches.length - 1;
        if (last > 0 && from <= (stretches[last] ?? 0)) stretches[last] = i + 2;
        else stretches.push(from, i + 2);
      }
    }
    found.unusual = (seen & UNUSUAL) !== 0;
    // The last two characters' hints, with nothing after the text.
    for (let i = n; i < n + 2; i++) {
      kinds = ((kinds << 3) | OTHER) & 0o77777;
      const hint = hintTable[kinds >> 3] ?? 0;
      if (hint !== 0 && hint !== AGAIN && i - 1 - hint >= 0)
        hintCount = noteHint(hintCount, i - 1 - hint);
    }
    const hits: KeywordHits = { ...found, hints: hintsOf(hintCount) };
    return wide && stretches.length > 0 ? merge(hits, wide.find(text, stretches)) : hits;
  }

  /**
   * Insert a hit in (start, rank) order. Hits arrive in end order: only a longer keyword that ends later but starts
   * earlier than hits already found moves back, past those few.
   */
  function add(hits: KeywordHits, id: number, start: number): void {
    const ids = hits.keyword;
    const starts = hits.start;
    let k = ids.length;
    ids.push(id);
    starts.push(start);
    const r = rank[id] ?? 0;
    while (k > 0) {
      const ps = starts[k - 1] ?? 0;
      if (ps < start || (ps === start && (rank[ids[k - 1] ?? 0] ?? 0) <= r)) break;
      ids[k] = ids[k - 1] ?? 0;
      starts[k] = ps;
      k--;
    }
    ids[k] = id;
    starts[k] = start;
  }

  /** The automaton's hits merged with the wide keywords' (both in start order). */
  function merge(hits: KeywordHits, found: { keyword: number[]; start: number[] }): KeywordHits {
    if (found.keyword.length === 0) return hits;
    const out: KeywordHits = {
      keyword: [],
      start: [],
      hints: hits.hints,
      unusual: hits.unusual,
    };
    let a = 0;
    let b = 0;
    const na = hits.keyword.length;
    const nb = found.keyword.length;
    while (a < na || b < nb) {
      const sa = a < na ? (hits.start[a] ?? 0) : Infinity;
      const sb = b < nb ? (found.start[b] ?? 0) : Infinity;
      const ia = hits.keyword[a] ?? 0;
      const ib = found.keyword[b] ?? 0;
      if (sa < sb || (sa === sb && (rank[ia] ?? 0) <= (rank[ib] ?? 0))) {
        out.keyword.push(ia);
        out.start.push(sa);
        a++;
      } else {
        out.keyword.push(ib);
        out.start.push(sb);
        b++;
      }
    }
    return out;
  }

  // One short text through find before any real one, with every kind of step in it: a keyword hit, each kind of
  // hint, a character outside ASCII, the text's end. The optimising compiler otherwise compiles find's loop (on
  // stack, mid-way through the first long text) before the code after the loop ever ran, and throws that code away
  // when the loop ends ("insufficient type feedback"): the next texts are then read by unoptimised code until it
  // compiles again, a cost the first scans of a process paid on each index. A one-byte string only (é is Latin-1):
  // a two-byte one here would make find's character reads polymorphic for every ASCII text after it.
  find(`${lowered[asciiIds[0] ?? 0] ?? ''} 1gn0r3 ig.nore i g n \u00e9 x`);
  return { keywords, find };
}

/** Hint positions of the text being read, before they are copied out (`hintsOf`); grown when full. */
let hintScratch = new Int32Array(4096);

/** Note a hint as the `count`th; returns the new count. */
function noteHint(count: number, at: number): number {
  if (count === hintScratch.length) {
    const larger = new Int32Array(2 * count);
    larger.set(hintScratch);
    hintScratch = larger;
  }
  hintScratch[count] = at;
  return count + 1;
}

/** The first `count` noted hints as an array of exactly that length. */
function hintsOf(count: number): number[] {
  // Past V8's limit for an array made at its length in fast elements, one grown as it is filled.
  const out: number[] = count <= 65536 ? new Array<number>(count) : [];
  for (let k = 0; k < count; k++) out[k] = hintScratch[k] ?? 0;
  return out;
}

/** The offset of a keyword's first non-ASCII character. */
function firstWide(kw: string): number {
  let j = 0;
  while (j < kw.length && kw.charCodeAt(j) <= 0x7f) j++;
  return j;
}

// In a character's cell: set for a character other than printable ASCII, tab and line breaks; the kind is above it.
const UNUSUAL = 0x100;
const KIND_SHIFT = 13;

/** The automaton of the ASCII keywords. */
interface Automaton {
  /** Per UTF-16 unit: its character class (low byte; 0 for characters no keyword holds), UNUSUAL, and its kind (top bits). */
  readonly info: Uint16Array;
  readonly stride: number;
  /**
   * delta[row * stride + class] = the row of the next state, 0 until first needed (a state's row is its trie number
   * + 1, so the zeroed table needs no sentinel written: the table (~3.3 MB) is allocated zeroed, and its pages take
   * memory only once text reaches a row in them). Two bytes per cell while the rows fit (65,535 states), four past
   * that. Whether keywords end in a state is marked[row], not a bit of the cell: with the bit, two-byte cells held
   * only 32,767 states, the limit the scanner's lexicons had reached.
   */
  readonly delta: Uint16Array | Uint32Array;
  /** 1 at the row of a state where keywords end (its own or a suffix's), once a transition into it was filled in. */
  readonly marked: Uint8Array;
  /** Compute (and keep) a transition not yet filled in: the next state's row. */
  fill(row: number, cls: number): number;
  /** The keywords that end in state s: ownIds[ownFirst[s] .. ownFirst[s + 1]). */
  readonly ownFirst: Int32Array;
  readonly ownIds: Int32Array;
  /** The longest proper suffix state of s where keywords end (0: none). */
  readonly outLink: Int32Array;
}

function compile(lowered: readonly string[], ids: readonly number[]): Automaton {
  // One class per character the keywords use (letters in both cases share one); 0 for the rest.
  const classes = new Uint8Array(0x10000);
  let stride = 1;
  const assign = (c: number): void => {
    if (classes[c] !== 0) return;
    if (stride > 0xff) throw new Error('too many different characters in the keywords');
    classes[c] = stride;
    if (c >= 97 && c <= 122) classes[c - 32] = stride;
    stride++;
  };
  // Index loops, not string iterators: this runs once, at start-up, before the optimising compiler has seen it, and
  // the interpreter steps a string iterator many times slower (these keywords are ASCII: a unit is a character).
  for (const id of ids) {
    const kw = lowered[id] ?? '';
    for (let j = 0; j < kw.length; j++) assign(kw.charCodeAt(j));
  }
  // Keyword characters are ASCII; above Latin-1 (whose middle dot separates letters), only look-alikes have a kind.
  const info = new Uint16Array(0x10000).fill((OTHER << KIND_SHIFT) | UNUSUAL);
  for (let c = 0; c < 0x100; c++) {
    const usual = (c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13;
    info[c] = (classes[c] ?? 0) | (usual ? 0 : UNUSUAL) | ((kindOf[c] ?? OTHER) << KIND_SHIFT);
  }
  for (let i = 0; i < lookAlikePairs.length; i += 2)
    info[lookAlikePairs.charCodeAt(i)] =
      UNUSUAL | ((kindOf[lookAlikePairs.charCodeAt(i)] ?? LOOK_ALIKE) << KIND_SHIFT);

  // The trie, breadth first (keyword-trie.ts; the CLI bundle carries the scanner's own).
  const { states, kidFirst, via, parent, ownFirst, ownIds } = keywordTrie(lowered, ids, classes);
  // Rows 1 .. states, and row 0 unused: a cell holds up to `states`.
  const cells = (states + 1) * stride;
  const delta = states <= 0xffff ? new Uint16Array(cells) : new Uint32Array(cells);
  const marked = new Uint8Array(states + 1);
  // Failure and output links are worked out when text first reaches a state (-1 until then), like the rows: an
  // automaton of thousands of keywords is built at start-up, and most of its states are never reached.
  const fail = new Int32Array(states).fill(-1);
  const outLink = new Int32Array(states).fill(-1);
  fail[0] = 0;
  outLink[0] = 0;
  const ends = (s: number): boolean => (ownFirst[s + 1] ?? 0) > (ownFirst[s] ?? 0);
  /** The longest proper suffix of state t that is a state: t's parent's failure state, stepped by t's edge. */
  function failOf(t: number): number {
    let f = fail[t] ?? 0;
    if (f >= 0) return f;
    const p = parent[t] ?? 0;
    f = p === 0 ? 0 : step(failOf(p), via[t] ?? 0);
    fail[t] = f;
    return f;
  }
  function outLinkOf(t: number): number {
    let o = outLink[t] ?? 0;
    if (o >= 0) return o;
    const f = failOf(t);
    // The chain below is worked out too, whichever way: find follows it to the end.
    const below = f === 0 ? 0 : outLinkOf(f);
    o = ends(f) ? f : below;
    outLink[t] = o;
    return o;
  }
  // find follows outLink[] from marked states only: marking a state works out its whole chain.
  function mark(s: number): number {
    if (outLinkOf(s) !== 0 || ends(s)) marked[s + 1] = 1;
    return s;
  }
  /** The state after `state` on class `cls` (trie numbers), filled in. */
  function step(state: number, cls: number): number {
    const known = delta[(state + 1) * stride + cls] ?? 0;
    if (known !== 0) return known - 1;
    // A trie edge, else the failure state's transition (a shallower state, so no cycle).
    let kid = kidFirst[state] ?? 0;
    const last = kidFirst[state + 1] ?? 0;
    while (kid < last && via[kid] !== cls) kid++;
    let to: number;
    if (kid < last) to = mark(kid);
    else to = state === 0 ? mark(0) : step(failOf(state), cls);
    delta[(state + 1) * stride + cls] = to + 1;
    return to;
  }
  const fill = (row: number, cls: number): number => step(row - 1, cls) + 1;
  return { info, stride, delta, marked, fill, ownFirst, ownIds, outLink };
}

/**
 * Keywords with non-ASCII characters, looked for within stretches by a hash of their first two characters (a table
 * of first non-ASCII characters instead, keyword by keyword, cost 10-30x more on text dense in é, П or CJK).
 */
interface WideIndex {
  find(text: string, stretches: readonly number[]): { keyword: number[]; start: number[] };
}

const pairBits = 12;

function pairSlot(a: number, b: number): number {
  return Math.imul(Math.imul(a, 31) + b, 0x9e3779b1) >>> (32 - pairBits);
}

function createWideIndex(lowered: readonly string[], ids: readonly number[]): WideIndex {
  const lists = new Map<number, number[]>();
  for (const id of ids) {
    const kw = lowered[id] ?? '';
    if (kw.length < 2) throw new Error(`keyword "${kw}" is too short`);
    const slot = pairSlot(kw.charCodeAt(0), kw.charCodeAt(1));
    const list = lists.get(slot);
    if (list) list.push(id);
    else lists.set(slot, [id]);
  }
  // Within a start, the automaton's order: shorter keywords (under six units) first, then by index.
  const order = (x: number, y: number): number =>
    ((lowered[x]?.length ?? 0) >= 6 ? 1 : 0) - ((lowered[y]?.length ?? 0) >= 6 ? 1 : 0) || x - y;
  const first = new Int32Array((1 << pairBits) + 1);
  const flat: number[] = [];
  for (let slot = 0; slot < 1 << pairBits; slot++) {
    first[slot] = flat.length;
    for (const id of (lists.get(slot) ?? []).sort(order)) flat.push(id);
  }
  first[1 << pairBits] = flat.length;
  const bucket = Int32Array.from(flat);
  return {
    find(text, stretches) {
      const out = { keyword: [] as number[], start: [] as number[] };
      for (let k = 0; k < stretches.length; k += 2) {
        const to = Math.min(text.length, stretches[k + 1] ?? 0);
        let b = lower(text.charCodeAt(stretches[k] ?? 0));
        for (let p = stretches[k] ?? 0; p + 1 < to; p++) {
          const a = b;
          b = lower(text.charCodeAt(p + 1));
          const slot = pairSlot(a, b);
          for (let q = first[slot] ?? 0, end = first[slot + 1] ?? 0; q < end; q++) {
            const id = bucket[q] ?? 0;
            const kw = lowered[id] ?? '';
            if (p + kw.length > text.length) continue;
            let j = 0;
            while (j < kw.length && lower(text.charCodeAt(p + j)) === kw.charCodeAt(j)) j++;
            if (j === kw.length) {
              out.keyword.push(id);
              out.start.push(p);
            }
          }
        }
      }
      return out;
    },
  };
}
