import type { ResolvedServer } from '../config/resolve.js';
import { killGroup, spawnNow, type SpawnedChild } from './spawn-child.js';
import { childSpecKey, type GuessedChildren } from './spawn-from-config-text.js';

/**
 * Stdio backends spawned right after the config was read (`run`), before the gateway's own code
 * loads: a backend's boot (its runtime and SDK, often hundreds of ms) then overlaps the
 * gateway's instead of following it. The pool adopts each child for its first start.
 */
export interface EarlyChildren {
  /** The child spawned for exactly this server config (first start only), or undefined. */
  take(config: ResolvedServer): SpawnedChild | undefined;
  /** Kills the children nobody took (their server was not started after all). */
  release(): void;
}

/** No early children: every backend is spawned by its pool. */
export const NO_EARLY_CHILDREN: EarlyChildren = { take: () => undefined, release: () => undefined };

/**
 * Spawns every enabled stdio server now. Not on Windows, where a spawn needs execa's command
 * resolution (loaded with the gateway), nor when the config is not usable as it stands.
 */
export const spawnEarly = (
  servers: readonly ResolvedServer[],
  guessed: GuessedChildren = new Map(),
): EarlyChildren => {
  if (process.platform === 'win32') return NO_EARLY_CHILDREN;
  const spawned = new Map<ResolvedServer, SpawnedChild>();
  for (const server of servers) {
    if (!server.enabled || server.kind !== 'stdio') continue;
    // A child spawned from the raw config text is adopted only by a server with its exact spec.
    const key = childSpecKey(server);
    const child = guessed.get(key) ?? spawnNow(server);
    guessed.delete(key);
    spawned.set(server, child);
  }
  killChildren(guessed);
  return {
    // The same object the config gave: a reloaded or changed server gets a fresh child.
    take: (config) => {
      const child = spawned.get(config);
      spawned.delete(config);
      return child;
    },
    release: () => {
      killChildren(spawned);
    },
  };
};

/** Kills children nobody adopted (their server is not started after all, or the config is invalid). */
export const killChildren = (children: Map<unknown, SpawnedChild>): void => {
  for (const { child } of children.values())
    if (child.pid !== undefined && child.exitCode === null) killGroup(child.pid, 'SIGKILL');
  children.clear();
};
