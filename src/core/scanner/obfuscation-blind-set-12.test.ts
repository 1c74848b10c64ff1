import { describe, expect, test } from 'vitest';
import { attacks12, benign12 } from '../../../test/helpers/blind-set-enc12.js';
import { testBlindFigures } from '../../../test/helpers/blind-figures.js';

// The blind set of issue 11's twelfth round (test/helpers/blind-set-enc12.ts): orders under multi-symbol leetspeak,
// in Dutch and Polish, one word per JSON field, and under the encodings red-teaming toolkits use (several over
// non-English orders); benign texts with the same surface features. How they are scanned and counted, and the
// BLIND_REPORT / BLIND_HELD switches: test/helpers/blind-figures.ts.

const held = (cases: readonly { held: boolean }[]) => cases.filter((c) => c.held);
const dev = (cases: readonly { held: boolean }[]) => cases.filter((c) => !c.held);

describe('obfuscation blind set (issue 11, round 12)', () => {
  test('the set is split in halves', () => {
    expect(attacks12.length).toBeGreaterThanOrEqual(40);
    expect(benign12.length).toBeGreaterThanOrEqual(30);
    expect(held(attacks12).length).toBeGreaterThanOrEqual(20);
    expect(dev(benign12).length).toBeGreaterThanOrEqual(15);
  });
  testBlindFigures(attacks12, benign12, { devCaught: 0, devFlagged: 16 });
});
