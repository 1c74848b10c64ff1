import { canonicalJsonUnlessPlain } from '../canonical-json.js';
import { AUDIT_RECORD_VERSION, type CallInput, type ResultInput } from './audit-record.js';

/** Where a record goes in the chain. */
export interface ChainPosition {
  readonly seq: number;
  readonly ts: string;
  readonly prev: string;
}

// The two records of every call are written here by concatenation, in JCS order known in
// advance, instead of through a literal handed to JSON.stringify: V8's stringify looks up
// `toJSON` on every object and builds its output in a buffer of its own, which costs about twice
// the concatenation for records this small, and the literal is one more object per record.
// Only what a user supplies (the arguments) goes through the generic encoder; the gateway's own
// members are checked as they are written, and anything unexpected hands the record back to the
// generic path (undefined), which writes the same text: chain.test.ts holds the two to it.

/** Longest string checked here for characters to escape; longer ones go to JSON.stringify. */
const QUOTE_CHECK_MAX = 96;

/**
 * JSON.stringify of a string: the quotes alone for a short one with nothing to escape (names,
 * ids, hashes, times), which saves the stringifier's own set-up, several times the cost of
 * looking at a short string. JSON.stringify escapes `"`, `\\`, control characters and lone
 * surrogates; any of those, or any surrogate at all, leaves the string to it.
 */
const quote = (text: string): string => {
  if (text.length > QUOTE_CHECK_MAX) return JSON.stringify(text);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff))
      return JSON.stringify(text);
  }
  return `"${text}"`;
};

/** Whether `record`'s enumerable keys are exactly `keys`, in that order. */
export const hasExactly = (record: object, keys: readonly string[]): boolean => {
  let i = 0;
  for (const key in record) {
    if (key !== keys[i]) return false;
    i++;
  }
  return i === keys.length;
};

/**
 * JCS text of a small value the gateway built itself (a decision, a session, findings, paths),
 * or undefined when it holds anything but strings, finite numbers, booleans, null, arrays and
 * plain objects whose keys are in JCS order (the caller then takes the generic path).
 */
export const ownJson = (value: unknown): string | undefined => {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      // `${n}` is ECMAScript's shortest form, as JSON.stringify and JCS write a finite number.
      return Number.isFinite(value) ? `${value}` : undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value)
        ? arrayJson(value as readonly unknown[])
        : objectJson(value as Readonly<Record<string, unknown>>);
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      return undefined;
  }
};

const arrayJson = (items: readonly unknown[]): string | undefined => {
  // Another prototype may carry a toJSON that JSON.stringify would call.
  if (Object.getPrototypeOf(items) !== Array.prototype) return undefined;
  if (items.length === 0) return '[]';
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    // A hole or undefined item is `null` in JSON.stringify and in the generic encoder.
    const text = item === undefined ? 'null' : ownJson(item);
    if (text === undefined) return undefined;
    out += i === 0 ? text : `,${text}`;
  }
  return `${out}]`;
};

// `"key":` and `,"key":` of the member names met so far: each member of a gateway object would
// otherwise allocate its quoted name and two joins, more garbage than the record itself. Names
// are the gateway's own (decision, session, findings, outcome) plus a client's self-description;
// the cap keeps a client that sends many names from growing it.
const MEMBER_HEADS_MAX = 256;
const firstHeads = new Map<string, string>();
const nextHeads = new Map<string, string>();

const memberHead = (key: string, first: boolean): string => {
  const heads = first ? firstHeads : nextHeads;
  let head = heads.get(key);
  if (head === undefined) {
    head = `${first ? '' : ','}${quote(key)}:`;
    if (heads.size < MEMBER_HEADS_MAX) heads.set(key, head);
  }
  return head;
};

