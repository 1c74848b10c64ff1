import { PACKAGE } from '../package-info.js';

/**
 * Which scanner reviewed something, for verdicts kept across runs (cached instructions): the
 * package version here; the bundle (scripts/bundle.js) adds a digest of the scanner's sources,
 * so a build whose rules changed never trusts an older build's verdict.
 */
export const SCANNER_BUILD: string = PACKAGE.version;
