import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FingerprintStore, GUARANTEED, MAX_BYTES, WINDOW } from './fingerprint-store.js';

// Letters and digits only, so every character counts towards a window; the two sides of a
// test draw their surroundings from disjoint alphabets, so the shared run is exactly what the
// test put there.
const from = (alphabet: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...Array.from(alphabet)), minLength: min, maxLength: max });
const SOURCE = 'abcdefghijklm';
const OTHER = 'nopqrstuvwxyz';
const DIGITS = '0123456789';

describe('fingerprint matching', () => {
  test('random text never matches a stored text it shares less than a window with', () => {
    fc.assert(
      fc.property(
        from(SOURCE, 0, 400),
        from(SOURCE, 0, 400),
        from(DIGITS, 1, WINDOW - 1),
        from(OTHER, 0, 400),
        from(OTHER, 0, 400),
        (before, after, shared, left, right) => {
          const store = new FingerprintStore();
          store.add(`${before}${shared}${after}`, 1);
          return store.find(`${left}${shared}${right}`) === 0;
        },
      ),
      { numRuns: 300 },
    );
  });

  test('unrelated random texts never match', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 0, maxLength: 2000 }),
        fc.string({ maxLength: 2000 }),
        (a, b) => {
          fc.pre(!a.includes(b) && !b.includes(a));
          const store = new FingerprintStore();
          store.add(`${SOURCE}${a}`, 1);
          return store.find(`${OTHER}${b}`) === 0;
        },
      ),
      { numRuns: 200 },
    );
  });

  test('a shared run of the guaranteed length is always found, wherever it sits', () => {
    fc.assert(
      fc.property(
        from(SOURCE, 0, 300),
        from(SOURCE, 0, 300),
        from(SOURCE + DIGITS, GUARANTEED, GUARANTEED + 200),
        from(OTHER, 0, 300),
        from(OTHER, 0, 300),
        (before, after, shared, left, right) => {
          const store = new FingerprintStore();
          store.add(`${before}${shared}${after}`, 7);
          return store.find(`${left}${shared}${right}`) === 7;
        },
      ),
      { numRuns: 300 },
    );
  });

  test('whitespace, punctuation and case never hide a run', () => {
    const store = new FingerprintStore();
    const secret = 'The quarterly numbers: revenue 4.2M, margin 31%, churn 2.1% (confidential).';
    store.add(secret, 3);
    const reshaped = secret.toUpperCase().replaceAll(' ', '\n  ').replaceAll(',', ' ; ');
    expect(store.find(`fyi: ${reshaped}`)).toBe(3);
  });

  test('zero-width characters between letters do not hide a run', () => {
    const store = new FingerprintStore();
    const text =
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk2cXVvZ3Jlc3Rpbmdfa2V5X2Zvcl90ZXN0aW5n me@laptop';
    store.add(text, 1);
    expect(store.find(Array.from(text).join('\u200b'))).toBe(1);
  });

  test('the newest source of a repeated text is the one named', () => {
    const store = new FingerprintStore();
    const text = 'x'.repeat(10) + 'a long enough paragraph to hold several windows of text';
    store.add(text, 1);
    store.add(text, 2);
    expect(store.find(text)).toBe(2);
  });
});

describe('bounded memory', () => {
  test('the table never grows past its limit; past it the store samples and still finds long runs', () => {
    const store = new FingerprintStore();
    let seed = 1;
    const random = (length: number) => {
      let text = '';
      for (let i = 0; i < length; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        text += String.fromCharCode(97 + ((seed >>> 16) % 26));
      }
      return text;
    };
    const texts: string[] = [];
    for (let i = 0; i < 30; i++) {
      const text = random(100_000);
      texts.push(text);
      store.add(text, i + 1);
    }
    expect(store.bytes).toBeLessThanOrEqual(MAX_BYTES);
    expect(store.level).toBeGreaterThan(0);
    // A 2 KB excerpt of early and late text is still found at this sampling level.
    expect(store.find(texts[0]?.slice(5000, 7000) ?? '')).toBe(1);
    expect(store.find(texts[29]?.slice(5000, 7000) ?? '')).toBe(30);
    expect(store.find(random(2000))).toBe(0);
  });
});
