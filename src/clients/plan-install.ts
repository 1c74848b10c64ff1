import { isDeepStrictEqual } from 'node:util';
import { buildGatewayConfig } from './build-gateway-config.js';
import type { ClientLocation } from './client-locations.js';
import {
  convertServer,
  isGatewayEntry,
  type ConvertContext,
  type GatewayServer,
} from './convert-server.js';
import type { EditOperation } from './edit-client-file.js';
import { entryPath } from './gateway-entry.js';
import type { ClientServers } from './parse-client-file.js';

/** What `install` will do to one client file. */
export interface InstallPlan {
  readonly operations: EditOperation[];
  /** The gateway's entry was already there with the same content. */
  readonly unchanged: boolean;
  /** Client servers `--replace` removes: the gateway runs them now. */
  readonly removed: {
    readonly name: string;
    readonly path: readonly string[];
    readonly as: string;
  }[];
  /** Client servers left in place, with why. */
  readonly kept: { readonly name: string; readonly reason: string }[];
  /** Variables the gateway config needs that this file had values for (names only here). */
  readonly carried: string[];
  /** Variables the gateway config needs that this file has no value for. */
  readonly missing: string[];
}

/** The inputs of an install plan; all plain data. */
export interface InstallInput {
  readonly location: ClientLocation;
  readonly found: ClientServers;
  /** The parsed file (for the entry already there). */
  readonly data: unknown;
  readonly entryName: string;
  /** The entry without `env`; the plan adds the secrets it can carry over. */
  readonly entry: Record<string, unknown>;
  readonly gatewayServers: Readonly<Record<string, GatewayServer>>;
  readonly replace: boolean;
  readonly convert: ConvertContext;
}

const REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)(:-[^}]*)?\}/g;

/** Every `${env:NAME}` without a default the gateway's servers need. */
export const requiredVariables = (servers: Readonly<Record<string, GatewayServer>>): string[] => {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(REFERENCE)) {
        if (match[2] === undefined && match[1] !== undefined) names.add(match[1]);
      }
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  // Disabled servers count too: the config is checked whole, whether a server starts or not.
  for (const server of Object.values(servers)) {
    visit([server.args, server.env, server.headers, server.url]);
  }
  return [...names].sort();
};

/** A gateway value matches a client value when they agree outside its `${env:…}` parts. */
const matchesModuloReferences = (gateway: string, client: string): boolean => {
  if (gateway === client) return true;
  const parts = gateway.split(/\$\{env:[^}]*\}/);
  if (parts.length === 1) return false;
  const pattern = parts
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*?');
  return new RegExp(`^${pattern}$`).test(client);
};

/** True when a gateway server runs the same program (or URL) as a client's entry. */
export const isSameServer = (gateway: GatewayServer, client: GatewayServer): boolean => {
  if (gateway.url !== undefined || client.url !== undefined) {
    return (
      gateway.url !== undefined &&
      client.url !== undefined &&
      matchesModuloReferences(gateway.url, client.url)
    );
  }
  if (gateway.command !== client.command) return false;
  const a = gateway.args ?? [];
  const b = client.args ?? [];
  return a.length === b.length && a.every((arg, i) => matchesModuloReferences(arg, b[i] ?? ''));
};

/** Works out the edit for `install`: the entry, the secrets it carries, what `--replace` removes. */
export const planInstall = (input: InstallInput): InstallPlan => {
  const required = requiredVariables(input.gatewayServers);
  // The same import init ran gives each secret of this file the same variable name.
  const { secrets } = buildGatewayConfig(
    [{ location: input.location, found: input.found }],
    input.convert,
  );
  const values = new Map(secrets.map((secret) => [secret.name, secret.value]));
  const at = entryPath(input.location, input.entryName);
  const current = valueAt(input.data, at);
  // After `--replace` the values live only in the gateway's own entry: keep them from there.
  const currentEnv = valueAt(current, ['env']);
  if (typeof currentEnv === 'object' && currentEnv !== null) {
    for (const [name, value] of Object.entries(currentEnv)) {
      if (typeof value === 'string' && !values.has(name)) values.set(name, value);
    }
  }
  const env: Record<string, string> = {};
  const carried: string[] = [];
  const missing: string[] = [];
  for (const name of required) {
    const value = values.get(name);
    if (value === undefined) missing.push(name);
    else {
      env[name] = value;
      carried.push(name);
    }
  }
  const entry = { ...input.entry, ...(carried.length > 0 ? { env } : {}) };
  const operations: EditOperation[] = [];
  const unchanged = isDeepStrictEqual(current, entry);
  if (!unchanged) operations.push({ kind: 'set', path: at, value: entry });

  const removed: { name: string; path: readonly string[]; as: string }[] = [];
  const kept: { name: string; reason: string }[] = [];
  for (const raw of input.found.servers) {
    if (raw.path.join('\u0000') === at.join('\u0000') || isGatewayEntry(raw.entry)) continue;
    const converted = convertServer(raw, { ...input.convert, inputs: input.found.inputs });
    const server = converted.server;
    const match =
      server === undefined
        ? undefined
        : Object.entries(input.gatewayServers).find(([, gateway]) => isSameServer(gateway, server));
    if (match === undefined) {
      kept.push({ name: raw.name, reason: 'not in the gateway config' });
    } else if (!input.replace) {
      kept.push({
        name: raw.name,
        reason: `also in the gateway as "${match[0]}" (--replace removes it here)`,
      });
    } else {
      removed.push({ name: raw.name, path: raw.path, as: match[0] });
      operations.push({ kind: 'remove', path: raw.path });
    }
  }
  return { operations, unchanged: operations.length === 0, removed, kept, carried, missing };
};

/** The value at a key path of parsed data, if any. */
export const valueAt = (data: unknown, keys: readonly string[]): unknown => {
  let node: unknown = data;
  for (const key of keys) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
};
