import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The folder, inside the state folder, where each running gateway describes its console. */
export const CONSOLES_DIR = 'consoles';

/** What a running gateway writes about its console (mode 0600: it holds the API token). */
export interface ConsoleEntry {
  readonly pid: number;
  readonly port: number;
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** The one-time login link printed at start (spent once used). */
  readonly loginUrl: string;
  /** `Authorization: Bearer` for the console's API. */
  readonly apiToken: string;
  readonly configFile: string | null;
  readonly version: string;
  readonly startedAt: string;
}

const fileOf = (stateDir: string, pid: number): string =>
  path.join(stateDir, CONSOLES_DIR, `${pid}.json`);

/** Records this gateway's console in the state folder. */
export const writeConsoleEntry = async (stateDir: string, entry: ConsoleEntry): Promise<string> => {
  const dir = path.join(stateDir, CONSOLES_DIR);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = fileOf(stateDir, entry.pid);
  await writeFile(file, `${JSON.stringify(entry, null, 2)}\n`, { mode: 0o600 });
  return file;
};

/** Removes this gateway's entry (at shutdown). */
export const removeConsoleEntry = async (stateDir: string, pid: number): Promise<void> => {
  await rm(fileOf(stateDir, pid), { force: true });
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const isEntry = (value: unknown): value is ConsoleEntry => {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry['pid'] === 'number' &&
    typeof entry['port'] === 'number' &&
    typeof entry['url'] === 'string' &&
    typeof entry['apiToken'] === 'string'
  );
};

/**
 * The consoles of the gateways running on this state folder, oldest first. Entries of
 * processes that are gone (a crash, a kill -9) are removed on the way.
 */
export const listConsoleEntries = async (stateDir: string): Promise<ConsoleEntry[]> => {
  const dir = path.join(stateDir, CONSOLES_DIR);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: ConsoleEntry[] = [];
  for (const name of names.filter((n) => /^\d+\.json$/.test(n))) {
    const file = path.join(dir, name);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      continue;
    }
    if (!isEntry(parsed)) continue;
    if (!isAlive(parsed.pid)) {
      await rm(file, { force: true });
      continue;
    }
    entries.push(parsed);
  }
  return entries.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
};

/**
 * The per-user folder where each running gateway leaves a pointer to its state folder, so
 * `mcp-gateway console --all` finds the gateways of every config on this machine. Pointers
 * hold no token: the token stays in the state folder's own entry (mode 0600).
 */
export const userConsolesDir = (env: Readonly<Record<string, string | undefined>>): string => {
  const home = env['HOME'] ?? os.homedir();
  const base =
    process.platform === 'win32'
      ? (env['LOCALAPPDATA'] ?? path.join(home, 'AppData', 'Local'))
      : env['XDG_STATE_HOME'] !== undefined && env['XDG_STATE_HOME'] !== ''
        ? env['XDG_STATE_HOME']
        : path.join(home, '.local', 'state');
  return path.join(base, 'mcp-gateway', CONSOLES_DIR);
};

/** Points the per-user folder at this gateway's state folder. */
export const writeUserPointer = async (
  userDir: string,
  pid: number,
  stateDir: string,
): Promise<void> => {
  await mkdir(userDir, { recursive: true, mode: 0o700 });
  await writeFile(
    path.join(userDir, `${pid}.json`),
    `${JSON.stringify({ pid, stateDir: path.resolve(stateDir) })}\n`,
    { mode: 0o600 },
  );
};

/** Removes this gateway's pointer (at shutdown). */
export const removeUserPointer = async (userDir: string, pid: number): Promise<void> => {
  await rm(path.join(userDir, `${pid}.json`), { force: true });
};

/**
 * The consoles of every gateway this user runs on the machine, whatever its config, oldest
 * first, each with its state folder. Pointers of processes that are gone are removed.
 */
export const listUserConsoleEntries = async (
  userDir: string,
): Promise<(ConsoleEntry & { readonly stateDir: string })[]> => {
  let names: string[];
  try {
    names = await readdir(userDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const stateDirs = new Set<string>();
  for (const name of names.filter((n) => /^\d+\.json$/.test(n))) {
    const file = path.join(userDir, name);
    let pointer: unknown;
    try {
      pointer = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      continue;
    }
    const { pid, stateDir } = (pointer ?? {}) as { pid?: unknown; stateDir?: unknown };
    if (typeof pid !== 'number' || typeof stateDir !== 'string') continue;
    if (!isAlive(pid)) {
      await rm(file, { force: true });
      continue;
    }
    stateDirs.add(stateDir);
  }
  const entries: (ConsoleEntry & { readonly stateDir: string })[] = [];
  for (const stateDir of stateDirs)
    for (const entry of await listConsoleEntries(stateDir)) entries.push({ ...entry, stateDir });
  return entries.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
};
