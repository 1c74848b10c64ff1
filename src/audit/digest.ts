import { hash } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json.js';

/** Hex SHA-256 of a string's UTF-8 bytes (the `Sha256Hex` port of core/audit). */
// One-shot `crypto.hash`: no Hash object per record, which costs more than hashing a record.
export const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

/** `sha256:` of raw bytes, for torn lines that may not be valid UTF-8. */
export const sha256OfBytes = (bytes: Uint8Array): string =>
  `sha256:${hash('sha256', bytes, 'hex')}`;

/**
 * Size and `sha256:` of a value's canonical JSON (what `result.outcome` records in `hash`
 * mode), and the JSON itself, which the front sends as the reply instead of serialising the
 * result a second time.
 */
export const digestAuditContent = (
  value: unknown,
): { bytes: number; sha256: string; json: string } => {
  const json = canonicalJson(value);
  return {
    bytes: Buffer.byteLength(json, 'utf8'),
    sha256: `sha256:${hash('sha256', json, 'hex')}`,
    json,
  };
};
