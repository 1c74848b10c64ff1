import { createHash, hash } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json.js';
import { isLargeJsonValue, writeCanonicalJson } from '../core/canonical-json-bytes.js';
import type { JsonText } from '../core/tool-call.js';

/** Hex SHA-256 of a string's UTF-8 bytes (the `Sha256Hex` port of core/audit). */
// One-shot `crypto.hash`: no Hash object per record, which costs more than hashing a record.
export const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

/** `sha256:` of raw bytes, for torn lines that may not be valid UTF-8. */
export const sha256OfBytes = (bytes: Uint8Array): string =>
  `sha256:${hash('sha256', bytes, 'hex')}`;

/**
 * Values whose strings hold this many characters or more are written as UTF-8 chunks
 * (`writeCanonicalJson`), hashed as they are filled; smaller ones as one string.
 */
export const LARGE_CONTENT_CHARS = 64 * 1024;

/**
 * Size and `sha256:` of a value's canonical JSON (what `result.outcome` records in `hash`
 * mode), and the JSON itself, which the front sends as the reply instead of serialising the
 * result a second time. A large value's JSON comes as UTF-8 chunks: a 1 MB result is then
 * never a 1 MB string on the heap (nor two, its text and the flattened copy hashing needs),
 * and is encoded once, not once to hash and again to write.
 */
export const digestAuditContent = (
  value: unknown,
): { bytes: number; sha256: string; json: JsonText } => {
  if (!isLargeJsonValue(value, LARGE_CONTENT_CHARS)) {
    const json = canonicalJson(value);
    return {
      bytes: Buffer.byteLength(json, 'utf8'),
      sha256: `sha256:${hash('sha256', json, 'hex')}`,
      json,
    };
  }
  const sha = createHash('sha256');
  const chunks: Uint8Array[] = [];
  const bytes = writeCanonicalJson(value, (chunk) => {
    sha.update(chunk);
    chunks.push(chunk);
  });
  return { bytes, sha256: `sha256:${sha.digest('hex')}`, json: chunks };
};
