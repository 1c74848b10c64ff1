import { describe, expect, test } from 'vitest';
import { fp15Attacks, fp15Benign } from '../../../test/helpers/blind-set-fp15.js';
import { testBlindFigures } from '../../../test/helpers/blind-figures.js';

const held = <T extends { held: boolean }>(cases: readonly T[]) => cases.filter((c) => c.held);
const dev = <T extends { held: boolean }>(cases: readonly T[]) => cases.filter((c) => !c.held);

describe('blind set fp15', () => {
  test('its size and split', () => {
    expect(fp15Benign.length).toBeGreaterThanOrEqual(50);
    expect(fp15Attacks.length).toBeGreaterThanOrEqual(15);
    expect(held(fp15Benign).length).toBeGreaterThanOrEqual(25);
    expect(dev(fp15Attacks).length).toBeGreaterThanOrEqual(8);
  });
  testBlindFigures(fp15Attacks, fp15Benign, { devCaught: 0, devFlagged: 100 });
});
