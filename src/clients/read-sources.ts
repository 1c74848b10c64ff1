import os from 'node:os';
import path from 'node:path';
import { GatewayError } from '../core/errors.js';
import type { ImportSource } from './build-gateway-config.js';
import { CLIENT_IDS, isClientId, type ClientId } from './client-facts.js';
import { readTextIfExists } from './client-file.js';
import {
  clientLocations,
  formatOfFile,
  type ClientLocation,
  type LocationContext,
} from './client-locations.js';
import { extractServers, parseClientText } from './parse-client-file.js';

/** The machine as `init`, `install` and `uninstall` see it, from the CLI's environment. */
export const locationContext = (
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  platform: NodeJS.Platform = process.platform,
): LocationContext => ({
  platform,
  home: (platform === 'win32' ? env['USERPROFILE'] : undefined) ?? env['HOME'] ?? os.homedir(),
  env,
  cwd,
});

/** One file that was read, or could not be. */
export interface ReadOutcome {
  readonly sources: ImportSource[];
  /** Files an automatic search found but could not parse: reported, not fatal. */
  readonly unreadable: { readonly file: string; readonly message: string }[];
}

/** The client whose name budget a `--from FILE` gets, by its format. */
const clientOfFile = (file: string, format: ClientLocation['format']): ClientId => {
  if (format === 'codex') return 'codex';
  if (format === 'claude-code' || path.basename(file) === '.mcp.json') return 'claude-code';
  if (format === 'vscode' || format === 'vscode-settings') return 'vscode';
  return 'claude-desktop';
};

/**
 * Reads the servers of the named clients or files (`init --from`), or of every client found
 * when none is named. A named source that is missing or does not parse is an error.
 */
export const readSources = async (
  from: readonly string[],
  ctx: LocationContext,
): Promise<ReadOutcome> => {
  const sources: ImportSource[] = [];
  const unreadable: { file: string; message: string }[] = [];
  const readLocation = async (location: ClientLocation, required: boolean): Promise<boolean> => {
    const text = await readTextIfExists(location.file);
    if (text === undefined) return false;
    try {
      const data = text.trim() === '' ? {} : parseClientText(text, location.format, location.file);
      sources.push({ location, found: extractServers(data, location) });
    } catch (error) {
      if (required) throw error;
      unreadable.push({ file: location.file, message: (error as Error).message });
    }
    return true;
  };

  if (from.length === 0) {
    for (const client of CLIENT_IDS) {
      for (const location of clientLocations(client, ctx)) await readLocation(location, false);
    }
    return { sources, unreadable };
  }
  for (const source of from) {
    if (isClientId(source)) {
      const locations = clientLocations(source, ctx);
      let any = false;
      for (const location of locations) any = (await readLocation(location, true)) || any;
      if (!any) {
        throw new GatewayError(
          'USAGE',
          `No ${source} config file found; looked at ${locations.map((l) => l.file).join(', ')}. Pass the file itself with --from PATH.`,
        );
      }
      continue;
    }
    const file = path.resolve(ctx.cwd, source);
    const text = await readTextIfExists(file);
    if (text === undefined) {
      throw new GatewayError(
        'USAGE',
        `--from ${source}: no such file (${file}), and not a client name (${CLIENT_IDS.join(', ')}).`,
      );
    }
    const toml = file.toLowerCase().endsWith('.toml');
    const data = parseClientText(text, toml ? 'codex' : 'mcp-servers', file);
    const detected = formatOfFile(file, data);
    if (detected === undefined) {
      throw new GatewayError(
        'USAGE',
        `${file} has no MCP servers: expected "mcpServers" (Claude Desktop, Cursor, Windsurf, Claude Code), "servers" (VS Code) or [mcp_servers.NAME] tables (Codex).`,
      );
    }
    const location: ClientLocation = {
      client: clientOfFile(file, detected.format),
      scope: 'project',
      file,
      format: detected.format,
      interpolation: detected.interpolation,
      // Claude Code's local scope is keyed by the folder it runs in; other files by their own.
      projectDir: detected.format === 'claude-code' ? ctx.cwd : path.dirname(file),
      writable: false,
    };
    sources.push({ location, found: extractServers(data, location) });
  }
  return { sources, unreadable };
};
