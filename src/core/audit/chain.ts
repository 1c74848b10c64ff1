import { canonicalJson, canonicalJsonWith } from '../canonical-json.js';
import {
  AUDIT_CHECKPOINT_DOMAIN,
  AUDIT_HASH_DOMAIN,
  AUDIT_RECORD_VERSION,
  type AuditRecordInput,
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

/**
 * Adds the chain fields to a record, hashes it and renders its line.
 *
 * The line is the canonical body with `"hash"` spliced in first: one JCS pass per record, and
 * a reader sees the hash at the start of every line. Verifiers re-canonicalise, so the order of
 * keys in the line does not matter to them.
 */
export const sealAuditRecord = (
  input: AuditRecordInput,
  position: ChainPosition,
  sha256Hex: Sha256Hex,
): SealedAuditRecord => {
  const body = canonicalJsonWith(
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
