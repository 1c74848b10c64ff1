import { canonicalJson } from '../core/canonical-json.js';
import type { ClientLocation } from './client-locations.js';
import {
  convertServer,
  type ConvertContext,
  type ConvertedServer,
  type GatewayServer,
} from './convert-server.js';
import { extractSecrets, type ExtractedSecret } from './extract-secrets.js';
import type { ClientServers, EditorInput } from './parse-client-file.js';
import { isValidServerName, toServerName, uniqueServerName } from './server-names.js';

/** The name `install` gives the gateway's entry in a client, unless told otherwise. */
export const DEFAULT_ENTRY_NAME = 'gateway';

/** One file that was read, with what it held. */
export interface ImportSource {
  readonly location: ClientLocation;
  readonly found: ClientServers;
}

/** One imported server: where it came from and the name it has now. */
export interface ImportedServer {
  readonly name: string;
  readonly sourceName: string;
  readonly file: string;
  readonly enabled: boolean;
  readonly notes: readonly string[];
}

/** What `init` decided, for the summary and for `--json`. */
export interface ImportResult {
  /** The config file's content, ready to write (no secret values in it). */
  readonly config: Record<string, unknown>;
  readonly imported: ImportedServer[];
  readonly renamed: { readonly from: string; readonly to: string; readonly file: string }[];
  readonly skipped: { readonly name: string; readonly file: string; readonly reason: string }[];
  readonly duplicates: { readonly name: string; readonly file: string; readonly sameAs: string }[];
  readonly secrets: ExtractedSecret[];
  readonly prompted: {
    readonly name: string;
    readonly server: string;
    readonly input?: EditorInput;
  }[];
  readonly otherProjects: {
    readonly file: string;
    readonly dir: string;
    readonly names: string[];
  }[];
}

/** The starter policy's one rule: tools their server marks read-only run without asking. */
export const STARTER_POLICY = {
  mode: 'enforce',
  default: 'ask',
  rules: [
    {
      id: 'allow-reads',
      effect: 'allow',
      match: '**',
      access: 'read',
      reason: 'reads are allowed; everything else asks first',
    },
  ],
} as const;

/**
 * Turns the servers found in client files into the gateway's config: valid unique names,
 * secrets replaced by `${env:NAME}`, identical servers once, a starter policy. Pure.
 */
export const buildGatewayConfig = (
  sources: readonly ImportSource[],
  ctx: ConvertContext & { readonly schema?: string },
): ImportResult => {
  const taken = new Set<string>();
  const seen = new Map<string, string>();
  const kept: { name: string; server: GatewayServer; converted: ConvertedServer }[] = [];
  const renamed: ImportResult['renamed'] = [];
  const skipped: ImportResult['skipped'] = [];
  const duplicates: ImportResult['duplicates'] = [];
  const prompted: ImportResult['prompted'] = [];
  const otherProjects: ImportResult['otherProjects'] = [];

  for (const { location, found } of sources) {
    for (const other of found.otherProjects) otherProjects.push({ file: location.file, ...other });
    for (const raw of found.servers) {
      const converted = convertServer(raw, { ...ctx, inputs: found.inputs });
      if (converted.server === undefined) {
        skipped.push({
          name: raw.name,
          file: location.file,
          reason: converted.skipped ?? 'unknown',
        });
        continue;
      }
      const identity = canonicalJson({ ...converted.server, enabled: undefined });
      const same = seen.get(identity);
      if (same !== undefined) {
        duplicates.push({ name: raw.name, file: location.file, sameAs: same });
        continue;
      }
      const base = isValidServerName(raw.name) ? raw.name : toServerName(raw.name);
      const name = uniqueServerName(base, taken);
      taken.add(name);
      seen.set(identity, name);
      if (name !== raw.name) renamed.push({ from: raw.name, to: name, file: location.file });
      for (const variable of converted.promptedVariables) {
        prompted.push({
          name: variable.name,
          server: name,
          ...(variable.input === undefined ? {} : { input: variable.input }),
        });
      }
      kept.push({ name, server: { ...converted.server, trustAnnotations: true }, converted });
    }
  }

  const { servers, secrets } = extractSecrets(kept);
  const config: Record<string, unknown> = {
    ...(ctx.schema === undefined ? {} : { $schema: ctx.schema }),
    servers: Object.fromEntries(servers.map(({ name, server }) => [name, server])),
    policy: STARTER_POLICY,
  };
  return {
    config,
    imported: kept.map(({ name, server, converted }) => ({
      name,
      sourceName: converted.raw.name,
      file: converted.raw.location.file,
      enabled: server.enabled !== false,
      notes: converted.notes,
    })),
    renamed,
    skipped,
    duplicates,
    secrets,
    prompted,
    otherProjects,
  };
};
