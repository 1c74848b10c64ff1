import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

/** Replaces a file in one step (temp file in the same folder, fsync, rename), readable by its owner only. */
export const writeFileAtomic = async (path: string, data: string): Promise<void> => {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
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
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
};
