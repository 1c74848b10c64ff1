import { diffDefinitions, type DiffLine } from './diff-definitions.js';
import { INSTRUCTIONS_KEY, pinnedInstructionsForm } from './pinned-form.js';
import { matchesPinFilter, type PinFilter } from './pin-filter.js';
import type { PinsFile } from './pins-file.js';

/** The readable diff of one drifted entry: pinned definition → last seen definition. */
export interface PinDiff {
  server: string;
  tool: string;
  lines: DiffLine[];
}

/** Diffs every drifted entry (one with a pending definition) that matches a filter. */
export const diffPins = (file: PinsFile, filter: PinFilter = {}): PinDiff[] => {
  const diffs: PinDiff[] = [];
  for (const server of Object.keys(file.servers).sort()) {
    const pins = file.servers[server];
    if (pins === undefined) continue;
    const instructions = pins.instructions;
    if (instructions?.pending !== undefined && matchesPinFilter(filter, server, INSTRUCTIONS_KEY)) {
      const lines = diffDefinitions(
        pinnedInstructionsForm(instructions.text),
        pinnedInstructionsForm(instructions.pending.text),
      );
      diffs.push({ server, tool: INSTRUCTIONS_KEY, lines });
    }
    for (const tool of Object.keys(pins.tools).sort()) {
      const pin = pins.tools[tool];
      if (pin?.pending === undefined || !matchesPinFilter(filter, server, tool)) continue;
      diffs.push({ server, tool, lines: diffDefinitions(pin.definition, pin.pending.definition) });
    }
  }
  return diffs;
};
