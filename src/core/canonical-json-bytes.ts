/**
 * RFC 8785 (JCS) canonical JSON written as UTF-8 bytes in chunks, for large values: the same
 * bytes as `canonicalJson`'s text encoded, without that text ever being one string. A 1 MB
 * result's canonical text would be a 1 MB string on the JavaScript heap (and, built by
 * concatenation, flattened into a second one before it is hashed), then encoded again to be
 * hashed and again to be written; here each piece is encoded once into fixed-size chunks that
 * live outside the heap, which the caller hashes as they are filled and writes as they are.
 *
 * A long string is not escaped into new strings either: each slice is encoded into a scratch
 * array and copied into the chunks four bytes at a time, escapes written on the way, so writing
 * a 1 MB text allocates almost nothing on the JavaScript heap (escaped copies made 3 MB of young
 * garbage per MB: three scavenges of the gateway's 1 MB young generation).
 */

/** Bytes per chunk at most; a chunk is cut to what it holds (the last one, and one a character did not fit in). */
export const JSON_CHUNK_BYTES = 64 * 1024;
/** Strings longer than this are written in slices of it, so no escaped copy of them is large. */
const STRING_SLICE_CHARS = 16 * 1024;
/**
 * A slice is dense with escapes when they add more than one character in this many (JSON: every
 * quote escaped); the next slice is then escaped by JSON.stringify.
 */
const DENSE_ESCAPES = 16;
/** Small pieces are gathered into a string of about this size before it is encoded. */
const GATHER_CHARS = 2048;

const encoder = new TextEncoder();

/** Longest escape JSON.stringify writes for one byte (`\u001f`). */
const ESCAPE_MAX = 6;
/** Per byte, the length of what JSON.stringify writes for it when it escapes it; 0 when it does not. */
const ESCAPE_LENGTH = new Uint8Array(256);
/** Per byte, its escape's bytes from `byte * ESCAPE_MAX` on. */
const ESCAPE_BYTES = new Uint8Array(256 * ESCAPE_MAX);
// Taken from JSON.stringify itself. In UTF-8 no byte of a multi-byte character is below 0x80,
// so escaping works on the encoded bytes.
for (let code = 0; code < 0x80; code++) {
  const escaped = JSON.stringify(String.fromCharCode(code)).slice(1, -1);
  if (escaped.length === 1) continue;
  ESCAPE_LENGTH[code] = escaped.length;
  ESCAPE_BYTES.set(Buffer.from(escaped, 'latin1'), code * ESCAPE_MAX);
}

/**
 * Whether any of four bytes (a little-endian word) may be one JSON escapes: below 0x20, a quote
 * or a backslash. Exact for "none" (the usual tests for a zero or a small byte in a word, which
 * have no false negatives), so a word said clean is copied as it is.
 */
const mayEscape = (four: number): boolean => {
  const quote = four ^ 0x22222222;
  const backslash = four ^ 0x5c5c5c5c;
  const small = (four - 0x20202020) & ~four;
  const zeroAfterQuote = (quote - 0x01010101) & ~quote;
  const zeroAfterBackslash = (backslash - 0x01010101) & ~backslash;
  return ((small | zeroAfterQuote | zeroAfterBackslash) & 0x80808080) !== 0;
};

