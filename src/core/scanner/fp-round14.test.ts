import { describe, expect, test } from 'vitest';
import { fp13Attacks, fp13Benign } from '../../../test/helpers/blind-set-fp13.js';
import { fp14Attacks, fp14Benign } from '../../../test/helpers/blind-set-fp14.js';
import { testBlindFigures } from '../../../test/helpers/blind-figures.js';

const held = <T extends { held: boolean }>(cases: readonly T[]) => cases.filter((c) => c.held);
const dev = <T extends { held: boolean }>(cases: readonly T[]) => cases.filter((c) => !c.held);

describe('blind set fp14', () => {
  test('its size and split', () => {
    expect(fp14Benign.length).toBeGreaterThanOrEqual(80);
    expect(fp14Attacks.length).toBeGreaterThanOrEqual(30);
    expect(held(fp14Benign).length).toBeGreaterThanOrEqual(40);
    expect(dev(fp14Attacks).length).toBeGreaterThanOrEqual(15);
  });
  testBlindFigures(fp14Attacks, fp14Benign, { devCaught: 0, devFlagged: 99 });
});

describe('blind set fp13 (held half measured, not tuned on)', () => {
  testBlindFigures(fp13Attacks, fp13Benign, { devCaught: 0, devFlagged: 99 });
});
