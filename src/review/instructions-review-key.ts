import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json.js';
import { SCANNER_BUILD } from './scanner-build.js';

/**
 * What a clean scan of a server's instructions holds for: the text, the scanner build and the
 * scanning settings (rules allowed, threshold, limits). A start whose cached instructions carry
 * this key can show them before its scanner has loaded; any change means scanning them again.
 */
export const instructionsReviewKey = (text: string, scanning: unknown): string =>
  createHash('sha256')
    .update(canonicalJson({ scanner: SCANNER_BUILD, scanning, text }))
    .digest('base64url');
