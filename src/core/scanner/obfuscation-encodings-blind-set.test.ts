import { describe } from 'vitest';
import { encodedAttacks, encodedBenign } from '../../../test/helpers/encoding-blind-set.js';
import { testBlindFigures } from '../../../test/helpers/blind-figures.js';

// The blind set of issue 11's eighth round (test/helpers/encoding-blind-set.ts): orders wrapped in encodings the
// scanner did not decode before the round, and benign texts in the same forms. How they are scanned and counted,
// and the BLIND_REPORT / BLIND_HELD switches: test/helpers/blind-figures.ts. Dev half at the end of round 10:
// 15/15 caught, 0/15 flagged; held half 14/15, 2/14.

describe('encoded blind set (issue 11, round 8)', () => {
  testBlindFigures(encodedAttacks, encodedBenign, { devCaught: 15, devFlagged: 0 });
});
