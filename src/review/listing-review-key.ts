import { createHash } from 'node:crypto';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { canonicalJson } from '../core/canonical-json.js';
import { SCANNER_BUILD } from './scanner-build.js';

/** Everything a server's listing is scanned with besides the tools themselves. */
export interface ListingReviewContext {
  readonly otherServers: readonly string[];
  readonly otherToolNames: readonly string[];
}

/**
 * What a clean scan of a server's tool definitions holds for: every definition as listed, the
 * other servers' and tools' names the scan compares them with (shadowing), the scanner build and
 * the scanning settings (rules allowed, thresholds, limits). A start whose cached listing carries
 * this key can serve its tools before its scanner is built; any change means scanning them again.
 */
export const listingReviewKey = (
  server: string,
  tools: readonly Tool[],
  context: ListingReviewContext,
  scanning: unknown,
): string =>
  createHash('sha256')
    .update(
      canonicalJson({
        scanner: SCANNER_BUILD,
        scanning,
        server,
        otherServers: context.otherServers,
        otherToolNames: context.otherToolNames,
        tools,
      }),
    )
    .digest('base64url');