const objectJson = (record: Readonly<Record<string, unknown>>): string | undefined => {
  const proto: unknown = Object.getPrototypeOf(record);
  if (proto !== Object.prototype && proto !== null) return undefined;
  let out = '{';
  let first = true;
  let previous = '';
  for (const key in record) {
    // Out of JCS order (integer-like keys come first in an object): the generic path sorts.
    if (previous > key) return undefined;
    previous = key;
    const item = record[key];
    if (item === undefined) continue;
    const text = ownJson(item);
    if (text === undefined) return undefined;
    out += memberHead(key, first) + text;
    first = false;
  }
  return `${out}}`;
};

// Parts of records that many records share (a decision, a session: build-records.ts hands the
// same frozen object to every call that gets it) have their text written once and kept here.
const sharedTexts = new WeakMap<object, string>();
// The same texts as UTF-8, for record-bytes.ts.
const sharedBytes = new WeakMap<object, Uint8Array>();
const encoder = new TextEncoder();

/** The UTF-8 text of a part shared with shareRecordPart, if it has one. */
export const sharedTextOf = (part: object): Uint8Array | undefined => sharedBytes.get(part);

/** Freezes a part of a record, deeply, so that its text can be written once and reused. */
export const shareRecordPart = <T extends object>(part: T): T => {
  deepFreeze(part);
  // Written now: a part that is not of the usual shape is never looked up.
  const text = ownJson(part);
  if (text !== undefined) {
    sharedTexts.set(part, text);
    sharedBytes.set(part, encoder.encode(text));
  }
  return part;
};

const deepFreeze = (value: object): void => {
  Object.freeze(value);
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null && !Object.isFrozen(item)) deepFreeze(item);
  }
};

/** ownJson of a member, through the shared texts. */
const partJson = (value: unknown): string | undefined =>
  (typeof value === 'object' && value !== null ? sharedTexts.get(value) : undefined) ??
  ownJson(value);

// The last `def_hash` quoted: a tool's pinned hash comes back call after call.
let defHashSeen = '';
let defHashJson = '';

const defHashText = (value: unknown): string | undefined => {
  if (value === defHashSeen && typeof value === 'string') return defHashJson;
  const text = nullableJson(value);
  if (typeof value === 'string' && text !== undefined) {
    defHashSeen = value;
    defHashJson = text;
  }
  return text;
};

/** `"…"` of a string member, or undefined when it is not a string. */
const stringJson = (value: unknown): string | undefined =>
  typeof value === 'string' ? quote(value) : undefined;

/** A string or null member (`server`, `tool`, `def_hash`). */
const nullableJson = (value: unknown): string | undefined =>
  value === null ? 'null' : stringJson(value);

/** `{"id":…}`, the `call` member of both records. */
const callIdJson = (call: unknown): string | undefined => {
  if (typeof call !== 'object' || call === null || !hasExactly(call, ['id'])) return undefined;
  const { id } = call as { readonly id: unknown };
  const text = stringJson(id);
  return text === undefined || Object.getPrototypeOf(call) !== Object.prototype
    ? undefined
    : `{"id":${text}}`;
};

/** The chain position's members, checked like the rest (a `prev` read back from a file). */
const seqJson = (seq: number): string | undefined =>
  Number.isSafeInteger(seq) ? `${seq}` : undefined;

/** The `findings` member: `[]` for the empty plain array of nearly every result. */
const findingsJson = (findings: unknown): string | undefined =>
  Array.isArray(findings) &&
  findings.length === 0 &&
  Object.getPrototypeOf(findings) === Array.prototype
    ? '[]'
    : ownJson(findings);

const OUTCOME_KEYS = ['bytes', 'ms', 'sha256', 'status'] as const;
const OUTCOME_NO_DIGEST_KEYS = ['ms', 'status'] as const;

/** A finite number's JSON, or undefined. */
const numberJson = (value: unknown): string | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? `${value}` : undefined;

/**
 * The `outcome` member: with a digest (`bytes`, `ms`, `sha256`, `status`) or without (`ms`,
 * `status`), written straight; any other shape through ownJson.
 */
