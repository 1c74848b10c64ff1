import { canonicalJson, canonicalJsonUnlessPlain, canonicalJsonWith } from '../canonical-json.js';
import {
  AUDIT_CHECKPOINT_DOMAIN,
  AUDIT_HASH_DOMAIN,
  AUDIT_RECORD_VERSION,
  type AuditRecordInput,
  type CallInput,
  type ResultInput,
} from './audit-record.js';

/** Hex SHA-256 of a string's UTF-8 bytes; injected so core stays free of `node:crypto`. */
export type Sha256Hex = (text: string) => string;

/** Where a record goes in the chain. */
export interface ChainPosition {
  readonly seq: number;
  readonly ts: string;
  readonly prev: string;
}

/** A record ready to write: its hash and its newline-terminated line. */
export interface SealedAuditRecord {
  readonly hash: string;
  readonly line: string;
}

// The chain fields, in JCS order: they override whatever an input carries under those names,
// so an input can never smuggle its own seq or prev (or a hash).
const CHAIN_KEYS = ['hash', 'prev', 'seq', 'ts', 'v'] as const;
const HASH_KEY = ['hash'] as const;

// The members of the two records every call writes, as build-records makes them (JCS order).
const CALL_KEYS = [
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
const RESULT_KEYS = ['call', 'findings', 'outcome', 'type'] as const;

/** Whether `record`'s enumerable keys are exactly `keys`, in that order. */
const hasExactly = (record: object, keys: readonly string[]): boolean => {
  let i = 0;
  for (const key in record) {
    if (key !== keys[i]) return false;
    i++;
  }
  return i === keys.length;
};

/** Whether JSON.stringify writes the JCS text of `value` (see canonicalJsonUnlessPlain). */
const isPlain = (value: unknown): boolean => canonicalJsonUnlessPlain(value) === undefined;

/**
 * The canonical body of a `call` record as build-records makes it, chain fields included, from
 * one `JSON.stringify` of one literal (a fixed shape: no object merged key by key, no second
 * pass). Arguments not in JCS order (the agent's order) are encoded on their own and put in
 * front: `args` is the record's first key. Undefined when the record is of another shape.
 */
const callBody = (record: CallInput, at: ChainPosition): string | undefined => {
  if (
    record.args === undefined ||
    !hasExactly(record, CALL_KEYS) ||
    !isPlain(record.call) ||
    !isPlain(record.decision) ||
    !isPlain(record.def_hash) ||
    !isPlain(record.exposed) ||
    !isPlain(record.redacted) ||
    !isPlain(record.server) ||
    !isPlain(record.session) ||
    !isPlain(record.tool) ||
    !isPlain(record.type)
  )
    return undefined;
  const args = canonicalJsonUnlessPlain(record.args);
  if (args === undefined) {
    return JSON.stringify({
      args: record.args,
      call: record.call,
      decision: record.decision,
      def_hash: record.def_hash,
      exposed: record.exposed,
      prev: at.prev,
      redacted: record.redacted,
      seq: at.seq,
      server: record.server,
      session: record.session,
      tool: record.tool,
      ts: at.ts,
      type: record.type,
      v: AUDIT_RECORD_VERSION,
    });
  }
  const rest = JSON.stringify({
    call: record.call,
    decision: record.decision,
    def_hash: record.def_hash,
    exposed: record.exposed,
    prev: at.prev,
    redacted: record.redacted,
    seq: at.seq,
    server: record.server,
    session: record.session,
    tool: record.tool,
    ts: at.ts,
    type: record.type,
    v: AUDIT_RECORD_VERSION,
  });
  return `{"args":${args},${rest.slice(1)}`;
};

/** The same for a `result` record without content (`audit.results` `hash` or `none`, uncut). */
const resultBody = (record: ResultInput, at: ChainPosition): string | undefined => {
  if (
    !hasExactly(record, RESULT_KEYS) ||
    !isPlain(record.call) ||
    !isPlain(record.findings) ||
    !isPlain(record.outcome) ||
    !isPlain(record.type)
  )
    return undefined;
  return JSON.stringify({
    call: record.call,
    findings: record.findings,
    outcome: record.outcome,
    prev: at.prev,
    seq: at.seq,
    ts: at.ts,
    type: record.type,
    v: AUDIT_RECORD_VERSION,
  });
};

/** JCS text of the record with its chain fields and without `hash`. */
const chainedBody = (input: AuditRecordInput, position: ChainPosition): string =>
  (input.type === 'call'
    ? callBody(input, position)
    : input.type === 'result'
      ? resultBody(input, position)
      : undefined) ??
  canonicalJsonWith(
    input as unknown as Readonly<Record<string, unknown>>,
    {
      hash: undefined,
      prev: position.prev,
      seq: position.seq,
      ts: position.ts,
      v: AUDIT_RECORD_VERSION,
    },
    CHAIN_KEYS,
  );

/**
 * Adds the chain fields to a record, hashes it and renders its line.
 *
 * The line is the canonical body with `"hash"` spliced in first: one JCS pass per record, and
 * a reader sees the hash at the start of every line. Verifiers re-canonicalise, so the order of
 * keys in the line does not matter to them. The two records of every call (`call`, `result`)
 * are serialised from a literal of their own shape with the chain fields in place; any other
 * record, or one of another shape, by merging the chain fields into it member by member. Both
 * give the same text (chain.test.ts holds them to it).
 */
export const sealAuditRecord = (
  input: AuditRecordInput,
  position: ChainPosition,
  sha256Hex: Sha256Hex,
): SealedAuditRecord => {
  const body = chainedBody(input, position);
  const hash = `sha256:${sha256Hex(AUDIT_HASH_DOMAIN + body)}`;
  return { hash, line: `{"hash":"${hash}",${body.slice(1)}\n` };
};

/** Recomputes the hash of a parsed record (everything but its own `hash` field). */
export const computeAuditHash = (
  record: Readonly<Record<string, unknown>>,
  sha256Hex: Sha256Hex,
): string =>
  `sha256:${sha256Hex(AUDIT_HASH_DOMAIN + canonicalJsonWith(record, { hash: undefined }, HASH_KEY))}`;

/** What a checkpoint signs: the covered record's seq and hash, the checkpoint time, the log name. */
export interface CheckpointStatement {
  readonly seq: number;
  readonly hash: string;
  readonly ts: string;
  readonly file: string;
}

/** The exact text an Ed25519 checkpoint signature is computed over. */
export const renderCheckpointStatement = (statement: CheckpointStatement): string =>
  AUDIT_CHECKPOINT_DOMAIN +
  canonicalJson({
    file: statement.file,
    hash: statement.hash,
    seq: statement.seq,
    ts: statement.ts,
  });
