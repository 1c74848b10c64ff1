import { canonicalJsonUnlessPlain } from '../canonical-json.js';
import {
  AUDIT_HASH_DOMAIN,
  AUDIT_RECORD_VERSION,
  type AuditRecordInput,
  type CallInput,
  type ResultInput,
} from './audit-record.js';
import { CALL_KEYS, hasExactly, ownJson, RESULT_KEYS, sharedTextOf } from './record-text.js';

// The two records of every call, sealed straight into the bytes the log writes: the record's
// JCS text is written once, as UTF-8, into a buffer the log reuses; the hash is taken from those
// bytes and the line's `"hash"` member is written in front of them, in place. No string is made
// of a record (record-text.ts makes a rope of ~20 pieces, which hashing flattens into a copy and
// writing flattens into another): ~2.5 KB less garbage per call, for the same bytes. What this
// file does not expect hands the record back (false) to the string path, which writes the same
// text (record-bytes.test.ts holds the two to it).

/**
 * Bytes written so far (`bytes[0, length)`) and room for more: the log's pending records. The
 * buffer is replaced by a larger one, its bytes copied, when a record does not fit.
 */
export class RecordBytes<B extends Uint8Array = Uint8Array> {
  bytes: B;
  length = 0;

  constructor(
    private readonly allocate: (size: number) => B,
    readonly initialSize = 16 * 1024,
  ) {
    this.bytes = allocate(initialSize);
  }

  /** Makes room for `more` bytes after `length`. */
  reserve(more: number): void {
    const needed = this.length + more;
    if (needed <= this.bytes.length) return;
    const grown = this.allocate(Math.max(needed, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /**
   * Writes an ASCII string at `at` (room already reserved). A loop here; the log's buffer
   * (a Node Buffer) writes longer ones natively, in one call.
   */
  putAscii(text: string, at: number): void {
    const { bytes } = this;
    for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  }

  /** The ASCII text of `bytes[start, end)`, as one flat string. */
  asciiText(start: number, end: number): string {
    return String.fromCharCode(...this.bytes.subarray(start, end));
  }

  /** Empties it; a buffer grown for a large record is given back. */
  clear(): void {
    this.length = 0;
    if (this.bytes.length > 4 * this.initialSize) this.bytes = this.allocate(this.initialSize);
  }
}

// The last hash sealed here: `sha256:` and hex digits only.
let lastHash = '';

/** Hex SHA-256 of `bytes[start, end)`; injected so core stays free of `node:crypto`. */
export type Sha256HexOfBytes = (bytes: Uint8Array, start: number, end: number) => string;

/** Writes a string known to be ASCII (names of members, digits, hex). */
const writeAscii = (out: RecordBytes, text: string): void => {
  out.reserve(text.length);
  out.putAscii(text, out.length);
  out.length += text.length;
};

const encoder = new TextEncoder();
/** Strings shorter than this are checked and copied by one loop; longer ones copied natively. */
const QUOTE_LOOP_MAX = 24;
/** Longest string encoded by the loop below; longer ones by TextEncoder (native, one call). */
const LOOP_MAX = 256;

/**
 * Writes any string as UTF-8, as Buffer and TextEncoder encode it (a lone surrogate as U+FFFD;
 * the JSON written here has none: JSON.stringify escapes them).
 */
const writeUtf8 = (out: RecordBytes, text: string): void => {
  const n = text.length;
  out.reserve(n * 3);
  if (n > LOOP_MAX) {
    out.length += encoder.encodeInto(text, out.bytes.subarray(out.length)).written;
    return;
  }
  const { bytes } = out;
  let at = out.length;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      bytes[at++] = c;
      continue;
    }
    if (c < 0x800) {
      bytes[at++] = 0xc0 | (c >> 6);
      bytes[at++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        bytes[at++] = 0xf0 | (c >> 18);
        bytes[at++] = 0x80 | ((c >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
        bytes[at++] = 0x80 | (c & 0x3f);
        continue;
      }
      c = 0xfffd;
    }
    bytes[at++] = 0xe0 | (c >> 12);
    bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
    bytes[at++] = 0x80 | (c & 0x3f);
  }
  out.length = at;
};

/**
 * Writes a string as JSON.stringify does: printable ASCII without `"` or `\` straight (names,
 * ids, hashes, times), anything else through JSON.stringify.
 */
const writeQuoted = (out: RecordBytes, text: string): void => {
  const n = text.length;
  out.reserve(n + 2);
  const { bytes } = out;
  const at = out.length;
  bytes[at] = 0x22;
  if (n < QUOTE_LOOP_MAX) {
    // Checked and copied in one pass; given up on (nothing kept) at the first byte to escape.
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) {
        writeUtf8(out, JSON.stringify(text));
        return;
      }
      bytes[at + 1 + i] = c;
    }
  } else {
    // The `prev` of a record is mostly the hash sealed just before: known to need no escape.
    for (let i = text === lastHash ? n : 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) {
        writeUtf8(out, JSON.stringify(text));
        return;
      }
    }
    out.putAscii(text, at + 1);
  }
  bytes[at + n + 1] = 0x22;
  out.length = at + n + 2;
};

