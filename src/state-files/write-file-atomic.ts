import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

/** A file written and fsynced beside its target, not yet in place. */
export interface StagedFile {
  /** Puts it in place in one step (rename). */
  commit(): Promise<void>;
  /** Removes it if it was not committed; never throws. */
  discard(): Promise<void>;
}

/**
 * Writes `data` to a temporary file in the target's folder (readable by its owner only) and
 * fsyncs it, without replacing the target yet: the slow part of an atomic replace, which needs
 * no lock, apart from the rename, which may.
 */
export const stageFileAtomic = async (path: string, data: string): Promise<StagedFile> => {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  let placed = false;
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      // The umask can only narrow the mode given to open(); chmod makes it exactly 0600.
      await handle.chmod(0o600);
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return {
    async commit() {
      await rename(temporary, path);
      placed = true;
    },
    async discard() {
      if (!placed) await rm(temporary, { force: true }).catch(() => undefined);
    },
  };
};

/** Replaces a file in one step (temp file in the same folder, fsync, rename), readable by its owner only. */
export const writeFileAtomic = async (path: string, data: string): Promise<void> => {
  const staged = await stageFileAtomic(path, data);
  try {
    await staged.commit();
  } finally {
    await staged.discard();
  }
};
