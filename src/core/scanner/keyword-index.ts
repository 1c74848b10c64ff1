/** One keyword occurrence: which keyword (index into the list) and where it starts. */
export interface KeywordHit {
  readonly keyword: number;
  readonly start: number;
}

/** A compiled multi-keyword matcher (ASCII case-insensitive), fast enough to run over every string. */
export interface KeywordIndex {
  readonly keywords: readonly string[];
  find(text: string): KeywordHit[];
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
 * It hashes every 3-gram of the text into a bitmap of keyword prefixes and only verifies on a hit, one pass.
 */
export function createKeywordIndex(keywords: readonly string[]): KeywordIndex {
  const table = new Uint8Array(1 << tableBits);
  const buckets = new Map<number, number[]>();
  const pairs = new Map<number, number[]>();
  keywords.forEach((raw, id) => {
    const kw = asciiLower(raw);
    if (kw.length === 2 && kw.charCodeAt(1) > 0x7f) {
      const key = kw.charCodeAt(0) * 0x10000 + kw.charCodeAt(1);
      pairs.set(key, [...(pairs.get(key) ?? []), id]);
      return;
    }
    if (kw.length < 3) throw new Error(`keyword "${raw}" is too short`);
    const slot = gramSlot(kw.charCodeAt(0), kw.charCodeAt(1), kw.charCodeAt(2));
    table[slot] = 1;
    const bucket = buckets.get(slot) ?? [];
    bucket.push(id);
    buckets.set(slot, bucket);
  });
  const lowered = keywords.map(asciiLower);

  function find(text: string): KeywordHit[] {
    const hits: KeywordHit[] = [];
    const n = text.length;
    if (n < 3) return hits;
    const hasPairs = pairs.size > 0;
    let a = lower(text.charCodeAt(0));
    let b = lower(text.charCodeAt(1));
    if (hasPairs && b > 0x7f) pairHit(a, b, 0, hits);
    for (let i = 2; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c - 65 < 26 && c >= 65) c |= 32;
      const slot = Math.imul(Math.imul(Math.imul(a, 31) + b, 31) + c, 0x9e3779b1) >>> shift;
      if (table[slot] === 1) verify(text, i - 2, slot, hits);
      // Two-character keywords are CJK words, so only non-ASCII characters need the pair lookup.
      if (c > 0x7f && hasPairs) pairHit(b, c, i - 1, hits);
      a = b;
      b = c;
    }
    return hits;
  }

  function pairHit(a: number, b: number, start: number, hits: KeywordHit[]): void {
    for (const id of pairs.get(a * 0x10000 + b) ?? []) hits.push({ keyword: id, start });
  }

  function verify(text: string, start: number, slot: number, hits: KeywordHit[]): void {
    for (const id of buckets.get(slot) ?? []) {
      const kw = lowered[id] ?? '';
      if (start + kw.length > text.length) continue;
      let ok = true;
      for (let k = 0; k < kw.length; k++) {
        if (lower(text.charCodeAt(start + k)) !== kw.charCodeAt(k)) {
          ok = false;
          break;
        }
      }
      if (ok) hits.push({ keyword: id, start });
    }
  }

  return { keywords, find };
}
