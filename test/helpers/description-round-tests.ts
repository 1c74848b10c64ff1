import { describe, expect, test } from 'vitest';
import type { ScannableTool } from '../../src/core/scanner/scanner.js';
import { alone, contextOf, neighbours, worstOf, worstOfInstructions } from './described-tools.js';

// The test blocks every round of the description rules repeats: its signals as positive / near-miss pairs, and the
// dev half of its blind set. The held halves differ by round (what is pinned) and stay in their files.

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
