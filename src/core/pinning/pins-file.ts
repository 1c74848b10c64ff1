import { PINNED_FORM } from './pinned-form.js';

/** The format version of `pins.json`; a file with another version is refused, never rewritten. */
export const PINS_FILE_VERSION = 1;

/** A definition seen after the pin was taken, kept until it is approved (or the pinned one returns). */
export interface PendingTool {
  hash: string;
  seenAt: string;
  definition: Record<string, unknown>;
  /** The pinned form the hash covers (`PINNED_FORM`); absent on entries written before forms were marked (form 1). */
  form?: number;
}

/** The trusted definition of one tool. */
export interface PinnedTool {
  hash: string;
  pinnedAt: string;
  definition: Record<string, unknown>;
  /** The pinned form the hash covers (`PINNED_FORM`); absent on entries written before forms were marked (form 1). */
  form?: number;
  pending?: PendingTool;
}

/** Server instructions seen after the pin was taken. */
export interface PendingInstructions {
  hash: string;
  seenAt: string;
  text: string;
}

/** The trusted instructions of one server. */
export interface PinnedInstructions {
  hash: string;
  pinnedAt: string;
  text: string;
  pending?: PendingInstructions;
}

/** Everything pinned for one server. */
export interface ServerPins {
  instructions?: PinnedInstructions;
  tools: Record<string, PinnedTool>;
}

/** The whole of `pins.json`. */
export interface PinsFile {
  v: typeof PINS_FILE_VERSION;
  servers: Record<string, ServerPins>;
}

/** The outcome of reading `pins.json`: the file, or the first problem with its JSON path. */
export type ParsedPinsFile = { ok: true; file: PinsFile } | { ok: false; problem: string };

/** A record without a prototype, so names such as `__proto__` or `toString` are plain keys. */
export const createRecord = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** A pins file with nothing pinned yet. */
export const emptyPinsFile = (): PinsFile => ({ v: PINS_FILE_VERSION, servers: createRecord() });

const HASH = /^sha256:[0-9a-f]{64}$/;

class PinsFileProblem extends Error {}

/** Checks the shape of parsed `pins.json` content; never repairs, so a damaged file cannot silently drop pins. */
export const parsePinsFile = (value: unknown): ParsedPinsFile => {
  try {
    return { ok: true, file: readFile(value) };
  } catch (error) {
    if (error instanceof PinsFileProblem) return { ok: false, problem: error.message };
    throw error;
  }
};

/** Serialises a pins file as stable, readable JSON: servers and tools sorted, two-space indent. */
export const serializePinsFile = (file: PinsFile): string => {
  const servers = createRecord<unknown>();
  for (const server of Object.keys(file.servers).sort()) {
    const pins = file.servers[server];
    if (pins === undefined) continue;
    const tools = createRecord<PinnedTool>();
    for (const tool of Object.keys(pins.tools).sort()) {
      const entry = pins.tools[tool];
      if (entry !== undefined) tools[tool] = entry;
    }
    servers[server] =
      pins.instructions === undefined ? { tools } : { instructions: pins.instructions, tools };
  }
  return `${JSON.stringify({ v: file.v, servers }, null, 2)}\n`;
};

const fail = (path: string, message: string): never => {
  throw new PinsFileProblem(`${path}: ${message}`);
};

const readFile = (value: unknown): PinsFile => {
  const root = object(value, '$');
  if (root['v'] !== PINS_FILE_VERSION) {
    return typeof root['v'] === 'number' && root['v'] > PINS_FILE_VERSION
      ? fail('$.v', `version ${root['v']} was written by a newer mcp-gateway; upgrade to read it`)
      : fail('$.v', `expected ${PINS_FILE_VERSION}`);
  }
  const servers = createRecord<ServerPins>();
  for (const [server, pins] of Object.entries(object(root['servers'], '$.servers'))) {
    servers[server] = readServer(pins, `$.servers[${JSON.stringify(server)}]`);
  }
  return { v: PINS_FILE_VERSION, servers };
};

const readServer = (value: unknown, path: string): ServerPins => {
  const raw = object(value, path);
  const tools = createRecord<PinnedTool>();
  for (const [tool, entry] of Object.entries(object(raw['tools'], `${path}.tools`))) {
    tools[tool] = readTool(entry, `${path}.tools[${JSON.stringify(tool)}]`);
  }
  if (raw['instructions'] === undefined) return { tools };
  return { instructions: readInstructions(raw['instructions'], `${path}.instructions`), tools };
};

const readTool = (value: unknown, path: string): PinnedTool => {
  const raw = object(value, path);
  const entry: PinnedTool = {
    hash: hash(raw['hash'], `${path}.hash`),
    pinnedAt: string(raw['pinnedAt'], `${path}.pinnedAt`),
    definition: object(raw['definition'], `${path}.definition`),
  };
  if (raw['form'] !== undefined) entry.form = form(raw['form'], `${path}.form`);
  if (raw['pending'] === undefined) return entry;
  const pending = object(raw['pending'], `${path}.pending`);
  entry.pending = {
    hash: hash(pending['hash'], `${path}.pending.hash`),
    seenAt: string(pending['seenAt'], `${path}.pending.seenAt`),
    definition: object(pending['definition'], `${path}.pending.definition`),
  };
  if (pending['form'] !== undefined)
    entry.pending.form = form(pending['form'], `${path}.pending.form`);
  return entry;
};

const readInstructions = (value: unknown, path: string): PinnedInstructions => {
  const raw = object(value, path);
  const entry: PinnedInstructions = {
    hash: hash(raw['hash'], `${path}.hash`),
    pinnedAt: string(raw['pinnedAt'], `${path}.pinnedAt`),
    text: string(raw['text'], `${path}.text`),
  };
  if (raw['pending'] === undefined) return entry;
  const pending = object(raw['pending'], `${path}.pending`);
  entry.pending = {
    hash: hash(pending['hash'], `${path}.pending.hash`),
    seenAt: string(pending['seenAt'], `${path}.pending.seenAt`),
    text: string(pending['text'], `${path}.pending.text`),
  };
  return entry;
};

const object = (value: unknown, path: string): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : fail(path, 'expected an object');

const string = (value: unknown, path: string): string =>
  typeof value === 'string' ? value : fail(path, 'expected a string');

// A form this version does not know was written by a newer one: refuse it rather than misread every pin.
const form = (value: unknown, path: string): number =>
  value === PINNED_FORM
    ? value
    : typeof value === 'number' && Number.isInteger(value) && value > PINNED_FORM
      ? fail(path, `pinned form ${value} was written by a newer mcp-gateway; upgrade to read it`)
      : fail(path, `expected ${PINNED_FORM}`);

const hash = (value: unknown, path: string): string =>
  typeof value === 'string' && HASH.test(value)
    ? value
    : fail(path, 'expected "sha256:" followed by 64 lowercase hex digits');
