import { describe, expect, test } from 'vitest';
import { fp13Attacks, fp13Benign } from '../../../test/helpers/blind-set-fp13.js';
import { testBlindFigures } from '../../../test/helpers/blind-figures.js';

// The blind set of issue 11's thirteenth round (test/helpers/blind-set-fp13.ts): benign hard negatives in
// registers the corpus is thin on, and attacks in the same registers. How they are scanned and counted:
// test/helpers/blind-figures.ts.

const held = (cases: readonly { held: boolean }[]) => cases.filter((c) => c.held);
const dev = (cases: readonly { held: boolean }[]) => cases.filter((c) => !c.held);

describe('false-positive blind set (issue 11, round 13)', () => {
  test('the set is split in halves', () => {
    expect(fp13Benign.length).toBeGreaterThanOrEqual(80);
    expect(fp13Attacks.length).toBeGreaterThanOrEqual(30);
    expect(held(fp13Benign).length).toBeGreaterThanOrEqual(40);
    expect(dev(fp13Attacks).length).toBeGreaterThanOrEqual(15);
  });
  testBlindFigures(fp13Attacks, fp13Benign, { devCaught: 0, devFlagged: 99 });
});
