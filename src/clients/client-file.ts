import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** A file's text, or undefined when it does not exist. */
export const readTextIfExists = async (file: string): Promise<string | undefined> => {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

/** The file a path really names: a client config kept as a symlink (dotfiles) stays a symlink. */
export const resolveTarget = async (file: string): Promise<string> => {
  try {
    return await realpath(file);
  } catch {
    return file;
  }
};

/**
 * Replaces a file in one step (temp file beside it, fsync, rename) and keeps its permission
 * bits, so a client never reads a half-written config. A new file gets `mode`.
 */
export const writeFileAtomic = async (
  file: string,
  data: string,
  options: { mode?: number } = {},
): Promise<void> => {
  const target = await resolveTarget(file);
  let mode = options.mode ?? 0o644;
  try {
    mode = (await stat(target)).mode & 0o777;
  } catch {
    await mkdir(path.dirname(target), { recursive: true });
  }
  const temporary = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'wx', mode);
    try {
      await handle.chmod(mode);
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
};

/** `20261206T101500Z`: sortable, safe in file names on every platform. */
export const timestamp = (date: Date): string =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** Copies a client file to `<file>.<timestamp>.mcp-gateway-backup`, readable by its owner only. */
export const backupFile = async (file: string, now: Date): Promise<string> => {
  const target = await resolveTarget(file);
  let backup = `${target}.${timestamp(now)}.mcp-gateway-backup`;
  for (let n = 2; await exists(backup); n++) {
    backup = `${target}.${timestamp(now)}-${n}.mcp-gateway-backup`;
  }
  await copyFile(target, backup);
  const handle = await open(backup, 'r+');
  try {
    // The backup holds the same secrets as the file; keep it to its owner.
    await handle.chmod(0o600);
  } finally {
    await handle.close();
  }
  return backup;
};

const exists = async (file: string): Promise<boolean> => {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
};

/** SHA-256 of a text, to tell whether a file changed since the gateway wrote it. */
export const digestText = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');

/** What `install` remembers beside the client file so `uninstall` can undo it. */
export interface InstallRecord {
  readonly version: 1;
  readonly client: string;
  readonly file: string;
  readonly entryName: string;
  /** The copy taken before the first install; null when install created the file. */
  readonly backup: string | null;
  /** SHA-256 of what install wrote last. */
  readonly written: string;
  /** False once someone else changed the file between two installs: restore surgically. */
  readonly restorable: boolean;
  /** Key paths of the entries `--replace` removed (their values stay in the backup only). */
  readonly removed: readonly (readonly string[])[];
  readonly installedAt: string;
}

/** Where the install record of a client file lives. */
export const recordPathFor = async (file: string): Promise<string> =>
  `${await resolveTarget(file)}.mcp-gateway-install.json`;

/** Reads the install record, if any. */
export const readInstallRecord = async (file: string): Promise<InstallRecord | undefined> => {
  const text = await readTextIfExists(await recordPathFor(file));
  if (text === undefined) return undefined;
  try {
    const record = JSON.parse(text) as Partial<InstallRecord>;
    return record.version === 1 ? (record as InstallRecord) : undefined;
  } catch {
    return undefined;
  }
};

/** Writes (or, with undefined, deletes) the install record. */
export const writeInstallRecord = async (
  file: string,
  record: InstallRecord | undefined,
): Promise<void> => {
  const at = await recordPathFor(file);
  if (record === undefined) await rm(at, { force: true });
  else await writeFileAtomic(at, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
};
