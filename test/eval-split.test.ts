import { describe, expect, test } from 'vitest';
import {
  checkFamilies,
  chooseCheckFamilies,
  familyFolds,
  familyKey,
  isCheckRecord,
  splitCheck,
} from '../scripts/eval-split.js';

const records = (family: string, n: number, extra: Record<string, string> = {}) =>
  Array.from({ length: n }, () => ({ split_group: family, ...extra }));

describe('check split rule', () => {
  test('walks families in salted-hash order and stops once both shares reach the floor', () => {
    const families = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];
    const attacks = families.flatMap((f) => records(f, 10));
    const benign = families.flatMap((f) => records(f, 10));
    const chosen = chooseCheckFamilies(attacks, benign, { floor: 0.3, cap: 0.5 });
    const order = [...families].sort((x, y) => (familyKey(x) < familyKey(y) ? -1 : 1));
    // Each family holds 1/6 of both sides: two reach 1/3 >= 0.3.
    expect(chosen).toEqual(order.slice(0, 2));
  });

  test('skips a family that would push either side above the cap', () => {
    const attacks = [...records('huge', 90), ...records('small-a', 5), ...records('small-b', 5)];
    const benign = [...records('huge', 10), ...records('small-a', 45), ...records('small-b', 45)];
    const chosen = chooseCheckFamilies(attacks, benign, { floor: 0.04, cap: 0.5 });
    expect(chosen).not.toContain('huge');
    expect(chosen.length).toBeGreaterThan(0);
  });

  test('depends only on family names and counts, not on record order', () => {
    const attacks = ['a1', 'a2', 'a3', 'a4'].flatMap((f) => records(f, 5));
    const benign = ['b1', 'b2', 'b3', 'b4'].flatMap((f) => records(f, 5));
    expect(chooseCheckFamilies([...attacks].reverse(), [...benign].reverse())).toEqual(
      chooseCheckFamilies(attacks, benign),
    );
  });

  test('the fixed split is frozen', () => {
    expect(Object.isFrozen(checkFamilies)).toBe(true);
    expect(checkFamilies.length).toBeGreaterThan(0);
  });
});

describe('isCheckRecord / splitCheck', () => {
  const families = ['held'];
  test('a record of a check family, or composed on a check-family carrier, is in the check split', () => {
    expect(isCheckRecord({ split_group: 'held' }, families)).toBe(true);
    expect(isCheckRecord({ split_group: 'open', carrier_split_group: 'held' }, families)).toBe(
      true,
    );
    expect(isCheckRecord({ split_group: 'open', carrier_split_group: 'other' }, families)).toBe(
      false,
    );
    expect(isCheckRecord({ split_group: 'open' }, families)).toBe(false);
  });

  test('every record lands in exactly one part', () => {
    const all = [
      { split_group: 'held' },
      { split_group: 'open' },
      { split_group: 'open', carrier_split_group: 'held' },
    ];
    const { dev, check } = splitCheck(all, families);
    expect(dev).toEqual([{ split_group: 'open' }]);
    expect(check).toHaveLength(2);
  });
});

describe('familyFolds', () => {
  const all = [
    { split_group: 'a' },
    { split_group: 'a' },
    { split_group: 'b' },
    { split_group: 'c', carrier_split_group: 'b' },
    { split_group: 'c' },
  ];
  const folds = familyFolds(all);

  test('one fold per family, testing on exactly that family', () => {
    expect(folds.map((f) => f.family)).toEqual(['a', 'b', 'c']);
    expect(folds.find((f) => f.family === 'a')?.test).toEqual([0, 1]);
  });

  test('training never holds text of the held-out family, carriers included', () => {
    const b = folds.find((f) => f.family === 'b');
    expect(b?.test).toEqual([2]);
    expect(b?.train).toEqual([0, 1, 4]);
    for (const fold of folds) {
      for (const i of fold.train) {
        expect(all[i]?.split_group).not.toBe(fold.family);
        expect(all[i]?.carrier_split_group).not.toBe(fold.family);
      }
    }
  });

  test('train and test are disjoint and together cover the family-free records', () => {
    for (const fold of folds) {
      const seen = new Set([...fold.train, ...fold.test]);
      expect(seen.size).toBe(fold.train.length + fold.test.length);
    }
  });
});
