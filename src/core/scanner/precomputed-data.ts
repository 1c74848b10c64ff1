/**
 * The scanner's tables computed when the CLI is bundled, as JSON: `scripts/bundle.js` replaces this
 * module's text with them (see precomputed.ts). Unbundled (the library API, the tests) there are none
 * and everything is computed at run time.
 */
export const PRECOMPUTED_JSON: string | undefined = undefined;
