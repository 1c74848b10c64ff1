import { confusablePairs } from './confusables-table.js';

/** Keyword occurrences in text order, as parallel arrays: keyword[k] (index into the list) starts at start[k]. */
export interface KeywordHits {
  readonly keyword: number[];
  readonly start: number[];
  /**
   * Where a word may be obfuscated, in text order. Not capped: the deobfuscation is linear in them, and a cap
   * let a few kilobytes of hint-rich padding ("x1y x1y …") switch it off for the rest of the text.
   */
  readonly hints: number[];
}

// The same pass notes where a word may be disguised, so that the deobfuscation needs no pass of its own:
// 1 = a leetspeak digit or symbol, 2 = a separator of single letters, 4 = punctuation inside a word.
const hintKind = new Uint8Array(0x10000);
for (const ch of '0134579@$|!+') hintKind[ch.charCodeAt(0)] = 1;
for (const ch of ' /|\u00b7_') hintKind[ch.charCodeAt(0)] = (hintKind[ch.charCodeAt(0)] ?? 0) | 2;
for (const ch of '.-*') hintKind[ch.charCodeAt(0)] = 6;
// Characters of other scripts that look like ASCII letters (Unicode TR39).
const lookAlike = new Uint8Array(0x10000);
for (let i = 0; i < confusablePairs.length; i += 2) lookAlike[confusablePairs.charCodeAt(i)] = 1;

const isLowerLetter = (c: number): boolean => c >= 97 && c <= 122;
const isAlnum = (c: number): boolean => isLowerLetter(c) || (c >= 48 && c <= 57);

/** A compiled multi-keyword matcher (ASCII case-insensitive), fast enough to run over every string. */
export interface KeywordIndex {
  readonly keywords: readonly string[];
  find(text: string): KeywordHits;
}

const tableBits = 16;
const shift = 32 - tableBits;

/** Lower-case ASCII letters only, matching how the index compares text (other scripts list their case variants). */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function lower(code: number): number {
  return code >= 65 && code <= 90 ? code | 32 : code;
}

function gramSlot(a: number, b: number, c: number): number {
  return Math.imul(Math.imul(Math.imul(a, 31) + b, 31) + c, 0x9e3779b1) >>> shift;
}

// Keywords of six or more units are also filed under a hash of their 3-gram slot and next three characters:
// a common prefix ("you ", "the ") shared by dozens of compound keywords then costs one lookup, not dozens
// of comparisons.
const longBits = 16;
const longAt = 6;

function longSlot(slot: number, d: number, e: number, f: number): number {
  return (
    Math.imul(Math.imul(Math.imul(Math.imul(slot, 31) + d, 31) + e, 31) + f, 0x85ebca6b) >>>
    (32 - longBits)
  );
}

/** Flatten lists keyed by slot into [first, ids] arrays: ids[first[slot] .. first[slot + 1]). */
function flatten(
  lists: Map<number, number[]>,
  bits: number,
): { first: Int32Array; ids: Int32Array } {
  const first = new Int32Array((1 << bits) + 1);
  const ids: number[] = [];
  for (let slot = 0; slot < 1 << bits; slot++) {
    first[slot] = ids.length;
    for (const id of lists.get(slot) ?? []) ids.push(id);
  }
  first[1 << bits] = ids.length;
  return { first, ids: Int32Array.from(ids) };
}

/**
 * Build a keyword index. Keywords need 3+ UTF-16 units, or 2 ending in a non-ASCII char (CJK words); ASCII letters match in any case.
 * One pass hashes every 3-gram of the text into a table of keyword prefixes; each slot also holds a 32-bit mask of the
 * fourth characters its keywords continue with, so common prefixes ("the", "not") rarely reach the verification.
 */
