import { describe, expect, it } from 'vitest';
import { regexpFlags } from './regexp-flags.js';

describe('regexpFlags', () => {
  it('compiles regexes to native code at their first run by default', () => {
    expect(regexpFlags('')).toBe('--no-regexp-tier-up');
    expect(regexpFlags('--max-old-space-size=256 --enable-source-maps')).toBe(
      '--no-regexp-tier-up',
    );
    // Tracing tier-up is not choosing it.
    expect(regexpFlags('--trace-regexp-tier-up')).toBe('--no-regexp-tier-up');
  });

  it("leaves the user's own regex compilation flags alone", () => {
    expect(regexpFlags('--regexp-tier-up')).toBe('');
    expect(regexpFlags('--regexp_tier_up_ticks=5')).toBe('');
    expect(regexpFlags(' --regexp-interpret-all')).toBe('');
    expect(regexpFlags('--no-regexp-optimization')).toBe('');
    expect(regexpFlags('--no_regexp_tier_up')).toBe('');
  });
});
