import path from 'node:path';
import type { ChildSpec, SpawnedChild } from './spawn-child.js';
import { spawnNow } from './spawn-child.js';

/** Children spawned from a config file's raw JSON, by their spec's key ({@link childSpecKey}). */
export type GuessedChildren = Map<string, SpawnedChild>;

/** A spec's identity: two specs with the same key start the same process in the same way. */
export const childSpecKey = (spec: ChildSpec): string =>
  JSON.stringify([
    spec.command,
    spec.args,
    Object.entries(spec.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    spec.cwd,
    spec.inheritEnv,
  ]);

/**
 * Spawns, before the config code loads (zod, the schema, cosmiconfig, the policy compiler:
 * ~65 ms of CPU), the stdio servers a JSON config file plainly lists: a `command` with `args`,
 * `env` and `cwd` written out, no `${…}` reference to expand, not disabled, no profiles. Each
 * spec is derived as `resolveConfig` derives it (a `./` command and `cwd` relative to the file),
 * and a child is only ever adopted by a validated server whose resolved spec has the same key;
 * the others (and all of them when the config turns out invalid) are killed. Anything less
 * plain is left to the spawn after validation. Returns an empty map when nothing qualifies.
 */
export const spawnFromConfigText = (file: string, text: string): GuessedChildren => {
  const guessed: GuessedChildren = new Map();
  if (process.platform === 'win32') return guessed;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return guessed;
  }
  if (!isRecord(raw) || raw['profiles'] !== undefined) return guessed;
  const servers = raw['servers'] ?? raw['mcpServers'];
  if (!isRecord(servers) || (raw['servers'] !== undefined && raw['mcpServers'] !== undefined))
    return guessed;
  const dir = path.dirname(file);
  for (const entry of Object.values(servers)) {
    const spec = plainSpec(entry, dir);
    if (spec === undefined) continue;
    const key = childSpecKey(spec);
    if (!guessed.has(key)) guessed.set(key, spawnNow(spec));
  }
  return guessed;
};

const plainSpec = (entry: unknown, dir: string): ChildSpec | undefined => {
  if (!isRecord(entry) || entry['url'] !== undefined) return undefined;
  if (entry['enabled'] !== undefined && entry['enabled'] !== true) return undefined;
  const { command, args = [], env = {}, cwd = '.', inheritEnv = false } = entry;
  if (typeof command !== 'string' || command === '' || !plain(command)) return undefined;
  if (!Array.isArray(args) || !args.every((a) => typeof a === 'string' && plain(a)))
    return undefined;
  if (!isRecord(env) || !Object.values(env).every((v) => typeof v === 'string' && plain(v)))
    return undefined;
  if (typeof cwd !== 'string' || !plain(cwd) || typeof inheritEnv !== 'boolean') return undefined;
  return {
    command:
      command.startsWith('./') || command.startsWith('../') ? path.resolve(dir, command) : command,
    args: args as string[],
    env: env as Record<string, string>,
    cwd: path.resolve(dir, cwd),
    inheritEnv,
  };
};

/** No reference for `resolveConfig` to expand (`${env:…}`, `${configDir}`). */
const plain = (value: string): boolean => !value.includes('${');

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
