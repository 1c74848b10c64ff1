import { spawn, type ChildProcess } from 'node:child_process';

/** Variables a child inherits from the SDK's list (`DEFAULT_INHERITED_ENV_VARS` in its client/stdio.js). */
const SDK_INHERITED =
  process.platform === 'win32'
    ? [
        'APPDATA',
        'HOMEDRIVE',
        'HOMEPATH',
        'LOCALAPPDATA',
        'PATH',
        'PROCESSOR_ARCHITECTURE',
        'SYSTEMDRIVE',
        'SYSTEMROOT',
        'TEMP',
        'USERNAME',
        'USERPROFILE',
        'PROGRAMFILES',
      ]
    : ['HOME', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'USER'];
/** Extra variables a child always gets on top of the SDK's list (DESIGN §3). */
const EXTRA_INHERITED = ['TMPDIR', 'LANG', 'LC_ALL', 'TZ'];
const EXTRA_INHERITED_WINDOWS = ['PATHEXT', 'COMSPEC', 'SYSTEMROOT', 'PROGRAMDATA', 'APPDATA'];

/** The variable names {@link safeBaseEnv} passes on, in order (exported for a test against the SDK's list). */
export const INHERITED_ENV = [
  ...SDK_INHERITED,
  ...EXTRA_INHERITED,
  ...(process.platform === 'win32' ? EXTRA_INHERITED_WINDOWS : []),
];

/**
 * The minimal environment every backend child gets: the agent's secrets are not passed on.
 * The SDK's list is repeated here rather than imported: its module pulls in the SDK's message
 * schemas, and the children are spawned before any of that has loaded.
 */
export const safeBaseEnv = (
  env: Readonly<Record<string, string | undefined>> = process.env,
): Record<string, string> => {
  const base: Record<string, string> = {};
  for (const key of INHERITED_ENV) {
    const value = env[key];
    // A value starting with `()` is an exported shell function, never passed on.
    if (value !== undefined && !value.startsWith('()')) base[key] = value;
  }
  return base;
};

/** How to start one stdio backend. */
export interface ChildSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly inheritEnv: boolean;
}

/** What the child did when it went away. */
export interface ChildExit {
  readonly code: number | undefined;
  readonly signal: string | undefined;
}

/** A child process with its two outcomes observed from the moment it was spawned. */
export interface SpawnedChild {
  readonly child: ChildProcess;
  /** Resolves once the process runs; rejects if it could not be started (ENOENT, EACCES). */
  readonly spawned: Promise<void>;
  /** Resolves when the process has ended and its pipes are closed. */
  readonly closed: Promise<ChildExit>;
}

/** Children still running; killed synchronously if the gateway exits without closing them. */
const liveChildren = new Set<number>();
let exitHookInstalled = false;
const installExitHook = (): void => {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // The children are detached (their own process group), so the last word on exit is ours.
  process.on('exit', () => {
    for (const pid of liveChildren) killGroup(pid, 'SIGKILL');
  });
};

/** Signals the child's whole process group (what it spawned too, e.g. npx → node); false if gone. */
export const killGroup = (pid: number, signal: NodeJS.Signals): boolean => {
  try {
    // A negative pid signals the whole process group the child leads.
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
    return true;
  } catch {
    return false;
  }
};

/**
 * Spawns a stdio backend in its own process group with piped stdio. Windows goes through
 * execa (cross-spawn: `.cmd` shims, PATHEXT, shebangs); elsewhere execa would call
 * `child_process.spawn` with these same options, so the gateway calls it directly and loads
 * nothing (execa's ~180 KB of JS used to come before every backend's spawn).
 */
export const spawnChild = async (spec: ChildSpec): Promise<SpawnedChild> =>
  process.platform === 'win32' ? observe((await spawnWindows(spec)).child) : spawnNow(spec);

/** Spawns at once (not on Windows, see {@link spawnChild}), for the children started before the gateway loads. */
export const spawnNow = (spec: ChildSpec): SpawnedChild =>
  observe(
    spawn(spec.command, [...spec.args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: childEnv(spec),
      cwd: spec.cwd,
      detached: true,
      windowsHide: true,
    }),
  );

// Wrapped in an object: execa's child is also a promise of its end, which `await` would wait for.
const spawnWindows = async (spec: ChildSpec): Promise<{ child: ChildProcess }> => {
  const { execa } = await import('execa');
  const child = execa(spec.command, [...spec.args], {
    stdin: 'pipe',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    extendEnv: false,
    env: childEnv(spec),
    cwd: spec.cwd,
    windowsHide: true,
  });
  return { child };
};

const childEnv = (spec: ChildSpec): Record<string, string | undefined> =>
  spec.inheritEnv ? { ...process.env, ...spec.env } : { ...safeBaseEnv(), ...spec.env };

const observe = (child: ChildProcess): SpawnedChild => {
  installExitHook();
  let started = false;
  let ended: (exit: ChildExit) => void = () => undefined;
  const closed = new Promise<ChildExit>((resolve) => {
    ended = resolve;
  });
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', () => {
      started = true;
      if (child.pid !== undefined) liveChildren.add(child.pid);
      resolve();
    });
    child.once('error', (error) => {
      // A process that never ran has ended too: nobody waits for its exit.
      if (!started) ended({ code: undefined, signal: undefined });
      reject(error);
    });
  });
  // Observed by whoever adopts the child; a failed start is reported through `spawned`.
  spawned.catch(() => undefined);
  child.once('close', (code, signal) => {
    if (child.pid !== undefined) liveChildren.delete(child.pid);
    ended({ code: code ?? undefined, signal: signal ?? undefined });
  });
  return { child, spawned, closed };
};
