import { INSTRUCTIONS_KEY, pinnedInstructionsForm } from './pinned-form.js';
import { matchesPinFilter, type PinFilter } from './pin-filter.js';
import type { PinsFile } from './pins-file.js';

/** One pin as listed: a tool (or `@instructions`) of a server, its trusted hash and definition, and any unapproved change. */
export interface PinEntry {
  server: string;
  tool: string;
  hash: string;
  pinnedAt: string;
  definition: Record<string, unknown>;
  pending?: { hash: string; seenAt: string };
}

/** Lists the pins that match a filter, sorted by server then tool, instructions first. */
export const listPins = (file: PinsFile, filter: PinFilter = {}): PinEntry[] => {
  const entries: PinEntry[] = [];
  for (const server of Object.keys(file.servers).sort()) {
    const pins = file.servers[server];
    if (pins === undefined) continue;
    const instructions = pins.instructions;
    if (instructions !== undefined && matchesPinFilter(filter, server, INSTRUCTIONS_KEY)) {
      const entry: PinEntry = {
        server,
        tool: INSTRUCTIONS_KEY,
        hash: instructions.hash,
        pinnedAt: instructions.pinnedAt,
        definition: pinnedInstructionsForm(instructions.text),
      };
      if (instructions.pending !== undefined) {
        entry.pending = { hash: instructions.pending.hash, seenAt: instructions.pending.seenAt };
      }
      entries.push(entry);
    }
    for (const tool of Object.keys(pins.tools).sort()) {
      const pin = pins.tools[tool];
      if (pin === undefined || !matchesPinFilter(filter, server, tool)) continue;
      const entry: PinEntry = {
        server,
        tool,
        hash: pin.hash,
        pinnedAt: pin.pinnedAt,
        definition: pin.definition,
      };
      if (pin.pending !== undefined) {
        entry.pending = { hash: pin.pending.hash, seenAt: pin.pending.seenAt };
      }
      entries.push(entry);
    }
  }
  return entries;
};
