import { INSTRUCTIONS_KEY } from './pinned-form.js';
import { matchesPinFilter, type PinFilter } from './pin-filter.js';
import { createRecord, type PinnedTool, type PinsFile, type ServerPins } from './pins-file.js';

/** The pins file after approval, and which entries were approved. */
export interface PinApproval {
  file: PinsFile;
  approved: { server: string; tool: string }[];
}

/** Makes the pending definitions that match a filter the new pins; entries without a pending change are left alone. */
export const approvePins = (file: PinsFile, filter: PinFilter, now: string): PinApproval => {
  const approved: { server: string; tool: string }[] = [];
  const servers = createRecord<ServerPins>();
  for (const server of Object.keys(file.servers).sort()) {
    const pins = file.servers[server];
    if (pins === undefined) continue;
    const next: ServerPins = { tools: createRecord<PinnedTool>() };
    Object.assign(next.tools, pins.tools);
    const instructions = pins.instructions;
    if (instructions !== undefined) {
      next.instructions = instructions;
      if (
        instructions.pending !== undefined &&
        matchesPinFilter(filter, server, INSTRUCTIONS_KEY)
      ) {
        const { hash, text } = instructions.pending;
        next.instructions = { hash, pinnedAt: now, text };
        approved.push({ server, tool: INSTRUCTIONS_KEY });
      }
    }
    for (const tool of Object.keys(pins.tools).sort()) {
      const pending = pins.tools[tool]?.pending;
      if (pending === undefined || !matchesPinFilter(filter, server, tool)) continue;
      next.tools[tool] = {
        hash: pending.hash,
        pinnedAt: now,
        definition: pending.definition,
        ...(pending.form === undefined ? {} : { form: pending.form }),
      };
      approved.push({ server, tool });
    }
    servers[server] = next;
  }
  return { file: { v: file.v, servers }, approved };
};
