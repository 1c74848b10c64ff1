import { describe, expect, test } from 'vitest';
import { attacks12, benign12 } from '../../../test/helpers/blind-set-enc12.js';
import { testBlindFigures } from '../../../test/helpers/blind-figures.js';

// The blind set of issue 11's twelfth round (test/helpers/blind-set-enc12.ts): orders under multi-symbol leetspeak,
// in Dutch and Polish, one word per JSON field, and under the encodings red-teaming toolkits use (several over
// non-English orders); benign texts with the same surface features. How they are scanned and counted, and the
// BLIND_REPORT / BLIND_HELD switches: test/helpers/blind-figures.ts. Main before the round: dev 9/22 caught, 0/16
// flagged; held 7/22, 0/16. End of round 12: dev 20/22, 1/16 (a tokenizer's words, joined, read as the request the
// plain sentence is flagged for too); held 18/22, 0/16.

const held = (cases: readonly { held: boolean }[]) => cases.filter((c) => c.held);
const dev = (cases: readonly { held: boolean }[]) => cases.filter((c) => !c.held);

describe('obfuscation blind set (issue 11, round 12)', () => {
  test('the set is split in halves', () => {
    expect(attacks12.length).toBeGreaterThanOrEqual(40);
    expect(benign12.length).toBeGreaterThanOrEqual(30);
    expect(held(attacks12).length).toBeGreaterThanOrEqual(20);
    expect(dev(benign12).length).toBeGreaterThanOrEqual(15);
  });
  testBlindFigures(attacks12, benign12, { devCaught: 20, devFlagged: 1 });
});