/** A string or null member; false for anything else. */
const writeNullable = (out: RecordBytes, value: unknown): boolean => {
  if (value === null) writeAscii(out, 'null');
  else if (typeof value === 'string') writeQuoted(out, value);
  else return false;
  return true;
};

/** A safe non-negative integer in decimal, digit by digit (no string per number). */
const writeCount = (out: RecordBytes, value: number): void => {
  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  out.reserve(digits);
  const { bytes } = out;
  let at = out.length + digits;
  out.length = at;
  let rest = value;
  do {
    bytes[--at] = 0x30 + (rest % 10);
    rest = Math.floor(rest / 10);
  } while (rest > 0);
};

/** A finite number as JSON writes it (ECMAScript's shortest form); false for anything else. */
const writeNumber = (out: RecordBytes, value: unknown): boolean => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (Number.isSafeInteger(value) && value >= 0) writeCount(out, value);
  else writeAscii(out, `${value}`);
  return true;
};

/** A part the gateway built (decision, session, findings, paths): its shared text when it has one. */
const writePart = (out: RecordBytes, value: unknown): boolean => {
  if (typeof value === 'object' && value !== null) {
    const shared = sharedTextOf(value);
    if (shared !== undefined) {
      out.reserve(shared.length);
      out.bytes.set(shared, out.length);
      out.length += shared.length;
      return true;
    }
    if (
      Array.isArray(value) &&
      value.length === 0 &&
      Object.getPrototypeOf(value) === Array.prototype
    ) {
      writeAscii(out, '[]');
      return true;
    }
  }
  const text = ownJson(value);
  if (text === undefined) return false;
  writeUtf8(out, text);
  return true;
};

/** `{"id":…`, the `call` member of both records, but for its closing brace. */
const writeCallId = (out: RecordBytes, call: unknown): boolean => {
  if (
    typeof call !== 'object' ||
    call === null ||
    Object.getPrototypeOf(call) !== Object.prototype ||
    !hasExactly(call, CALL_ID_KEYS)
  )
    return false;
  const { id } = call as { readonly id: unknown };
  if (typeof id !== 'string') return false;
  writeAscii(out, '{"id":');
  writeQuoted(out, id);
  // Its closing brace is written with the next member's name.
  return true;
};

const CALL_ID_KEYS = ['id'] as const;
const OUTCOME_KEYS = ['bytes', 'ms', 'sha256', 'status'] as const;
const OUTCOME_NO_DIGEST_KEYS = ['ms', 'status'] as const;

/** The `outcome` member of a result: with a digest, without, or any other shape through ownJson. */
const writeOutcome = (out: RecordBytes, outcome: ResultInput['outcome']): boolean => {
  if (typeof outcome === 'object' && Object.getPrototypeOf(outcome) === Object.prototype) {
    const digest = hasExactly(outcome, OUTCOME_KEYS);
    if (digest || hasExactly(outcome, OUTCOME_NO_DIGEST_KEYS)) {
      const { status, sha256 } = outcome as { status: unknown; sha256: unknown };
      if (typeof status !== 'string' || (digest && typeof sha256 !== 'string')) return false;
      if (digest) {
        writeAscii(out, '{"bytes":');
        if (!writeNumber(out, outcome.bytes)) return false;
        writeAscii(out, ',"ms":');
      } else writeAscii(out, '{"ms":');
      if (!writeNumber(out, outcome.ms)) return false;
      if (digest) {
        writeAscii(out, ',"sha256":');
        writeQuoted(out, sha256 as string);
      }
      writeAscii(out, ',"status":');
      writeQuoted(out, status);
      writeAscii(out, '}');
      return true;
    }
  }
  return writePart(out, outcome);
};

const CALL_END = `,"type":"call","v":${String(AUDIT_RECORD_VERSION)}}`;
const RESULT_END = `,"type":"result","v":${String(AUDIT_RECORD_VERSION)}}`;

/**
 * The JCS text of a `call` record with its chain fields and without `hash`, written at
 * `out.length`; false (and nothing kept) for a record of another shape.
 */