const outcomeJson = (outcome: ResultInput['outcome']): string | undefined => {
  if (typeof outcome !== 'object' || Object.getPrototypeOf(outcome) !== Object.prototype)
    return ownJson(outcome);
  if (hasExactly(outcome, OUTCOME_KEYS)) {
    const bytes = numberJson(outcome.bytes);
    const ms = numberJson(outcome.ms);
    const sha256 = stringJson(outcome.sha256);
    const status = stringJson(outcome.status);
    return bytes === undefined || ms === undefined || sha256 === undefined || status === undefined
      ? undefined
      : `{"bytes":${bytes},"ms":${ms},"sha256":${sha256},"status":${status}}`;
  }
  if (hasExactly(outcome, OUTCOME_NO_DIGEST_KEYS)) {
    const ms = numberJson(outcome.ms);
    const status = stringJson(outcome.status);
    return ms === undefined || status === undefined ? undefined : `{"ms":${ms},"status":${status}}`;
  }
  return ownJson(outcome);
};

// The members of the two records every call writes, as build-records makes them (JCS order).
export const CALL_KEYS = [
  'args',
  'call',
  'decision',
  'def_hash',
  'exposed',
  'redacted',
  'server',
  'session',
  'tool',
  'type',
] as const;
export const RESULT_KEYS = ['call', 'findings', 'outcome', 'type'] as const;

/**
 * `prefix` followed by the JCS text of a `call` record with its chain fields and without
 * `hash`, as build-records makes it; undefined for a record of another shape.
 */
export const callRecordText = (
  record: CallInput,
  at: ChainPosition,
  prefix: string,
): string | undefined => {
  if (record.args === undefined || !hasExactly(record, CALL_KEYS)) return undefined;
  const call = callIdJson(record.call);
  const decision = partJson(record.decision);
  const defHash = defHashText(record.def_hash);
  const exposed = stringJson(record.exposed);
  const redacted = ownJson(record.redacted);
  const server = nullableJson(record.server);
  const session = partJson(record.session);
  const tool = nullableJson(record.tool);
  const prev = stringJson(at.prev);
  const ts = stringJson(at.ts);
  const seq = seqJson(at.seq);
  if (
    call === undefined ||
    decision === undefined ||
    defHash === undefined ||
    exposed === undefined ||
    redacted === undefined ||
    server === undefined ||
    session === undefined ||
    tool === undefined ||
    prev === undefined ||
    ts === undefined ||
    seq === undefined
  )
    return undefined;
  // The agent's arguments, in whatever order it sent them: the generic encoder, which hands
  // JSON.stringify every subtree already in JCS order.
  const args = canonicalJsonUnlessPlain(record.args) ?? JSON.stringify(record.args);
  return `${prefix}{"args":${args},"call":${call},"decision":${decision},"def_hash":${defHash},"exposed":${exposed},"prev":${prev},"redacted":${redacted},"seq":${seq},"server":${server},"session":${session},"tool":${tool},"ts":${ts},"type":"call","v":${String(AUDIT_RECORD_VERSION)}}`;
};

/**
 * The same for a `result` record without content (`audit.results` `hash` or `none`, uncut);
 * undefined for a record of another shape.
 */
export const resultRecordText = (
  record: ResultInput,
  at: ChainPosition,
  prefix: string,
): string | undefined => {
  if (!hasExactly(record, RESULT_KEYS)) return undefined;
  const call = callIdJson(record.call);
  const findings = findingsJson(record.findings);
  const outcome = outcomeJson(record.outcome);
  const prev = stringJson(at.prev);
  const ts = stringJson(at.ts);
  const seq = seqJson(at.seq);
  if (
    call === undefined ||
    findings === undefined ||
    outcome === undefined ||
    prev === undefined ||
    ts === undefined ||
    seq === undefined
  )
    return undefined;
  return `${prefix}{"call":${call},"findings":${findings},"outcome":${outcome},"prev":${prev},"seq":${seq},"ts":${ts},"type":"result","v":${String(AUDIT_RECORD_VERSION)}}`;
};
