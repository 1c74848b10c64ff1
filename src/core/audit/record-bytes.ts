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
  /**
   * The quoted text of the last record's hash and `ts` as written in `bytes` (where each
   * starts, and the string), so that the next record's `prev`, and a `ts` it shares, are copied
   * from there in one `copyWithin` rather than written again; -1 once cleared.
   */
  hashAt = -1;
  hashText = '';
  tsAt = -1;
  tsText = '';
  tsLength = 0;

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
    this.hashAt = -1;
    this.tsAt = -1;
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

/**
 * Writes `text` quoted, copying the `length` bytes at `at` when they are its text already
 * (`known`, the string written there, is the same string): the line before holds the hash that
 * is this record's `prev`, and often the same `ts`. Returns where the quoted text starts.
 */
const writeQuotedAgain = (
  out: RecordBytes,
  text: string,
  known: string,
  at: number,
  length: number,
): number => {
  const start = out.length;
  if (at >= 0 && text === known && at + length <= start) {
    out.reserve(length);
    out.bytes.copyWithin(start, at, at + length);
    out.length = start + length;
  } else writeQuoted(out, text);
  return start;
};

/** `"sha256:` and 64 hex digits `"`: a hash as a line holds it. */
const QUOTED_HASH_LENGTH = 73;

/** The record's `prev`, copied from the last line when it is that line's hash. */
const writePrev = (out: RecordBytes, prev: string): void => {
  writeQuotedAgain(out, prev, out.hashText, out.hashAt, QUOTED_HASH_LENGTH);
};

/** The record's `ts`, copied from the last record's when it is the same; kept for the next. */
const writeTs = (out: RecordBytes, ts: string): void => {
  const at = writeQuotedAgain(out, ts, out.tsText, out.tsAt, out.tsLength);
  out.tsAt = at;
  out.tsText = ts;
  out.tsLength = out.length - at;
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

/** Below this, a number of thousandths is written digit by digit (see writeThousandths). */
const THOUSANDTHS_MAX = 1e9;

/**
 * A non-negative number with at most three decimals (a record's `ms`: rounded to the
 * microsecond) digit by digit, as ECMAScript's shortest form writes it; false for any other
 * number. Such a number is the double nearest to k / 1000 for an integer k (a division is
 * correctly rounded), and below 1e9 no other decimal of as few digits rounds to the same double
 * (any two with at most three decimals are 0.001 apart; the double's spacing there is under
 * 2⁻²²), so its shortest form is k / 1000's own digits, without trailing zeros (no exponent: it is
 * 0 or at least 0.001, below 1e21). No string is made, as a template literal would.
 */
const writeThousandths = (out: RecordBytes, value: number): boolean => {
  if (!(value >= 0 && value < THOUSANDTHS_MAX)) return false;
  const k = Math.round(value * 1000);
  if (k / 1000 !== value) return false;
  const whole = Math.floor(k / 1000);
  let fraction = k - whole * 1000;
  writeCount(out, whole);
  if (fraction === 0) return true;
  let digits = 3;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  out.reserve(digits + 1);
  const { bytes } = out;
  const at = out.length;
  bytes[at] = 0x2e;
  for (let i = digits; i > 0; i--) {
    bytes[at + i] = 0x30 + (fraction % 10);
    fraction = Math.floor(fraction / 10);
  }
  out.length = at + digits + 1;
  return true;
};

/** A finite number as JSON writes it (ECMAScript's shortest form); false for anything else. */
const writeNumber = (out: RecordBytes, value: unknown): boolean => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (Number.isSafeInteger(value) && value >= 0) writeCount(out, value);
  else if (!writeThousandths(out, value)) writeAscii(out, `${value}`);
  return true;
};