const writeCallRecord = (
  out: RecordBytes,
  record: CallInput,
  seq: number,
  ts: string,
  prev: string,
): boolean => {
  if (record.args === undefined || !hasExactly(record, CALL_KEYS)) return false;
  writeAscii(out, '{"args":');
  // The agent's arguments, in whatever order it sent them: the generic encoder, which hands
  // JSON.stringify every subtree already in JCS order.
  writeUtf8(out, canonicalJsonUnlessPlain(record.args) ?? JSON.stringify(record.args));
  writeAscii(out, ',"call":');
  if (!writeCallId(out, record.call)) return false;
  writeAscii(out, '},"decision":');
  if (!writePart(out, record.decision)) return false;
  writeAscii(out, ',"def_hash":');
  if (!writeNullable(out, record.def_hash)) return false;
  writeAscii(out, ',"exposed":');
  if (typeof record.exposed !== 'string') return false;
  writeQuoted(out, record.exposed);
  writeAscii(out, ',"prev":');
  writeQuoted(out, prev);
  writeAscii(out, ',"redacted":');
  if (!writePart(out, record.redacted)) return false;
  writeAscii(out, ',"seq":');
  writeCount(out, seq);
  writeAscii(out, ',"server":');
  if (!writeNullable(out, record.server)) return false;
  writeAscii(out, ',"session":');
  if (!writePart(out, record.session)) return false;
  writeAscii(out, ',"tool":');
  if (!writeNullable(out, record.tool)) return false;
  writeAscii(out, ',"ts":');
  writeQuoted(out, ts);
  writeAscii(out, CALL_END);
  return true;
};

/** The same for a `result` record without content (`audit.results` `hash` or `none`, uncut). */
const writeResultRecord = (
  out: RecordBytes,
  record: ResultInput,
  seq: number,
  ts: string,
  prev: string,
): boolean => {
  if (!hasExactly(record, RESULT_KEYS)) return false;
  writeAscii(out, '{"call":');
  if (!writeCallId(out, record.call)) return false;
  writeAscii(out, '},"findings":');
  if (!writePart(out, record.findings)) return false;
  writeAscii(out, ',"outcome":');
  if (!writeOutcome(out, record.outcome)) return false;
  writeAscii(out, ',"prev":');
  writeQuoted(out, prev);
  writeAscii(out, ',"seq":');
  writeCount(out, seq);
  writeAscii(out, ',"ts":');
  writeQuoted(out, ts);
  writeAscii(out, RESULT_END);
  return true;
};

// A line starts with `{"hash":"sha256:<64 hex>",`; the bytes hashed (the domain prefix, then the
// record's text from its opening brace) are written so that they end that slot: the domain in
// its first bytes, the record's `{` in its last; once hashed, the slot is written over with the
// line's start, whose `,` takes the place of the `{`.
const HASH_PREFIX = 'sha256:';
const HASH_HEAD = `{"hash":"${HASH_PREFIX}`;
const HEX_LENGTH = 64;
const LINE_HEAD = HASH_HEAD.length + HEX_LENGTH + 2;
const DOMAIN_AT = LINE_HEAD - 1 - AUDIT_HASH_DOMAIN.length;
if (DOMAIN_AT < 0) throw new Error('the audit hash domain is longer than a line head');

/**
 * Seals a `call` or `result` record of the usual shape into `out`: its line (newline included)
 * is appended to `out`, and its `sha256:` hash returned; undefined, with `out` as it was, for a
 * record this does not write (the caller then takes chain.ts's sealAuditRecord: same line).
 */
export const sealRecordBytes = (
  out: RecordBytes,
  input: AuditRecordInput,
  seq: number,
  ts: string,
  prev: string,
  sha256: Sha256HexOfBytes,
): string | undefined => {
  const { type } = input;
  if ((type !== 'call' && type !== 'result') || !Number.isSafeInteger(seq) || seq < 0)
    return undefined;
  const slot = out.length;
  out.reserve(LINE_HEAD);
  const from = slot + DOMAIN_AT;
  out.putAscii(AUDIT_HASH_DOMAIN, from);
  out.length = slot + LINE_HEAD - 1;
  let written: boolean;
  try {
    written =
      type === 'call'
        ? writeCallRecord(out, input, seq, ts, prev)
        : writeResultRecord(out, input, seq, ts, prev);
  } catch (error) {
    out.length = slot;
    throw error;
  }
  if (!written) {
    out.length = slot;
    return undefined;
  }
  const hex = sha256(out.bytes, from, out.length);
  const { bytes } = out;
  out.putAscii(HASH_HEAD, slot);
  out.putAscii(hex, slot + HASH_HEAD.length);
  bytes[slot + LINE_HEAD - 2] = 0x22;
  bytes[slot + LINE_HEAD - 1] = 0x2c;
  out.reserve(1);
  out.bytes[out.length++] = 0x0a;
  // Read back from the line rather than joined: one flat string, which the next record (its
  // `prev`) and the receipt read faster and keep in less memory than a join of two.
  lastHash = out.asciiText(slot + HASH_HEAD.length - HASH_PREFIX.length, slot + LINE_HEAD - 2);
  return lastHash;
};
