import { describe, expect, test } from 'vitest';
import type { ScannableTool } from '../../src/core/scanner/scanner.js';
import { alone, contextOf, neighbours, worstOf, worstOfInstructions } from './described-tools.js';

// The test blocks every round of the description rules repeats: its signals as positive / near-miss pairs, the dev
// half of its blind set, the held half's pinned figures and the probes. What differs by round (the texts, what is
// pinned and why) stays in the round's file.

/** A description finding hides the tool: a positive must reach `high`. */
export const blocks = (tool: ScannableTool, context = alone): boolean =>
  worstOf(tool, context) === 'high';

/** A near miss must not even warn. */
export const quiet = (tool: ScannableTool, context = alone): boolean =>
  ['low', undefined].includes(worstOf(tool, context));

/** `[signal, positive, near miss, context]`, both written for the test. */
export type SignalPair = readonly [string, ScannableTool, ScannableTool, 'alone' | 'neighbours'];

/** One test per signal that its positive blocks and one that its near miss stays quiet. */
export function testSignalPairs(round: string, signals: readonly SignalPair[]): void {
  const contextFor = (ctx: SignalPair[3]) => (ctx === 'neighbours' ? neighbours : alone);
  describe(`${round} signals: positive blocks, near miss stays quiet`, () => {
    test.each(signals.map(([name, pos, , ctx]) => [name, pos, ctx] as const))(
      'blocks: %s',
      (_name, tool, ctx) => {
        expect(blocks(tool, contextFor(ctx))).toBe(true);
      },
    );
    test.each(signals.map(([name, , neg, ctx]) => [name, neg, ctx] as const))(
      'quiet: %s',
      (_name, tool, ctx) => {
        expect(quiet(tool, contextFor(ctx))).toBe(true);
      },
    );
  });
}

/** The dev half of a round's blind set: what the round worked against, so all of it must hold. */
export interface BlindDevHalf {
  readonly set: string;
  /** `[technique, tool name, tool]` rows (`techniqueRows`). */
  readonly attacks: readonly (readonly [string, string, ScannableTool])[];
  readonly instructionAttacks: readonly string[];
  readonly benign: readonly ScannableTool[];
  readonly instructionBenign: readonly string[];
}

/** Poisoned descriptions and instructions reach `high`; benign ones at most `low`. */
export function testBlindDevHalf(half: BlindDevHalf): void {
  describe(`blind set ${half.set}, dev half: poisoned descriptions block their tool`, () => {
    test.each(half.attacks)('%s: %s', (technique, _name, tool) => {
      expect(worstOf(tool, contextOf(technique))).toBe('high');
    });
    test.each(half.instructionAttacks)('instructions: %s', (text) => {
      expect(worstOfInstructions(text)).toBe('high');
    });
  });
  describe(`blind set ${half.set}, dev half: imperative benign descriptions stay clean`, () => {
    test.each(half.benign.map((t) => [t.name, t] as const))('%s', (_name, tool) => {
      expect(quiet(tool, neighbours)).toBe(true);
    });
    test.each(half.instructionBenign)('instructions: %s', (text) => {
      expect(['low', undefined]).toContain(worstOfInstructions(text));
    });
  });
}

/** The held half of a round's blind set: measured before and at the end of its round, pinned both ways. */
export interface BlindHeldHalf {
  readonly set: string;
  /** The round whose end the pinned figures were measured at, e.g. `'round 8'`. */
  readonly round: string;
  readonly attacks: readonly (readonly [string, string, ScannableTool])[];
  /** The names of the poisoned descriptions that block, in `attacks` order. */
  readonly caught: readonly string[];
  readonly benign: readonly ScannableTool[];
  /** The names of the benign descriptions that warn or block, in `benign` order. */
  readonly flagged: readonly string[];
  readonly instructionAttacks: readonly string[];
  /** The worst level of each poisoned server instruction, in order. */
  readonly instructionLevels: readonly (string | undefined)[];
  readonly instructionBenign: readonly string[];
}

/**
 * The held half's figures as they were measured: a later change shows up in either direction (a new catch fails the
 * test as surely as a lost one, so the pinned list is updated knowingly; docs/scanning.md §5).
 */
export function testBlindHeldHalf(half: BlindHeldHalf): void {
  describe(`blind set ${half.set}, held half: the figures measured at the end of ${half.round}`, () => {
    test('poisoned descriptions blocked', () => {
      const caught = half.attacks.filter(([technique, , tool]) =>
        blocks(tool, contextOf(technique)),
      );
      expect(caught.map(([, name]) => name)).toEqual(half.caught);
    });
    test('benign descriptions flagged', () => {
      const flagged = half.benign.filter((tool) => !quiet(tool, neighbours));
      expect(flagged.map((t) => t.name)).toEqual(half.flagged);
    });
    test('server instructions', () => {
      expect(half.instructionAttacks.map((t) => worstOfInstructions(t))).toEqual(
        half.instructionLevels,
      );
      for (const text of half.instructionBenign)
        expect(['low', undefined]).toContain(worstOfInstructions(text));
    });
  });
}

/** Probes written after a round's rules: once its signals were added from them, every row is a test. */
export function testBlindProbes(
  set: string,
  attacks: readonly (readonly [string, string, ScannableTool])[],
  benign: readonly ScannableTool[],
): void {
  describe(`blind set ${set}, probes`, () => {
    test.each(attacks)('%s: %s', (technique, _name, tool) => {
      expect(worstOf(tool, contextOf(technique))).toBe('high');
    });
    test.each(benign.map((t) => [t.name, t] as const))('benign: %s', (_name, tool) => {
      expect(quiet(tool, neighbours)).toBe(true);
    });
  });
}
