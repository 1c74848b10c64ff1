import { expect, test } from 'vitest';
import type { Finding, Severity } from '../../src/core/scanner/finding.js';
import { createScanner } from '../../src/core/scanner/scanner.js';
import { atLeast } from '../../src/core/scanner/severity.js';

/**
 * One text of a blind set: where it is scanned, whether it is in the held half, and the text (or, for `value` or
 * a non-string, a JSON value scanned with scanValue as a result).
 */
export interface BlindFigureCase {
  readonly form: string;
  readonly surface: 'result' | 'description' | 'argument' | 'value';
  readonly held: boolean;
  readonly value: unknown;
}

const scanner = createScanner();

function worst(found: readonly Finding[]): Severity | undefined {
  if (found.some((f) => f.severity === 'high')) return 'high';
  if (found.some((f) => f.severity === 'medium')) return 'medium';
  return found.length > 0 ? 'low' : undefined;
}

function scan(c: BlindFigureCase): Severity | undefined {
  if (c.surface === 'value' || typeof c.value !== 'string')
    return worst(scanner.scanValue(c.value, 'result'));
  switch (c.surface) {
    case 'result':
      return worst(scanner.scanText(c.value, 'content[0].text'));
    case 'argument':
      return worst(scanner.scanValue({ query: 'weekly report', note: c.value }, 'args'));
    case 'description':
      return worst(
        scanner.scanTool(
          { name: 'helper_tool', description: c.value },
          { server: 'helper', otherServers: [], otherToolNames: [] },
        ),
      );
  }
}

/** Results, arguments and values count as caught at medium, descriptions at high. */
export const caught = (c: BlindFigureCase): boolean => {
  const w = scan(c);
  return w !== undefined && atLeast(w, c.surface === 'description' ? 'high' : 'medium');
};
/** A benign text is flagged when it warns (medium). */
export const flagged = (c: BlindFigureCase): boolean => {
  const w = scan(c);
  return w !== undefined && atLeast(w, 'medium');
};

function count(cases: readonly BlindFigureCase[], hit: (c: BlindFigureCase) => boolean): number {
  let n = 0;
  for (const c of cases) {
    const h = hit(c);
    if (h) n++;
    if (process.env['BLIND_REPORT'] === 'misses' && h !== (hit === caught))
      process.stdout.write(
        `${hit === caught ? 'missed' : 'flagged'} ${c.form}: ${JSON.stringify(c.value)}\n`,
      );
  }
  return n;
}

/**
 * The figures of a blind set's dev half, held against the floors the round reached (`devCaught` attacks at least,
 * `devFlagged` benign texts at most). BLIND_REPORT=1 prints them, BLIND_REPORT=misses also the texts missed or
 * flagged; BLIND_HELD=1 adds the held half (printed, not asserted: it is measured once, at the end of a round).
 */
export function testBlindFigures(
  attacks: readonly BlindFigureCase[],
  benign: readonly BlindFigureCase[],
  floors: { readonly devCaught: number; readonly devFlagged: number },
): void {
  test('figures: the dev half holds what the round reached', () => {
    const dev = (cases: readonly BlindFigureCase[]) => cases.filter((c) => !c.held);
    const held = (cases: readonly BlindFigureCase[]) => cases.filter((c) => c.held);
    const devCaught = count(dev(attacks), caught);
    const devFlagged = count(dev(benign), flagged);
    const rows: [string, number, number][] = [
      ['attacks dev caught', devCaught, dev(attacks).length],
      ['benign dev flagged', devFlagged, dev(benign).length],
    ];
    if (process.env['BLIND_HELD'] === '1')
      rows.push(
        ['attacks held caught', count(held(attacks), caught), held(attacks).length],
        ['benign held flagged', count(held(benign), flagged), held(benign).length],
      );
    if (process.env['BLIND_REPORT'])
      for (const [name, n, total] of rows) process.stdout.write(`${name}: ${n}/${total}\n`);
    expect(devCaught).toBeGreaterThanOrEqual(floors.devCaught);
    expect(devFlagged).toBeLessThanOrEqual(floors.devFlagged);
  }, 60_000);
}

/**
 * How many of a blind set's `[form, text]` rows warn (medium) when the text is a tool result's text block, scanned as
 * the whole result (`scanValue`), as the gateway scans it.
 */
export function resultRowsFlagged(rows: readonly (readonly [string, string])[]): number {
  return rows.filter((r) =>
    scanner
      .scanValue({ content: [{ type: 'text', text: r[1] }] }, 'result')
      .some((f) => atLeast(f.severity, 'medium')),
  ).length;
}

/** A row constructor for a set whose rows are all held (the lead's sets: no rule is tuned on any of them). */
export const heldRow =
  (surface: BlindFigureCase['surface']) =>
  (form: string, value: unknown): BlindFigureCase => ({ form, surface, held: true, value });

/**
 * A held set (every row held) keeps the floors main scored when it was written: `caught` attacks at least,
 * `flagged` benign texts at most. BLIND_REPORT=1 prints the figures, BLIND_REPORT=misses also the rows missed or
 * flagged.
 */
export function testHeldFloors(
  attacks: readonly BlindFigureCase[],
  benign: readonly BlindFigureCase[],
  floors: { readonly caught: number; readonly flagged: number },
): void {
  test('held rows: attacks caught and benign flagged stay where main was', () => {
    const nCaught = count(attacks, caught);
    const nFlagged = count(benign, flagged);
    if (process.env['BLIND_REPORT'])
      process.stdout.write(
        `attacks caught: ${nCaught}/${attacks.length}\nbenign flagged: ${nFlagged}/${benign.length}\n`,
      );
    expect(nCaught).toBeGreaterThanOrEqual(floors.caught);
    expect(nFlagged).toBeLessThanOrEqual(floors.flagged);
  }, 60_000);
}

/** A set written as rows without `held`: every second row (odd index) is held. */
export const splitAlternate = (rows: readonly Omit<BlindFigureCase, 'held'>[]): BlindFigureCase[] =>
  rows.map((c, k) => ({ ...c, held: k % 2 === 1 }));

/** A set written as `[kind, surface, value]` rows: within each kind, every second row is held. */
export function splitByKind(
  rows: readonly (readonly [kind: string, surface: BlindFigureCase['surface'], value: unknown])[],
): BlindFigureCase[] {
  const seen = new Map<string, number>();
  return rows.map(([kind, surface, value]) => {
    const i = seen.get(kind) ?? 0;
    seen.set(kind, i + 1);
    return { form: kind, surface, held: i % 2 === 1, value };
  });
}

/** The held half of a set, and the dev half. */
export const heldOf = <T extends { held: boolean }>(cases: readonly T[]): T[] =>
  cases.filter((c) => c.held);
export const devOf = <T extends { held: boolean }>(cases: readonly T[]): T[] =>
  cases.filter((c) => !c.held);
