import { describe, expect, test } from 'vitest';
import { CallTable } from './call-table.js';

describe('CallTable', () => {
  test('keeps calls by number, forgets them on delete, and counts them', () => {
    const table = new CallTable<string>(16);
    table.set(1, 'a');
    table.set(2, 'b');
    expect(table.get(1)).toBe('a');
    expect(table.has(2)).toBe(true);
    expect(table.size).toBe(2);
    expect(table.delete(1)).toBe(true);
    expect(table.delete(1)).toBe(false);
    expect(table.get(1)).toBeUndefined();
    expect(table.values()).toEqual(['b']);
    expect(table.size).toBe(1);
  });

  test('a number that shares a slot with another (its slot lapped) is not mistaken for it', () => {
    const table = new CallTable<string>(16);
    table.set(3, 'old');
    expect(table.get(3 + 16)).toBeUndefined();
    expect(table.delete(3 + 16)).toBe(false);
    expect(table.get(3)).toBe('old');
  });

  test('a call whose slot is still taken when its number comes round is kept on the side', () => {
    const table = new CallTable<string>(16);
    table.set(5, 'slow');
    for (let seq = 6; seq < 6 + 40; seq++) {
      table.set(seq, `fast ${String(seq)}`);
      if (seq !== 21 && seq !== 37) table.delete(seq);
    }
    // 21 and 37 fell on the slow call's slot: both are kept, and each is found by its number.
    expect(table.get(5)).toBe('slow');
    expect(table.get(21)).toBe('fast 21');
    expect(table.get(37)).toBe('fast 37');
    expect(table.size).toBe(3);
    expect(table.values().sort()).toEqual(['fast 21', 'fast 37', 'slow']);
    expect(table.delete(21)).toBe(true);
    expect(table.delete(5)).toBe(true);
    expect(table.get(37)).toBe('fast 37');
    expect(table.delete(37)).toBe(true);
    expect(table.size).toBe(0);
    expect(table.values()).toEqual([]);
  });

  test('a number already in the table is refused, not silently replaced', () => {
    const table = new CallTable<string>(16);
    table.set(7, 'first');
    expect(() => {
      table.set(7, 'second');
    }).toThrow('call 7 is in the table already');
    expect(table.get(7)).toBe('first');
  });

  test('numbers past 2^31 still find their slot', () => {
    const table = new CallTable<string>(16);
    const big = 2 ** 31 + 5;
    table.set(big, 'far');
    expect(table.get(big)).toBe('far');
    expect(table.get(5)).toBeUndefined();
    expect(table.delete(big)).toBe(true);
  });

  test('values() is a copy: the table may change while it is walked; clear() empties it', () => {
    const table = new CallTable<number>(16);
    for (let seq = 1; seq <= 5; seq++) table.set(seq, seq);
    for (const seq of table.values()) table.delete(seq);
    expect(table.size).toBe(0);
    table.set(9, 9);
    table.clear();
    expect(table.get(9)).toBeUndefined();
    expect(table.size).toBe(0);
  });
});
