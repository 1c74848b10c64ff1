import { describe, expect, test } from 'vitest';
import { attacks11, benign11 } from '../../../test/helpers/blind-set-enc11.js';
import { testBlindFigures } from '../../../test/helpers/blind-figures.js';

// The blind set of issue 11's eleventh round (test/helpers/blind-set-enc11.ts): orders under disguises the earlier
// sets did not use (camelCase, CRLF, ciphers with an order, other scripts' look-alikes, multi-character leetspeak,
// encodings of disguised text, fields) and benign texts with the same surface features. How they are scanned and
// counted, and the BLIND_REPORT / BLIND_HELD switches: test/helpers/blind-figures.ts. Main before the round: dev 8/23
// caught, 0/16 flagged; held 7/22, 0/16. Dev half at the end of round 11: 20/23, 0/16.

const held = (cases: readonly { held: boolean }[]) => cases.filter((c) => c.held);
const dev = (cases: readonly { held: boolean }[]) => cases.filter((c) => !c.held);

describe('obfuscation blind set (issue 11, round 11)', () => {
  test('the set is as large as the round asked and split in halves', () => {
    expect(attacks11.length).toBeGreaterThanOrEqual(40);
    expect(benign11.length).toBeGreaterThanOrEqual(30);
    expect(held(attacks11).length).toBeGreaterThanOrEqual(20);
    expect(dev(benign11).length).toBeGreaterThanOrEqual(15);
  });
  testBlindFigures(attacks11, benign11, { devCaught: 20, devFlagged: 0 });
});
