/** Keyword occurrences in text order, as parallel arrays: keyword[k] (index into the list) starts at start[k]. */
export interface KeywordHits {
  readonly keyword: number[];
  readonly start: number[];
}

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

/**
 * Build a keyword index. Keywords need 3+ UTF-16 units, or 2 ending in a non-ASCII char (CJK words); ASCII letters match in any case.
 * One pass hashes every 3-gram of the text into a table of keyword prefixes; each slot also holds a 32-bit mask of the
 * fourth characters its keywords continue with, so common prefixes ("the", "not") rarely reach the verification.
 */
export function createKeywordIndex(keywords: readonly string[]): KeywordIndex {
  const lowered = keywords.map(asciiLower);
  const table = new Int32Array(1 << tableBits);
  const slotIds = new Map<number, number[]>();
  const pairs = new Map<number, number[]>();
  lowered.forEach((kw, id) => {
    if (kw.length === 2 && kw.charCodeAt(1) > 0x7f) {
      const key = kw.charCodeAt(0) * 0x10000 + kw.charCodeAt(1);
      pairs.set(key, [...(pairs.get(key) ?? []), id]);
      return;
    }
    if (kw.length < 3) throw new Error(`keyword "${keywords[id] ?? ''}" is too short`);
    const slot = gramSlot(kw.charCodeAt(0), kw.charCodeAt(1), kw.charCodeAt(2));
    // A 3-unit keyword matches whatever follows it: every bit.
    table[slot] = (table[slot] ?? 0) | (kw.length === 3 ? -1 : 1 << (kw.charCodeAt(3) & 31));
    slotIds.set(slot, [...(slotIds.get(slot) ?? []), id]);
  });
  // Keyword ids per slot, flattened: ids[first[slot] .. first[slot + 1]).
  const first = new Int32Array((1 << tableBits) + 1);
  const ids: number[] = [];
  for (let slot = 0; slot < 1 << tableBits; slot++) {
    first[slot] = ids.length;
    for (const id of slotIds.get(slot) ?? []) ids.push(id);
  }
  first[1 << tableBits] = ids.length;
  const hasPairs = pairs.size > 0;

  function find(text: string): KeywordHits {
    const hits: KeywordHits = { keyword: [], start: [] };
    const n = text.length;
    if (n < 3) return hits;
    let a = lower(text.charCodeAt(0));
    let b = lower(text.charCodeAt(1));
    if (hasPairs && b > 0x7f) pairHit(a, b, 0, hits);
    for (let i = 2; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c - 65 < 26 && c >= 65) c |= 32;
      const slot = Math.imul(Math.imul(Math.imul(a, 31) + b, 31) + c, 0x9e3779b1) >>> shift;
      const mask = table[slot] ?? 0;
      if (mask !== 0 && ((mask >>> (lower(text.charCodeAt(i + 1)) & 31)) & 1) === 1)
        verify(text, i - 2, slot, hits);
      // Two-character keywords are CJK words, so only non-ASCII characters need the pair lookup.
      if (c > 0x7f && hasPairs) pairHit(b, c, i - 1, hits);
      a = b;
      b = c;
    }
    return hits;
  }

  function pairHit(a: number, b: number, start: number, hits: KeywordHits): void {
    for (const id of pairs.get(a * 0x10000 + b) ?? []) {
      hits.keyword.push(id);
      hits.start.push(start);
    }
  }

  function verify(text: string, start: number, slot: number, hits: KeywordHits): void {
    for (let k = first[slot] ?? 0, stop = first[slot + 1] ?? 0; k < stop; k++) {
      const id = ids[k] ?? 0;
      const kw = lowered[id] ?? '';
      if (start + kw.length > text.length) continue;
      let ok = true;
      for (let j = 0; j < kw.length; j++) {
        if (lower(text.charCodeAt(start + j)) !== kw.charCodeAt(j)) {
          ok = false;
          break;
        }
      }
      if (ok) {
        hits.keyword.push(id);
        hits.start.push(start);
      }
    }
  }

  return { keywords, find };
}