/** Whether a string's characters are all below U+0100, judged by a sample of its first ones. */
const isLatin1 = (text: string): boolean => {
  for (let i = 0; i < text.length && i < 64; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
};

/** Whether a UTF-8 byte continues a character (10xxxxxx). */
const isContinuation = (byte: number): boolean => (byte & 0xc0) === 0x80;

// `String.prototype.isWellFormed` (Node 20; ES2024, past the project's lib): constant time on a
// string of one-byte characters, which cannot hold a surrogate.
const isWellFormed = (text: string): boolean =>
  (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/**
 * Writes `value`'s canonical JSON to `onChunk` in chunks of JSON_CHUNK_BYTES (the last shorter)
 * and returns the byte count. Each chunk is a new array, never reused. Throws TypeError for
 * what canonicalJson rejects (numbers JSON cannot carry, functions, symbols, bigints, an
 * undefined value), before or after some chunks were given.
 */
export const writeCanonicalJson = (
  value: unknown,
  onChunk: (chunk: Uint8Array) => void,
): number => {
  const out = new ChunkWriter(onChunk);
  writeValue(value, out);
  return out.end();
};

class ChunkWriter {
  private chunk = new Uint8Array(JSON_CHUNK_BYTES);
  /** The chunk, read and written four bytes at a time. */
  private view = new DataView(this.chunk.buffer);
  private at = 0;
  private gathered = '';
  private total = 0;
  /** A long string's slice as UTF-8, before it is escaped into the chunks (3 bytes per UTF-16 unit at most). */
  private scratch: { readonly bytes: Uint8Array; readonly words: DataView } | undefined;
  /** Whether the last slice was dense with escapes. */
  private dense = false;

  constructor(private readonly onChunk: (chunk: Uint8Array) => void) {}

  /** A small piece: gathered, encoded with the next ones. */
  add(piece: string): void {
    this.gathered += piece;
    if (this.gathered.length >= GATHER_CHARS) this.flushGathered();
  }

  /**
   * A slice of a long string, escaped as JSON.stringify escapes it, without quotes: encoded
   * into the scratch array, then copied into the chunks with its escapes. Text dense with
   * escapes (JSON in a text, every quote escaped) goes through JSON.stringify instead, whose
   * native loop is faster there than this one, at the cost of an escaped copy on the heap: the
   * previous slice decides.
   */
  addStringSlice(slice: string): void {
    this.flushGathered();
    // encodeInto writes a lone surrogate as U+FFFD, where JSON.stringify writes `\uXXXX`.
    if (this.dense || !isWellFormed(slice)) {
      const escaped = JSON.stringify(slice);
      this.dense =
        (escaped.length - 2 - slice.length) * DENSE_ESCAPES > slice.length || !isLatin1(slice);
      this.encode(escaped.slice(1, -1));
      return;
    }
    if (this.scratch === undefined) {
      const bytes = new Uint8Array(3 * STRING_SLICE_CHARS);
      this.scratch = { bytes, words: new DataView(bytes.buffer) };
    }
    const { read, written } = encoder.encodeInto(slice, this.scratch.bytes);
    if (read !== slice.length) throw new Error('a string slice did not fit its scratch array');
    const added = this.copyEscaped(this.scratch.bytes, this.scratch.words, written);
    // Text mostly of other scripts (two or three bytes a character) is dense too: copying its
    // encoded bytes here costs more than JSON.stringify's copy of its characters.
    this.dense = added * DENSE_ESCAPES > slice.length || written > 1.5 * slice.length;
  }

  end(): number {
    this.flushGathered();
    if (this.at > 0) this.emit(this.chunk.subarray(0, this.at));
    return this.total;
  }

  private flushGathered(): void {
    if (this.gathered.length === 0) return;
    const text = this.gathered;
    this.gathered = '';
    this.encode(text);
  }

  private encode(text: string): void {
    let rest = text;
    for (;;) {
      // encodeInto writes whole characters only (a surrogate pair is never split).
      const { read, written } = encoder.encodeInto(rest, this.chunk.subarray(this.at));
      this.at += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      // A character that did not fit whole leaves the chunk a few bytes short.
      this.nextChunk();
    }
  }

  /**
   * Copies `length` UTF-8 bytes into the chunks, escaping what JSON escapes: four at a time while
   * none of the four is to be escaped, else one by one, while the chunk has room for any escape;
   * its last bytes one by one, an escape cut where the chunk ends (it is ASCII, as encodeInto
   * would cut it), a character never (it goes whole to the next chunk).
   */
  private copyEscaped(bytes: Uint8Array, words: DataView, length: number): number {
    let { chunk, view, at } = this;
    let i = 0;
    // What the escapes added to the length.
    let added = 0;
    while (i < length) {
      const roomy = chunk.length - ESCAPE_MAX;
      while (i < length && at <= roomy) {
        if (i + 4 <= length) {
          const four = words.getUint32(i, true);
          if (!mayEscape(four)) {
            view.setUint32(at, four, true);
            i += 4;
            at += 4;
            continue;
          }
        }
        const byte = bytes[i++] ?? 0;
        const escaped = ESCAPE_LENGTH[byte] ?? 0;
        if (escaped === 0) {
          chunk[at++] = byte;
          continue;
        }
        for (let k = byte * ESCAPE_MAX, end = k + escaped; k < end; k++)
          chunk[at++] = ESCAPE_BYTES[k] ?? 0;
        added += escaped - 1;
      }
      // The chunk's last bytes.
      while (i < length && at < chunk.length) {
        const byte = bytes[i] ?? 0;
        const escaped = ESCAPE_LENGTH[byte] ?? 0;
        if (escaped === 0) {
          chunk[at++] = byte;
          i++;
          continue;
        }
        added += escaped - 1;
        const fits = Math.min(escaped, chunk.length - at);
        for (let k = 0; k < fits; k++) chunk[at++] = ESCAPE_BYTES[byte * ESCAPE_MAX + k] ?? 0;
        if (fits < escaped) {
          // The escape's rest starts the next chunk.
          this.at = at;
          this.nextChunk();
          ({ chunk, view } = this);
          at = 0;
          for (let k = fits; k < escaped; k++)
            chunk[at++] = ESCAPE_BYTES[byte * ESCAPE_MAX + k] ?? 0;
        }
        i++;
      }
      if (at < chunk.length) continue;
      // The chunk is full. A character whose first bytes it holds goes whole to the next one.
      let back = 0;
      if (i < length && isContinuation(bytes[i] ?? 0)) {
        back = 1;
        while (isContinuation(bytes[i - back] ?? 0)) back++;
      }
      i -= back;
      this.at = at - back;
      this.nextChunk();
      ({ chunk, view } = this);
      at = 0;
    }
    this.at = at;
    return added;
  }

  /** Hands on the chunk as far as it is filled, and starts a new one. */
  private nextChunk(): void {
    this.emit(this.at === this.chunk.length ? this.chunk : this.chunk.subarray(0, this.at));
    this.chunk = new Uint8Array(JSON_CHUNK_BYTES);
    this.view = new DataView(this.chunk.buffer);
    this.at = 0;
  }

  private emit(chunk: Uint8Array): void {
    this.total += chunk.length;
    this.onChunk(chunk);
  }
}

const writeValue = (value: unknown, out: ChunkWriter): void => {
  switch (typeof value) {
    case 'string':
      writeString(value, out);
      return;
    case 'boolean':
      out.add(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`JCS cannot encode ${String(value)}`);
      // ECMAScript's shortest form, which is JCS's (and -0 is written 0).
      out.add(JSON.stringify(value));
      return;
    case 'object':
      if (value === null) out.add('null');
      else if (Array.isArray(value)) writeArray(value as readonly unknown[], out);
      else writeObject(value as Readonly<Record<string, unknown>>, out);
      return;
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      throw new TypeError(`JCS cannot encode a value of type ${typeof value}`);
  }
};

/** JSON.stringify's escaping (lone surrogates as `\uXXXX`), a long string slice by slice. */
const writeString = (text: string, out: ChunkWriter): void => {
  if (text.length <= STRING_SLICE_CHARS) {
    out.add(JSON.stringify(text));
    return;
  }
  out.add('"');
  for (let from = 0; from < text.length;) {
    let to = Math.min(from + STRING_SLICE_CHARS, text.length);
    // A slice never ends between the two halves of a surrogate pair, which escaped apart
    // would be two lone surrogates.
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to--;
    out.addStringSlice(text.slice(from, to));
    from = to;
  }
  out.add('"');
};

const writeArray = (items: readonly unknown[], out: ChunkWriter): void => {
  out.add('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.add(',');
    const item = items[i];
    // A missing item is `null`, as JSON.stringify writes it.
    if (item === undefined) out.add('null');
    else writeValue(item, out);
  }
  out.add(']');
};

const writeObject = (record: Readonly<Record<string, unknown>>, out: ChunkWriter): void => {
  // Own enumerable keys, whatever the prototype (a Date's toJSON is not called, as canonicalJson
  // does not), sorted by UTF-16 code units.
  const keys = Object.keys(record).sort();
  out.add('{');
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out.add(first ? JSON.stringify(key) : `,${JSON.stringify(key)}`);
    out.add(':');
    writeValue(item, out);
    first = false;
  }
  out.add('}');
};

/** What a node (a number, a container, a member) counts for, in characters, when sizing a value. */
const NODE_CHARS = 16;

/**
 * Whether `value` is large enough for writeCanonicalJson to be worth it: its strings and keys
 * hold `chars` characters or more, each node counting for a few more (so a value of many small
 * nodes is large too). The walk stops as soon as the answer is known: a small value costs a few
 * steps, a large one no full walk.
 */
export const isLargeJsonValue = (value: unknown, chars: number): boolean =>
  charsLeft(value, chars) <= 0;

/** `budget` less what `value` counts for; stops at 0 or below. */
const charsLeft = (value: unknown, budget: number): number => {
  if (typeof value === 'string') return budget - value.length - NODE_CHARS;
  if (typeof value !== 'object' || value === null) return budget - NODE_CHARS;
  let left = budget - NODE_CHARS;
  if (Array.isArray(value)) {
    for (const item of value as readonly unknown[]) {
      left = charsLeft(item, left);
      if (left <= 0) return left;
    }
    return left;
  }
  const record = value as Readonly<Record<string, unknown>>;
  for (const key in record) {
    left = charsLeft(record[key], left - key.length);
    if (left <= 0) return left;
  }
  return left;
};
