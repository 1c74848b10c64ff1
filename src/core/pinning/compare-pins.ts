import { canonicalJson } from '../canonical-json.js';
import { PINNED_FORM } from './pinned-form.js';
import { createRecord, type PinnedTool, type ServerPins } from './pins-file.js';

/** `new`: first sight, now pinned; `pinned`: matches its pin; `drifted`: differs from its pin. */
export type PinStatus = 'new' | 'pinned' | 'drifted';

/** The verdict for one tool; `pinnedHash` is the pin in force after the check (the old one when drifted). */
export interface ToolPinCheck {
  tool: string;
  status: PinStatus;
  hash: string;
  pinnedHash?: string;
}

/** The verdict for a server's instructions; no `hash` when the server sent none. */
export interface InstructionsPinCheck {
  status: PinStatus;
  hash?: string;
  pinnedHash?: string;
}

/** The verdicts for everything one server lists. */
export interface ServerPinCheck {
  server: string;
  tools: ToolPinCheck[];
  instructions: InstructionsPinCheck;
}

/** A tool as seen now: its pinned form and that form's hash (hashing is the caller's, since it needs crypto). */
export interface SeenTool {
  name: string;
  hash: string;
  /** The hash of its form 1 pinned form (no outputSchema), to compare with pins taken in form 1. */
  legacyHash: string;
  definition: Record<string, unknown>;
}

/** What one server lists now. */
export interface SeenServer {
  server: string;
  tools: readonly SeenTool[];
  instructions?: { hash: string; text: string };
}

/** The verdicts, the server's pins after the check, and whether they differ from before (a write is due). */
export interface PinComparison {
  check: ServerPinCheck;
  pins: ServerPins;
  changed: boolean;
}

/** Compares what a server lists with its pins: new entries are pinned, drifted ones keep their pin and record the new definition as pending. */
export const comparePins = (
  pinned: ServerPins | undefined,
  seen: SeenServer,
  now: string,
): PinComparison => {
  let changed = false;
  const tools = createRecord<PinnedTool>();
  // Tools not listed now are carried over untouched: a tool that disappears is not a drift.
  if (pinned !== undefined) Object.assign(tools, pinned.tools);
  const checks: ToolPinCheck[] = [];

  for (const tool of seen.tools) {
    const entry = tools[tool.name];
    if (entry === undefined) {
      tools[tool.name] = pinOf(tool, now);
      checks.push({ tool: tool.name, status: 'new', hash: tool.hash, pinnedHash: tool.hash });
      changed = true;
    } else if (entry.form !== PINNED_FORM && entry.hash === tool.legacyHash) {
      // Pinned before outputSchema was pinned, and unchanged in what that pin covered: keep the
      // pin's date and take the current form on trust, once, instead of calling every tool drifted.
      tools[tool.name] = { ...pinOf(tool, entry.pinnedAt) };
      checks.push({ tool: tool.name, status: 'pinned', hash: tool.hash, pinnedHash: tool.hash });
      changed = true;
    } else if (entry.form === PINNED_FORM && entry.hash === tool.hash) {
      // The pinned definition is back: a pending drift is no longer what the server lists.
      if (entry.pending !== undefined) {
        tools[tool.name] = withoutPending(entry);
        changed = true;
      }
      checks.push({ tool: tool.name, status: 'pinned', hash: tool.hash, pinnedHash: entry.hash });
    } else {
      if (entry.pending?.hash !== tool.hash) {
        const pending = {
          hash: tool.hash,
          seenAt: now,
          definition: copyJson(tool.definition),
          form: PINNED_FORM,
        };
        tools[tool.name] = { ...entry, pending };
        changed = true;
      }
      checks.push({ tool: tool.name, status: 'drifted', hash: tool.hash, pinnedHash: entry.hash });
    }
  }

  const pins: ServerPins = { tools };
  let instructionsCheck: InstructionsPinCheck;
  const current = pinned?.instructions;
  const text = seen.instructions;
  if (text === undefined) {
    // Instructions that disappear are not a drift either; the pin stays for when they return.
    if (current !== undefined) pins.instructions = current;
    instructionsCheck =
      current === undefined ? { status: 'pinned' } : { status: 'pinned', pinnedHash: current.hash };
  } else if (current === undefined) {
    pins.instructions = { hash: text.hash, pinnedAt: now, text: text.text };
    instructionsCheck = { status: 'new', hash: text.hash, pinnedHash: text.hash };
    changed = true;
  } else if (current.hash === text.hash) {
    pins.instructions = current;
    if (current.pending !== undefined) {
      pins.instructions = { hash: current.hash, pinnedAt: current.pinnedAt, text: current.text };
      changed = true;
    }
    instructionsCheck = { status: 'pinned', hash: text.hash, pinnedHash: current.hash };
  } else {
    pins.instructions = current;
    if (current.pending?.hash !== text.hash) {
      pins.instructions = {
        ...current,
        pending: { hash: text.hash, seenAt: now, text: text.text },
      };
      changed = true;
    }
    instructionsCheck = { status: 'drifted', hash: text.hash, pinnedHash: current.hash };
  }

  return {
    check: { server: seen.server, tools: checks, instructions: instructionsCheck },
    pins,
    changed,
  };
};

const withoutPending = (entry: PinnedTool): PinnedTool => ({
  hash: entry.hash,
  pinnedAt: entry.pinnedAt,
  definition: entry.definition,
  ...(entry.form === undefined ? {} : { form: entry.form }),
});

const pinOf = (tool: SeenTool, pinnedAt: string): PinnedTool => ({
  hash: tool.hash,
  pinnedAt,
  definition: copyJson(tool.definition),
  form: PINNED_FORM,
});

// A detached, plain-JSON copy: later changes to the backend's objects cannot alter a stored pin.
const copyJson = (value: Record<string, unknown>): Record<string, unknown> =>
  JSON.parse(canonicalJson(value)) as Record<string, unknown>;
