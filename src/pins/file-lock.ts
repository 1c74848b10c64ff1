import { open, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long to wait for another process's lock, and when a lock counts as abandoned. */
export interface FileLockOptions {
  timeoutMs?: number;
  staleMs?: number;
}

const RETRY_MS = 20;

/** Runs `task` while holding `lockPath` (created exclusively), so processes sharing a file take turns. */
export const withFileLock = async <T>(
  lockPath: string,
  task: () => Promise<T>,
  { timeoutMs = 5_000, staleMs = 10_000 }: FileLockOptions = {},
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      await handle.writeFile(`${process.pid}\n`, 'utf8').finally(() => handle.close());
      break;
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
    }
    // A holder that crashed leaves its lock behind; pins writes take milliseconds, so an old
    // lock is abandoned. Two waiters may both remove it; the file itself stays whole (rename).
    const age = await lockAge(lockPath);
    if (age !== undefined && age > staleMs) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for the lock ${lockPath}; if no other mcp-gateway process is writing pins, delete that file`,
      );
    }
    await sleep(RETRY_MS);
  }
  try {
    return await task();
  } finally {
    await rm(lockPath, { force: true });
  }
};

const lockAge = async (lockPath: string): Promise<number | undefined> => {
  try {
    return Date.now() - (await stat(lockPath)).mtimeMs;
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
};

const isCode = (error: unknown, code: string): boolean =>
  error instanceof Error && (error as NodeJS.ErrnoException).code === code;
