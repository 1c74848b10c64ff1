import type { ResolvedServer } from '../config/resolve.js';
import { killGroup, spawnNow, type SpawnedChild } from './spawn-child.js';

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
export const spawnEarly = (servers: readonly ResolvedServer[]): EarlyChildren => {
  if (process.platform === 'win32') return NO_EARLY_CHILDREN;
  const spawned = new Map<ResolvedServer, SpawnedChild>();
  for (const server of servers) {
    if (!server.enabled || server.kind !== 'stdio') continue;
    spawned.set(server, spawnNow(server));
  }
  return {
    // The same object the config gave: a reloaded or changed server gets a fresh child.
    take: (config) => {
      const child = spawned.get(config);
      spawned.delete(config);
      return child;
    },
    release: () => {
      for (const { child } of spawned.values())
        if (child.pid !== undefined && child.exitCode === null) killGroup(child.pid, 'SIGKILL');
      spawned.clear();
    },
  };
};
