import { canonicalJson, canonicalJsonWith } from '../canonical-json.js';
import {
  AUDIT_CHECKPOINT_DOMAIN,
  AUDIT_HASH_DOMAIN,
  AUDIT_RECORD_VERSION,
  type AuditRecordInput,
} from './audit-record.js';
import { callRecordText, resultRecordText, type ChainPosition } from './record-text.js';

/** Hex SHA-256 of a string's UTF-8 bytes; injected so core stays free of `node:crypto`. */
export type Sha256Hex = (text: string) => string;

export type { ChainPosition };

/** A record ready to write: its hash and its newline-terminated line. */
export interface SealedAuditRecord {
  readonly hash: string;
  readonly line: string;
}

// The chain fields, in JCS order: they override whatever an input carries under those names,
// so an input can never smuggle its own seq or prev (or a hash).
const CHAIN_KEYS = ['hash', 'prev', 'seq', 'ts', 'v'] as const;
const HASH_KEY = ['hash'] as const;

/**
 * The hash input of a record: the domain prefix, then the JCS text of the record with its chain
 * fields and without `hash`. The two records of every call (`call`, `result`) are written by
 * record-text.ts straight after the prefix; any other record, or one of another shape, by
 * merging the chain fields into it member by member. Both give the same text (chain.test.ts
 * holds them to it).
 */
const hashInput = (input: AuditRecordInput, position: ChainPosition): string =>
  (input.type === 'call'
    ? callRecordText(input, position, AUDIT_HASH_DOMAIN)
    : input.type === 'result'
      ? resultRecordText(input, position, AUDIT_HASH_DOMAIN)
      : undefined) ??
  AUDIT_HASH_DOMAIN +
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

// Where the record's text starts in the hash input, after its opening brace.
const BODY_START = AUDIT_HASH_DOMAIN.length + 1;

/**
 * Adds the chain fields to a record, hashes it and renders its line.
 *
 * The line is the canonical body with `"hash"` spliced in first: one JCS pass per record, and
 * a reader sees the hash at the start of every line. Verifiers re-canonicalise, so the order of
 * keys in the line does not matter to them. The body is written once, after the domain prefix:
 * hashing flattens that one string, and the line takes its body as a slice of it, not a copy.
 */
export const sealAuditRecord = (
  input: AuditRecordInput,
  position: ChainPosition,
  sha256Hex: Sha256Hex,
): SealedAuditRecord => {
  const hashed = hashInput(input, position);
  const hash = `sha256:${sha256Hex(hashed)}`;
  return { hash, line: `{"hash":"${hash}",${hashed.slice(BODY_START)}\n` };
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