export function createKeywordIndex(keywords: readonly string[]): KeywordIndex {
  const lowered = keywords.map(asciiLower);
  const table = new Int32Array(1 << tableBits);
  const shortIds = new Map<number, number[]>();
  const longIds = new Map<number, number[]>();
  const pairs = new Map<number, number[]>();
  const push = (map: Map<number, number[]>, key: number, id: number): void => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  lowered.forEach((kw, id) => {
    if (kw.length === 2 && kw.charCodeAt(1) > 0x7f) {
      push(pairs, kw.charCodeAt(0) * 0x10000 + kw.charCodeAt(1), id);
      return;
    }
    if (kw.length < 3) throw new Error(`keyword "${keywords[id] ?? ''}" is too short`);
    const slot = gramSlot(kw.charCodeAt(0), kw.charCodeAt(1), kw.charCodeAt(2));
    // A 3-unit keyword matches whatever follows it: every bit.
    table[slot] = (table[slot] ?? 0) | (kw.length === 3 ? -1 : 1 << (kw.charCodeAt(3) & 31));
    if (kw.length >= longAt)
      push(longIds, longSlot(slot, kw.charCodeAt(3), kw.charCodeAt(4), kw.charCodeAt(5)), id);
    else push(shortIds, slot, id);
  });
  const short = flatten(shortIds, tableBits);
  const long = flatten(longIds, longBits);
  const hasPairs = pairs.size > 0;

  function find(text: string): KeywordHits {
    const hits: KeywordHits = { keyword: [], start: [], hints: [] };
    const n = text.length;
    if (n < 3) return hits;
    let z = 0;
    let a = lower(text.charCodeAt(0));
    let b = lower(text.charCodeAt(1));
    if (hasPairs && b > 0x7f) pairHit(a, b, 0, hits);
    // The first two characters of the 3-gram hash, rolled forward: one multiplication less per character.
    let ab = Math.imul(a, 31) + b;
    // Once the hint list is full, the obfuscation checks stop.
    for (let i = 2; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c - 65 < 26 && c >= 65) c |= 32;
      const slot = Math.imul(Math.imul(ab, 31) + c, 0x9e3779b1) >>> shift;
      const mask = table[slot] ?? 0;
      if (mask !== 0) {
        let d = text.charCodeAt(i + 1);
        if (d - 65 < 26 && d >= 65) d |= 32;
        if (((mask >>> (d & 31)) & 1) === 1) verify(text, i - 2, slot, hits);
      }
      // A digit or symbol between letters, punctuation inside a word, or a single letter between separators.
      const k = hintKind[b] ?? 0;
      if (k !== 0) {
        if ((k & 1) !== 0) {
          // Leetspeak: against a letter on one side and a letter, another digit or a word edge on the other.
          const la = isLowerLetter(a);
          const lc = isLowerLetter(c);
          if (
            (la && (lc || ((hintKind[c] ?? 0) & 1) !== 0)) ||
            (lc && (((hintKind[a] ?? 0) & 1) !== 0 || !isAlnum(a)))
          )
            addHint(hits, i - 1);
          // A separator after a word of two letters or more (most spaces) is settled by its first test.
        } else if (((k & 4) !== 0 || !isLowerLetter(z)) && isLowerLetter(a) && isLowerLetter(c)) {
          hint(text, i, k, hits);
        }
      }
      if (c > 0x7f) {
        // Two-character keywords are CJK words, so only non-ASCII characters need the pair lookup.
        if (hasPairs) pairHit(b, c, i - 1, hits);
        if (
          lookAlike[c] === 1 &&
          (isLowerLetter(b) || isLowerLetter(lower(text.charCodeAt(i + 1))))
        )
          addHint(hits, i);
      }
      z = a;
      a = b;
      b = c;
      ab = Math.imul(a, 31) + b;
    }
    return hits;
  }

  function hint(text: string, i: number, k: number, hits: KeywordHits): void {
    if ((k & 4) !== 0) {
      addHint(hits, i - 1);
      return;
    }
    // "x y z": the letter before is a single letter and the same separator follows the next one.
    if (text.charCodeAt(i + 1) === text.charCodeAt(i - 1)) addHint(hits, i - 2);
  }

  function addHint(hits: KeywordHits, at: number): void {
    hits.hints.push(at);
  }

  function pairHit(a: number, b: number, start: number, hits: KeywordHits): void {
    for (const id of pairs.get(a * 0x10000 + b) ?? []) {
      hits.keyword.push(id);
      hits.start.push(start);
    }
  }

  function check(
    text: string,
    start: number,
    ids: Int32Array,
    from: number,
    to: number,
    hits: KeywordHits,
  ): void {
    for (let k = from; k < to; k++) {
      const id = ids[k] ?? 0;
      const kw = lowered[id] ?? '';
      if (start + kw.length > text.length) continue;
      let ok = true;
      for (let j = 3; j < kw.length; j++) {
        if (lower(text.charCodeAt(start + j)) !== kw.charCodeAt(j)) {
          ok = false;
          break;
        }
      }
      // The first three characters only hashed to the slot: compare them too.
      if (
        ok &&
        lower(text.charCodeAt(start)) === kw.charCodeAt(0) &&
        lower(text.charCodeAt(start + 1)) === kw.charCodeAt(1) &&
        lower(text.charCodeAt(start + 2)) === kw.charCodeAt(2)
      ) {
        hits.keyword.push(id);
        hits.start.push(start);
      }
    }
  }

  function verify(text: string, start: number, slot: number, hits: KeywordHits): void {
    check(text, start, short.ids, short.first[slot] ?? 0, short.first[slot + 1] ?? 0, hits);
    if (start + longAt > text.length) return;
    const key = longSlot(
      slot,
      lower(text.charCodeAt(start + 3)),
      lower(text.charCodeAt(start + 4)),
      lower(text.charCodeAt(start + 5)),
    );
    check(text, start, long.ids, long.first[key] ?? 0, long.first[key + 1] ?? 0, hits);
  }

  return { keywords, find };
}
