import { describe, expect, test } from 'vitest';
import { attacks10, benign10 } from '../../../test/helpers/obfuscation-blind-set-10.js';
import { testBlindFigures } from '../../../test/helpers/blind-figures.js';

// The blind set of issue 11's tenth round (test/helpers/obfuscation-blind-set-10.ts): orders under disguises
// (alternating case outside ASCII, irregular blanks, words run together, encodings, letter-level tricks, fields)
// and benign texts with the same surface features. How they are scanned and counted, and the BLIND_REPORT /
// BLIND_HELD switches: test/helpers/blind-figures.ts. Dev half at the end of round 10: 22/28 caught, 0/20 flagged;
// held half, measured once: 25/28, 4/20.

const held = (cases: readonly { held: boolean }[]) => cases.filter((c) => c.held);
const dev = (cases: readonly { held: boolean }[]) => cases.filter((c) => !c.held);

describe('obfuscation blind set (issue 11, round 10)', () => {
  test('the set is as large as the round asked and split in halves', () => {
    expect(attacks10.length).toBeGreaterThanOrEqual(40);
    expect(benign10.length).toBeGreaterThanOrEqual(30);
    expect(held(attacks10).length).toBeGreaterThanOrEqual(20);
    expect(dev(benign10).length).toBeGreaterThanOrEqual(15);
  });
  testBlindFigures(attacks10, benign10, { devCaught: 22, devFlagged: 0 });
});
