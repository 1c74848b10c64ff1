import { mkdir, open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  approvePins,
  comparePins,
  createRecord,
  diffPins,
  emptyPinsFile,
  legacyPinnedForm,
  listPins,
  parsePinsFile,
  pinnedForm,
  pinnedInstructionsForm,
  serializePinsFile,
  type DiffLine,
  type PinEntry,
  type PinFilter,
  type PinnableTool,
  type PinsFile,
  type SeenServer,
  type ServerPinCheck,
  type ServerPins,
} from '../core/pinning/index.js';
import { withFileLock } from '../state-files/file-lock.js';
import { hashPinnedForm } from './hash-pinned-form.js';
import { writeFileAtomic } from '../state-files/write-file-atomic.js';

export type {
  PinEntry,
  PinFilter,
  PinnableTool,
  PinStatus,
  ServerPinCheck,
  ToolPinCheck,
} from '../core/pinning/index.js';
export { hashPinnedForm } from './hash-pinned-form.js';

/** The file name of the pins inside the state folder. */
export const PINS_FILE_NAME = 'pins.json';

/** Tool-definition pins of every server, kept in `pins.json` in the state folder. */
export interface PinStore {
  /** Compare what a backend lists now with the pins; pins what is new (trust on first use) and remembers the drifted definition for `diff`. Persists (atomic write) only when something changed. */
  check(
    server: string,
    tools: readonly PinnableTool[],
    instructions: string | undefined,
  ): Promise<ServerPinCheck>;
  /** Pins listed: server → tool → { hash, pinnedAt, definition }, as of the last open, check or approve. */
  list(filter?: PinFilter): PinEntry[];
  /** Drifted tools (as last seen by check) with their readable diffs. */
  diff(filter?: PinFilter): { server: string; tool: string; lines: DiffLine[] }[];
  /** Accept the last seen definitions as the new pins; returns what was approved. */
  approve(filter?: PinFilter): Promise<{ server: string; tool: string }[]>;
}

/** Injected for deterministic tests. */
export interface PinStoreOptions {
  now?: () => Date;
}

// Identifies one version of pins.json on disk: every write is a rename, so a new inode.
interface FileVersion {
  ino: number;
  mtimeMs: number;
  size: number;
}

interface Snapshot {
  file: PinsFile;
  version: FileVersion | undefined;
}

/** Opens the pins of a state folder; throws a descriptive Error if `pins.json` is unreadable or malformed. */
export const openPinStore = async (
  stateDir: string,
  { now = () => new Date() }: PinStoreOptions = {},
): Promise<PinStore> => {
  const path = join(stateDir, PINS_FILE_NAME);
  let snapshot = await readSnapshot(path);
  // Serialises this process's writers; the lock file serialises processes.
  let queue: Promise<unknown> = Promise.resolve();

  const refresh = async (): Promise<void> => {
    const version = await versionOf(path);
    if (!sameVersion(version, snapshot.version)) snapshot = await readSnapshot(path);
  };

  const update = <T>(
    change: (fresh: PinsFile) => { file: PinsFile; changed: boolean; result: T },
  ) => {
    const run = async (): Promise<T> => {
      await mkdir(stateDir, { recursive: true, mode: 0o700 });
      return withFileLock(`${path}.lock`, async () => {
        // Re-read under the lock so another process's pins are merged, not overwritten.
        const fresh = await readSnapshot(path);
        const { file, changed, result } = change(fresh.file);
        if (changed) {
          await writeFileAtomic(path, serializePinsFile(file));
          snapshot = { file, version: await versionOf(path) };
        } else {
          snapshot = fresh;
        }
        return result;
      });
    };
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    async check(server, tools, instructions) {
      const seen: SeenServer = {
        server,
        tools: tools.map((tool) => {
          const definition = pinnedForm(tool);
          const hash = hashPinnedForm(definition);
          const legacyHash =
            tool.outputSchema === undefined ? hash : hashPinnedForm(legacyPinnedForm(tool));
          return { name: tool.name, hash, legacyHash, definition };
        }),
      };
      if (instructions !== undefined) {
        seen.instructions = {
          hash: hashPinnedForm(pinnedInstructionsForm(instructions)),
          text: instructions,
        };
      }
      await refresh();
      const at = now().toISOString();
      // The cheap path: nothing new and nothing newly drifted means no lock and no write.
      const quick = comparePins(snapshot.file.servers[server], seen, at);
      if (!quick.changed) return quick.check;
      return update((fresh) => {
        const { check, pins, changed } = comparePins(fresh.servers[server], seen, at);
        const servers = Object.assign(createRecord<ServerPins>(), fresh.servers);
        servers[server] = pins;
        return { file: { v: fresh.v, servers }, changed, result: check };
      });
    },

    list(filter = {}) {
      return listPins(snapshot.file, filter);
    },

    diff(filter = {}) {
      return diffPins(snapshot.file, filter);
    },

    approve(filter = {}) {
      const at = now().toISOString();
      return update((fresh) => {
        const { file, approved } = approvePins(fresh, filter, at);
        return { file, changed: approved.length > 0, result: approved };
      });
    },
  };
};

const readSnapshot = async (path: string): Promise<Snapshot> => {
  let text: string;
  let version: FileVersion;
  try {
    const handle = await open(path, 'r');
    try {
      // Version and content come from the same open file, so they always belong together.
      version = toVersion(await handle.stat());
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (isNotFound(error)) return { file: emptyPinsFile(), version: undefined };
    throw new Error(`Cannot read the tool pins file ${path}: ${describe(error)}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw corrupt(path, `it is not valid JSON (${describe(error)})`, error);
  }
  const parsed = parsePinsFile(json);
  if (!parsed.ok) throw corrupt(path, `unexpected content at ${parsed.problem}`);
  return { file: parsed.file, version };
};

// Never reset silently: an empty pins file would trust every tool again, defeating pinning.
const corrupt = (path: string, reason: string, cause?: unknown): Error =>
  new Error(
    `The tool pins file ${path} is corrupt: ${reason}. mcp-gateway does not reset it, because that would silently trust every tool definition again. Restore it from a backup or fix it by hand; deleting it re-pins every tool on next sight (trust on first use).`,
    cause === undefined ? undefined : { cause },
  );

const versionOf = async (path: string): Promise<FileVersion | undefined> => {
  try {
    return toVersion(await stat(path));
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
};

const toVersion = (stats: { ino: number; mtimeMs: number; size: number }): FileVersion => ({
  ino: stats.ino,
  mtimeMs: stats.mtimeMs,
  size: stats.size,
});

const sameVersion = (a: FileVersion | undefined, b: FileVersion | undefined): boolean =>
  a === undefined || b === undefined
    ? a === b
    : a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.size === b.size;

const isNotFound = (error: unknown): boolean =>
  error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
