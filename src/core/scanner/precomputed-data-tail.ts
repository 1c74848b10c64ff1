/**
 * The second half of the scanner's tables as JSON, when the CLI is bundled: `scripts/bundle.js`
 * replaces this module's text with it and `precomputed-data.ts` (replaced too) joins it to the
 * first half. A separate module so that the bundler puts it in a chunk of its own: no file of the
 * bundle may be larger than zod's chunk (test/e2e/memory-round10.test.ts). Unbundled nothing
 * imports it.
 */
export const PRECOMPUTED_JSON_TAIL = '';
