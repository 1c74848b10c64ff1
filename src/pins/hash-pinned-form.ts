import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json.js';

/** The hash of a pinned form: `"sha256:" + hex(SHA-256(JCS(form)))`, so key order never counts as a change. */
export const hashPinnedForm = (form: Record<string, unknown>): string =>
  `sha256:${createHash('sha256').update(canonicalJson(form), 'utf8').digest('hex')}`;
