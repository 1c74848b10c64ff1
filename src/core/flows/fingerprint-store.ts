/**
 * Compact fingerprints of text (value tracking, DESIGN §12): hashes of overlapping windows of
 * {@link WINDOW} normalised characters (letters and digits, lower case; `%XX` read as its
 * character), thinned by winnowing (Schleimer, Wilkerson, Aiken 2003)
 * so that any run of {@link GUARANTEED} or more normalised characters shared with a stored text
 * is found, and no run shorter than {@link WINDOW} ever is. Memory is bounded: past
 * {@link MAX_SLOTS} table slots the store keeps a uniform sample instead (see `level`).
 */

/** Characters per window, after normalisation (letters and digits only, lower case). */
export const WINDOW = 32;
/** Windows per winnowing group: one fingerprint is kept out of every group of this many. */
export const WINNOW = 16;
/** A shared run at least this long is always found (while the store samples nothing). */
export const GUARANTEED = WINDOW + WINNOW - 1;
/** Table size limit: three 32-bit words a slot and a byte of filter, so 1.625 MiB. */
export const MAX_SLOTS = 1 << 17;
/** Bytes a store holds at most: its table and filter at {@link MAX_SLOTS}. */
export const MAX_BYTES = MAX_SLOTS * 13;

const MIN_SLOTS = 1 << 10;
const MAX_LOAD = 0.75;
// Two independent 32-bit polynomial hashes make a 64-bit key: a 2 KB argument checked against
// a full table collides by chance with probability about 2^-30.
const BASE_A = 0x01000193;
const BASE_B = 0x5bd1e995;
const powerOf = (base: number): number => {
  let power = 1;
  for (let i = 0; i < WINDOW; i++) power = Math.imul(power, base);
  return power;
};
const POWER_A = powerOf(BASE_A);
const POWER_B = powerOf(BASE_B);
// Normalised characters kept while rolling: a window plus a winnowing group, rounded up.
const RING = 64;
// The top bits of a polynomial hash are poorly spread: table slots and sampling use the top
// bits of a multiplicative (Fibonacci) mix instead.
const SPREAD_A = 0x9e3779b1;
const SPREAD_B = 0x85ebca77;
const SPREAD_C = 0xc2b2ae3d;
// Filter bits per table slot, as a power of two (8).
const FILTER_BITS = 3;
const RING_BUFFER = new Uint16Array(RING);
const GROUP_HASHES = new Uint32Array(WINNOW);
const GROUP_SECOND_HASHES = new Uint32Array(WINNOW);

/** The second, independent hash of the window starting at normalised index `start`. */
function secondHash(ring: Uint16Array, start: number): number {
  let hash = 0;
  for (let j = 0; j < WINDOW; j++)
    hash = (Math.imul(hash, BASE_B) + (ring[(start + j) & (RING - 1)] ?? 0)) | 0;
  return hash >>> 0;
}

/**
 * The window index of the minimum first hash among the group of windows ending at `gram`
 * (rightmost on ties): needed when the previous minimum has just left the group.
 */
function groupMinimum(winA: Uint32Array, gram: number): number {
  const from = gram >= WINNOW ? gram - WINNOW + 1 : 0;
  let minAt = from;
  let minA = winA[from & (WINNOW - 1)] ?? 0;
  for (let g = from + 1; g <= gram; g++) {
    const value = winA[g & (WINNOW - 1)] ?? 0;
    if (value <= minA) {
      minAt = g;
      minA = value;
    }
  }
  return minAt;
}

// ASCII: letters lower-cased, digits kept, everything else dropped, so whitespace, punctuation,
// line wrapping and escaping never change a window.
const ASCII = new Uint16Array(128);
for (let c = 48; c <= 57; c++) ASCII[c] = c;
for (let c = 97; c <= 122; c++) ASCII[c] = c;
for (let c = 65; c <= 90; c++) ASCII[c] = c + 32;

const PERCENT = 0x25;

/**
 * The byte of a `%XX` escape at `at` when it is ASCII, else -1. The normalised text reads such an
 * escape as its character (dropped unless a letter or digit), on both sides, so URL-encoded
 * prose and its decoded form normalise alike and a URL-decoded copy of an argument needs its
 * own pass only when it could differ (see `decoded-strings.ts`).
 */
export function percentByte(text: string, at: number): number {
  if (at + 2 >= text.length) return -1;
  const high = hexDigit(text.charCodeAt(at + 1));
  const low = hexDigit(text.charCodeAt(at + 2));
  return high < 0 || high > 7 || low < 0 ? -1 : (high << 4) | low;
}

