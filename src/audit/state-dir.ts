import { chmod, mkdir, stat } from 'node:fs/promises';

/** The state folder holds the signing key, pins and the log: only its owner may enter it. */
export const STATE_DIR_MODE = 0o700;

/**
 * Creates a private folder (mode 0700), or tightens one this user owns that others can enter
 * (earlier versions created the state folder 0755). Returns a notice when it changed a mode.
 */
export const ensurePrivateDir = async (dir: string): Promise<string | undefined> => {
  await mkdir(dir, { recursive: true, mode: STATE_DIR_MODE });
  // Windows has no POSIX modes to tighten; the folder inherits its parent's ACL.
  if (process.platform === 'win32') return undefined;
  const info = await stat(dir);
  const open = info.mode & 0o077;
  if (open === 0 || info.uid !== process.getuid?.()) return undefined;
  await chmod(dir, STATE_DIR_MODE);
  return `${dir} was readable by other users (mode ${formatMode(info.mode)}); changed it to 0700`;
};

const formatMode = (mode: number): string => `0${(mode & 0o777).toString(8)}`;
