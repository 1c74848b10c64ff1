import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { link, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/** A held lock; release it in `finally`. */
export interface FileLock {
  release(): Promise<void>;
}

/** How long to wait for a lock, and when a holder counts as gone. */
export interface FileLockOptions {
  /** Give up after this long (default 10 s). */
  readonly timeoutMs?: number;
  /** A lock older than this is stolen even if its holder looks alive (default 5 s). */
  readonly staleMs?: number;
}

/** A lock taken without waiting; held across ticks, it must be checked with `held()` before use. */
export interface SyncFileLock {
  release(): void;
  /** Still ours: the lock file is the one we created (a holder judged stale may be replaced). */
  held(): boolean;
  /** Someone is waiting in `acquireFileLock` (it marks `<lockPath>.wait` while it polls). */
  othersWaiting(): boolean;
  /** Marks the lock fresh again, so a holder that keeps it is not judged stale. */
  renew(): void;
}

/** The marker a waiter leaves while it polls, so a holder that keeps the lock lets go. */
const waitMarker = (lockPath: string): string => `${lockPath}.wait`;

// Random once per process, then counted: the token only has to be unique, and the hot path
// takes a lock per reply.
const tokenPrefix = `${String(process.pid)} ${hostname()} ${randomBytes(6).toString('hex')}`;
let tokenCounter = 0;
const lockToken = (): string => `${tokenPrefix}${(++tokenCounter).toString(16)}`;

const isErrno = (error: unknown, code: string): boolean =>
  error instanceof Error && (error as NodeJS.ErrnoException).code === code;

const isProcessAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return isErrno(error, 'EPERM');
  }
};

const isStale = async (lockPath: string, staleMs: number): Promise<string | undefined> => {
  try {
    const [content, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    const [pid, host] = content.split(' ');
    const holderGone =
      host === hostname() && pid !== undefined && /^\d+$/.test(pid) && !isProcessAlive(Number(pid));
    return holderGone || Date.now() - info.mtimeMs > staleMs ? content : undefined;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
};

const steal = async (lockPath: string, staleContent: string): Promise<void> => {
  // Rename first: of several processes judging the same lock stale, only one can move it.
  const aside = `${lockPath}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return;
    throw error;
  }
  if ((await readFile(aside, 'utf8')) !== staleContent) {
    // We moved a fresh lock taken in the meantime: put it back unless someone else now holds one.
    await link(aside, lockPath).catch(() => undefined);
  }
  await rm(aside, { force: true });
};

/**
 * Takes `<lockPath>` with O_EXCL, waiting with jittered backoff. A lock whose holder died on
 * this host, or that is older than `staleMs`, is stolen: a writer killed mid-flush cannot
 * block the others for long.
 */
export const acquireFileLock = async (
  lockPath: string,
  options: FileLockOptions = {},
): Promise<FileLock> => {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 5_000;
  const token = lockToken();
  const deadline = Date.now() + timeoutMs;
  let marked = false;
  const unmark = async (): Promise<void> => {
    if (marked) await rm(waitMarker(lockPath), { force: true }).catch(() => undefined);
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(token);
      } finally {
        await handle.close();
      }
      await unmark();
      return {
        release: async () => {
          const current = await readFile(lockPath, 'utf8').catch(() => undefined);
          if (current === token) await rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
    }
    const staleContent = await isStale(lockPath, staleMs);
    if (staleContent !== undefined) {
      await steal(lockPath, staleContent);
      continue;
    }
    if (Date.now() > deadline) {
      await unmark();
      throw new Error(
        `Timed out after ${String(timeoutMs)} ms waiting for the lock ${lockPath}; if no other mcp-gateway process is running on this state folder, delete that file`,
      );
    }
    // Every poll: another waiter that got the lock first removed the marker.
    await writeFile(waitMarker(lockPath), token).catch(() => undefined);
    marked = true;
    await sleep(Math.min(1 + attempt, 20) * (0.5 + Math.random()));
  }
};

/**
 * Takes `<lockPath>` at once, synchronously, or returns undefined when someone holds it (the
 * caller falls back to `acquireFileLock`, which waits and steals stale locks). For critical
 * sections of a few system calls on the hot path, where an async round trip per step costs more
 * than the work.
 */
export const tryAcquireFileLockSync = (lockPath: string): SyncFileLock | undefined => {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx');
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return undefined;
    throw error;
  }
  let ino: number;
  try {
    writeSync(fd, lockToken());
    ino = fstatSync(fd).ino;
  } catch (error) {
    // A lock file nobody holds would stall every writer until it goes stale.
    closeSync(fd);
    unlinkSync(lockPath);
    throw error;
  }
  closeSync(fd);
  return {
    held: () => statSync(lockPath, { throwIfNoEntry: false })?.ino === ino,
    othersWaiting: () => existsSync(waitMarker(lockPath)),
    renew: () => {
      const now = new Date();
      utimesSync(lockPath, now, now);
    },
    release: () => {
      // Same inode, same lock: only a holder judged stale (5 s) could have been replaced.
      try {
        if (statSync(lockPath).ino === ino) unlinkSync(lockPath);
      } catch (error) {
        if (!isErrno(error, 'ENOENT')) throw error;
      }
    },
  };
};

/** Runs `task` while holding `lockPath`, so processes sharing a state file take turns. */
export const withFileLock = async <T>(
  lockPath: string,
  task: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> => {
  const lock = await acquireFileLock(lockPath, options);
  try {
    return await task();
  } finally {
    await lock.release();
  }
};