/** The value of one hex digit, or -1. */
export function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** The normalised code of one UTF-16 unit, or 0 when it is dropped. */
export function normalizedCode(c: number): number {
  if (c < 128) return ASCII[c] ?? 0;
  // C1 controls, no-break and typographic spaces, soft hyphen, zero-width and bidi marks, BOM.
  if (
    c <= 0xa0 ||
    c === 0xad ||
    (c >= 0x2000 && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202f) ||
    (c >= 0x205f && c <= 0x206f) ||
    c === 0x3000 ||
    c === 0xfeff
  )
    return 0;
  return c;
}

/** Bounded fingerprints of the sensitive text a session has seen, each tagged with its source. */
export class FingerprintStore {
  private bits = 0;
  /**
   * Open addressing, three words a slot (hash A, hash B, source ordinal + 1; 0 marks an empty
   * slot), interleaved so that a probe touches one cache line.
   */
  private table = new Uint32Array(0);
  /**
   * One bit per first hash, {@link FILTER_BITS} more bits than slots: a table at most three
   * quarters full sets under a tenth of them, so most lookups of text the session never saw end
   * here, in an array a twelfth the size of the table, instead of probing it.
   */
  private filter = new Int32Array(0);
  private slots = 0;
  private count = 0;
  /**
   * Sampling level: once the table is full, only fingerprints whose mixed second hash has its
   * top `level` bits zero are kept (on both sides), halving what is stored each time it rises.
   */
  level = 0;

  /** How many fingerprints are stored. */
  get size(): number {
    return this.count;
  }

  /** Bytes held by the table and its filter (the only parts that grow with the text seen). */
  get bytes(): number {
    return this.table.byteLength + this.filter.byteLength;
  }

