/**
 * Compact fingerprints of text (value tracking, DESIGN §12): hashes of overlapping windows of
 * {@link WINDOW} normalised characters, thinned by winnowing (Schleimer, Wilkerson, Aiken 2003)
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
/** Table size limit: three 32-bit words a slot, so 1.5 MiB. */
export const MAX_SLOTS = 1 << 17;

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
// Normalised characters kept while rolling: a window plus a winnowing group, rounded up.
const RING = 64;
// The top bits of a polynomial hash are poorly spread: table slots and sampling use the top
// bits of a multiplicative (Fibonacci) mix instead.
const SPREAD_A = 0x9e3779b1;
const SPREAD_B = 0x85ebca77;

/** The second, independent hash of the window starting at normalised index `start`. */
function secondHash(ring: Uint16Array, start: number): number {
  let hash = 0;
  for (let j = 0; j < WINDOW; j++)
    hash = (Math.imul(hash, BASE_B) + (ring[(start + j) & (RING - 1)] ?? 0)) | 0;
  return hash >>> 0;
}

// ASCII: letters lower-cased, digits kept, everything else dropped, so whitespace, punctuation,
// line wrapping and escaping never change a window.
const ASCII = new Uint16Array(128);
for (let c = 48; c <= 57; c++) ASCII[c] = c;
for (let c = 97; c <= 122; c++) ASCII[c] = c;
for (let c = 65; c <= 90; c++) ASCII[c] = c + 32;

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

  /** Bytes held by the table (the only part that grows with the text seen). */
  get bytes(): number {
    return this.table.byteLength;
  }

  /** Fingerprints one string (a sensitive result's text) for the source `ordinal` (≥ 1). */
  add(text: string, ordinal: number): void {
    this.winnow(text, ordinal);
  }

  /**
   * The source ordinal of a stored fingerprint found in `text`, or 0. The text is winnowed the
   * same way (a window of {@link WINNOW} windows inside a shared run selects the same minimum on
   * both sides), so only about one window in eight is looked up; the cost is linear in its length.
   */
  find(text: string): number {
    return this.count === 0 ? 0 : this.winnow(text, 0);
  }

  /**
   * Rolls a hash over the normalised text and selects the minimum of every group of
   * {@link WINNOW} consecutive windows (rightmost on ties): stores each selection (`ordinal` > 0),
   * or looks it up and returns the first source found (`ordinal` 0). The second hash of a window
   * is computed only when it is needed (a stored selection, or a first-hash hit).
   */
  private winnow(text: string, ordinal: number): number {
    const length = text.length;
    if (length < WINDOW) return 0;
    // The last RING normalised characters: enough to rebuild any window of the current group.
    const ring = new Uint16Array(RING);
    const winA = new Uint32Array(WINNOW);
    let n = 0;
    let hashA = 0;
    // Window index of the group's current minimum, -1 when none yet.
    let minAt = -1;
    let minA = 0;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      const c = code < 128 ? (ASCII[code] ?? 0) : normalizedCode(code);
      if (c === 0) continue;
      const out = n >= WINDOW ? (ring[(n - WINDOW) & (RING - 1)] ?? 0) : 0;
      ring[n & (RING - 1)] = c;
      hashA = (Math.imul(hashA, BASE_A) + c - Math.imul(out, POWER_A)) | 0;
      n++;
      if (n < WINDOW) continue;
      const gram = n - WINDOW;
      const a = hashA >>> 0;
      winA[gram & (WINNOW - 1)] = a;
      if (minAt >= 0 && minAt > gram - WINNOW) {
        // The minimum is still in the group: a new one only if this is as small (rightmost wins).
        if (a > minA) continue;
        minAt = gram;
        minA = a;
      } else {
        // The minimum left the group: find the group's new one.
        const from = gram >= WINNOW ? gram - WINNOW + 1 : 0;
        minAt = from;
        minA = winA[from & (WINNOW - 1)] ?? 0;
        for (let g = from + 1; g <= gram; g++) {
          const value = winA[g & (WINNOW - 1)] ?? 0;
          if (value <= minA) {
            minAt = g;
            minA = value;
          }
        }
      }
      if (!this.keeps(minA)) continue;
      if (ordinal > 0) {
        this.insert(minA, secondHash(ring, minAt), ordinal);
      } else {
        const found = this.lookup(minA, ring, minAt);
        if (found !== 0) return found;
      }
    }
    return 0;
  }

  private lookup(a: number, ring: Uint16Array, start: number): number {
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
        return;
      }
      if (table[base] === a && table[base + 1] === b) {
        table[base + 2] = tag;
        return;
      }
    }
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
    this.count = 0;
    for (let base = 0; base < old.length; base += 3) {
      const who = old[base + 2] ?? 0;
      if (who === 0) continue;
      const a = old[base] ?? 0;
      if (this.keeps(a)) this.put(a, old[base + 1] ?? 0, who);
    }
  }
}