/** The bytes writeNumber writes for `value`, as text (for tests). */
export const numberBytesText = (value: number): string | undefined => {
  const out = new RecordBytes((size) => new Uint8Array(size), 64);
  if (!writeNumber(out, value)) return undefined;
  return String.fromCharCode(...out.bytes.subarray(0, out.length));
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

/**
 * Runs of a `call` record's members that are the same call after call: the decision, `def_hash`
 * and `exposed` of a tool (`},"decision":…,"prev":`), and its server, session and tool
 * (`,"server":…,"ts":`). Their bytes are kept, by what they were written from, and copied in
 * one `set` instead of being written member by member: about half of what writing a call record
 * cost. Only runs whose parts are shared (frozen, their text kept by record-text.ts) or strings
 * are kept, so equal keys always mean equal bytes.
 */
class RunCache {
  private readonly keys: unknown[] = [];
  private readonly runs: Uint8Array[] = [];
  private next = 0;

  /** The bytes kept for `a`, `b`, `c`, if any. */
  find(a: unknown, b: unknown, c: unknown): Uint8Array | undefined {
    const { keys } = this;
    for (let i = 0; i < this.runs.length; i++) {
      if (keys[3 * i] === a && keys[3 * i + 1] === b && keys[3 * i + 2] === c) return this.runs[i];
    }
    return undefined;
  }

  /** Keeps `out.bytes[start, out.length)` as the bytes of `a`, `b`, `c` (the oldest of 8 goes). */
  keep(a: unknown, b: unknown, c: unknown, out: RecordBytes, start: number): void {
    const i = this.next;
    this.next = (i + 1) % RUNS_KEPT;
    this.keys[3 * i] = a;
    this.keys[3 * i + 1] = b;
    this.keys[3 * i + 2] = c;
    // A copy: a Node Buffer's `slice` is a view, which the next records would write over.
    const run = new Uint8Array(out.length - start);
    run.set(out.bytes.subarray(start, out.length));
    this.runs[i] = run;
  }
}

/** How many runs of each kind are kept: a few tools called in turn, a few sessions. */
const RUNS_KEPT = 8;
const toolRuns = new RunCache();
const sessionRuns = new RunCache();

/** Copies a kept run. */
const writeRun = (out: RecordBytes, run: Uint8Array): void => {
  out.reserve(run.length);
  out.bytes.set(run, out.length);
  out.length += run.length;
};

/** `},"decision":…,"def_hash":…,"exposed":…,"prev":` (the call id's closing brace first). */
const writeToolRun = (out: RecordBytes, record: CallInput): boolean => {
  const { decision, def_hash: defHash, exposed } = record;
  const shared = sharedTextOf(decision) !== undefined;
  if (shared) {
    const run = toolRuns.find(decision, defHash, exposed);
    if (run !== undefined) {
      writeRun(out, run);
      return true;
    }
  }
  const start = out.length;
  writeAscii(out, '},"decision":');
  if (!writePart(out, decision)) return false;
  writeAscii(out, ',"def_hash":');
  if (!writeNullable(out, defHash)) return false;
  writeAscii(out, ',"exposed":');
  if (typeof exposed !== 'string') return false;
  writeQuoted(out, exposed);
  writeAscii(out, ',"prev":');
  if (shared) toolRuns.keep(decision, defHash, exposed, out, start);
  return true;
};

/** `,"server":…,"session":…,"tool":…,"ts":`. */
const writeSessionRun = (out: RecordBytes, record: CallInput): boolean => {
  const { server, session, tool } = record;
  const shared =
    sharedTextOf(session) !== undefined &&
    (server === null || typeof server === 'string') &&
    (tool === null || typeof tool === 'string');
  if (shared) {
    const run = sessionRuns.find(server, session, tool);
    if (run !== undefined) {
      writeRun(out, run);
      return true;
    }
  }
  const start = out.length;
  writeAscii(out, ',"server":');
  if (!writeNullable(out, server)) return false;
  writeAscii(out, ',"session":');
  if (!writePart(out, session)) return false;
  writeAscii(out, ',"tool":');
  if (!writeNullable(out, tool)) return false;
  writeAscii(out, ',"ts":');
  if (shared) sessionRuns.keep(server, session, tool, out, start);
  return true;
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
  if (!writeToolRun(out, record)) return false;
  writePrev(out, prev);
  writeAscii(out, ',"redacted":');
  if (!writePart(out, record.redacted)) return false;
  writeAscii(out, ',"seq":');
  writeCount(out, seq);
  if (!writeSessionRun(out, record)) return false;
  writeTs(out, ts);
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
  writePrev(out, prev);
  writeAscii(out, ',"seq":');
  writeCount(out, seq);
  writeAscii(out, ',"ts":');
  writeTs(out, ts);
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
if (QUOTED_HASH_LENGTH !== HASH_PREFIX.length + HEX_LENGTH + 2)
  throw new Error('a quoted hash is 73 bytes');

/** Drops what was written from `slot` on, and anything kept of it. */
const forget = (out: RecordBytes, slot: number): void => {
  out.length = slot;
  if (out.tsAt >= slot) out.tsAt = -1;
  if (out.hashAt >= slot) out.hashAt = -1;
};

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
    forget(out, slot);
    throw error;
  }
  if (!written) {
    forget(out, slot);
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
  // The hash with its quotes, as the next record's `prev` will hold it.
  out.hashAt = slot + HASH_HEAD.length - HASH_PREFIX.length - 1;
  out.hashText = lastHash;
  return lastHash;
};