  /**
   * Fingerprints one string (a sensitive result's text) for the source `ordinal` (≥ 1): rolls
   * both hashes over the normalised text and stores the minimum first hash of every group of
   * {@link WINNOW} consecutive windows (rightmost on ties). About one window in eight is kept,
   * each needing its second hash: rolling it costs less than hashing those windows again.
   */
  add(text: string, ordinal: number): void {
    const length = text.length;
    if (length < WINDOW) return;
    this.reserve(length);
    // Module-level scratch (a text is winnowed start to finish without yielding): no allocation
    // per string, and the ring starts zeroed so the outgoing character needs no branch.
    const ring = RING_BUFFER;
    const winA = GROUP_HASHES;
    const winB = GROUP_SECOND_HASHES;
    ring.fill(0);
    let n = 0;
    let hashA = 0;
    let hashB = 0;
    // Window index of the group's current minimum; "no minimum yet" reads as one that has left.
    let minAt = -WINNOW;
    let minA = 0;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      let c = code < 128 ? (ASCII[code] ?? 0) : normalizedCode(code);
      if (c === 0) {
        // `%XX` of an ASCII byte reads as that character (see `percentByte`).
        if (code !== PERCENT) continue;
        const byte = percentByte(text, i);
        if (byte < 0) continue;
        i += 2;
        c = ASCII[byte] ?? 0;
        if (c === 0) continue;
      }
      const out = ring[(n + RING - WINDOW) & (RING - 1)] ?? 0;
      ring[n & (RING - 1)] = c;
      hashA = (Math.imul(hashA, BASE_A) + c - Math.imul(out, POWER_A)) | 0;
      hashB = (Math.imul(hashB, BASE_B) + c - Math.imul(out, POWER_B)) | 0;
      n++;
      if (n < WINDOW) continue;
      const gram = n - WINDOW;
      const a = hashA >>> 0;
      winA[gram & (WINNOW - 1)] = a;
      winB[gram & (WINNOW - 1)] = hashB;
      if (minAt > gram - WINNOW) {
        // The minimum is still in the group: a new one only if this is as small (rightmost wins).
        if (a > minA) continue;
        minAt = gram;
        minA = a;
      } else {
        minAt = groupMinimum(winA, gram);
        minA = winA[minAt & (WINNOW - 1)] ?? 0;
      }
      if (this.keeps(minA)) this.insert(minA, (winB[minAt & (WINNOW - 1)] ?? 0) >>> 0, ordinal);
    }
  }

  /**
   * The source ordinal of a stored fingerprint found in `text`, or 0. The text is winnowed the
   * same way as in {@link add} (a group of {@link WINNOW} windows inside a shared run selects the
   * same minimum on both sides), so only about one window in eight is looked up, and its second
   * hash is computed only on a first-hash hit. Linear in the length of the text.
   */
  find(text: string): number {
    const length = text.length;
    if (this.count === 0 || length < WINDOW) return 0;
    // As in `add`, without the second hash.
    const ring = RING_BUFFER;
    const winA = GROUP_HASHES;
    ring.fill(0);
    const sampled = this.level !== 0;
    let n = 0;
    let hashA = 0;
    let minAt = -WINNOW;
    let minA = 0;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      let c = code < 128 ? (ASCII[code] ?? 0) : normalizedCode(code);
      if (c === 0) {
        if (code !== PERCENT) continue;
        const byte = percentByte(text, i);
        if (byte < 0) continue;
        i += 2;
        c = ASCII[byte] ?? 0;
        if (c === 0) continue;
      }
      const out = ring[(n + RING - WINDOW) & (RING - 1)] ?? 0;
      ring[n & (RING - 1)] = c;
      hashA = (Math.imul(hashA, BASE_A) + c - Math.imul(out, POWER_A)) | 0;
      n++;
      if (n < WINDOW) continue;
      const gram = n - WINDOW;
      const a = hashA >>> 0;
      winA[gram & (WINNOW - 1)] = a;
      if (minAt > gram - WINNOW) {
        if (a > minA) continue;
        minAt = gram;
        minA = a;
      } else {
        minAt = groupMinimum(winA, gram);
        minA = winA[minAt & (WINNOW - 1)] ?? 0;
      }
      if (sampled && !this.keeps(minA)) continue;
      const found = this.lookup(minA, ring, minAt);
      if (found !== 0) return found;
    }
    return 0;
  }

  private lookup(a: number, ring: Uint16Array, start: number): number {
    const bit = Math.imul(a, SPREAD_C) >>> (32 - this.bits - FILTER_BITS);
    if (((this.filter[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) return 0;
    const table = this.table;
    const mask = this.slots - 1;
    let b = -1;
    for (let at = Math.imul(a, SPREAD_A) >>> (32 - this.bits); ; at = (at + 1) & mask) {
      const base = at * 3;
      const who = table[base + 2] ?? 0;
      if (who === 0) return 0;
      if (table[base] !== a) continue;
      if (b < 0) b = secondHash(ring, start);
      if (table[base + 1] === b) return who - 1;
    }
  }

  private insert(a: number, b: number, ordinal: number): void {
    if (this.count + 1 > this.slots * MAX_LOAD) this.makeRoom();
    if (this.keeps(a)) this.put(a, b, ordinal + 1);
  }

  /** Whether the sampling level keeps a key (top bits of another mix of the first hash). */
  private keeps(a: number): boolean {
    return this.level === 0 || Math.imul(a, SPREAD_B) >>> (32 - this.level) === 0;
  }

  /** Stores or re-tags one key; the newest source wins, as it is the likeliest to be remembered. */
  private put(a: number, b: number, tag: number): void {
    const table = this.table;
    const mask = this.slots - 1;
    for (let at = Math.imul(a, SPREAD_A) >>> (32 - this.bits); ; at = (at + 1) & mask) {
      const base = at * 3;
      const who = table[base + 2] ?? 0;
      if (who === 0) {
        table[base] = a;
        table[base + 1] = b;
        table[base + 2] = tag;
        this.count++;
        const bit = Math.imul(a, SPREAD_C) >>> (32 - this.bits - FILTER_BITS);
        this.filter[bit >>> 5] = (this.filter[bit >>> 5] ?? 0) | (1 << (bit & 31));
        return;
      }
      if (table[base] === a && table[base + 1] === b) {
        table[base + 2] = tag;
        return;
      }
    }
  }

  /**
   * Grows the table once, before a long text, to what the text will likely need (prose keeps
   * about one character in thirteen), instead of doubling it several times on the way.
   */
  private reserve(length: number): void {
    const wanted = (this.count + length / 16) / MAX_LOAD;
    if (wanted <= this.slots || this.slots >= MAX_SLOTS) return;
    let slots = Math.max(this.slots, MIN_SLOTS);
    while (slots < wanted && slots < MAX_SLOTS) slots *= 2;
    if (slots > this.slots) this.rehash(slots);
  }

  /** Doubles the table, or once it is at its limit, raises the sampling level. */
  private makeRoom(): void {
    const slots = this.slots;
    if (slots < MAX_SLOTS) {
      this.rehash(slots === 0 ? MIN_SLOTS : slots * 2);
      return;
    }
    do {
      this.level++;
      this.rehash(slots);
    } while (this.count + 1 > slots * MAX_LOAD && this.level < 32);
  }

  private rehash(slots: number): void {
    const old = this.table;
    this.bits = Math.log2(slots);
    this.slots = slots;
    this.table = new Uint32Array(slots * 3);
    this.filter = new Int32Array((slots << FILTER_BITS) >>> 5);
    this.count = 0;
    for (let base = 0; base < old.length; base += 3) {
      const who = old[base + 2] ?? 0;
      if (who === 0) continue;
      const a = old[base] ?? 0;
      if (this.keeps(a)) this.put(a, old[base + 1] ?? 0, who);
    }
  }
}
