import path from 'node:path';
import type { ClientId } from './client-facts.js';

/**
 * How a client's config file is laid out:
 * - `mcp-servers`: JSON(C) with a top-level `mcpServers` map (Claude Desktop, Cursor, Windsurf,
 *   any file pasted from them);
 * - `claude-code`: `~/.claude.json`, with `mcpServers` (user scope) and
 *   `projects.<folder>.mcpServers` (local scope);
 * - `vscode`: VS Code's `mcp.json`, a `servers` map plus `inputs`;
 * - `vscode-settings`: VS Code's `settings.json` with the older `mcp.servers` (read only);
 * - `codex`: Codex's TOML `config.toml` with `[mcp_servers.NAME]` tables.
 */
export type ClientFormat = 'mcp-servers' | 'claude-code' | 'vscode' | 'vscode-settings' | 'codex';

/** Which `${…}` forms a client expands in its server entries. */
export type Interpolation = 'none' | 'claude-code' | 'editor';

/** One config file of one client. */
export interface ClientLocation {
  readonly client: ClientId;
  /** `user`: for every project; `project`: the project in the working directory. */
  readonly scope: 'user' | 'project';
  readonly file: string;
  readonly format: ClientFormat;
  readonly interpolation: Interpolation;
  /** The folder `${workspaceFolder}` and relative paths mean, for project files. */
  readonly projectDir?: string;
  /** `install` may write here (false for files the client only reads for compatibility). */
  readonly writable: boolean;
}

/** What the locations depend on; tests pass another platform, home and environment. */
export interface LocationContext {
  readonly platform: NodeJS.Platform;
  readonly home: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value === '' ? undefined : value;

/** The per-user application-data folder: where desktop apps keep their settings. */
const appDataDir = (ctx: LocationContext): string => {
  const p = pathFor(ctx.platform);
  if (ctx.platform === 'win32')
    return nonEmpty(ctx.env['APPDATA']) ?? p.join(ctx.home, 'AppData', 'Roaming');
  if (ctx.platform === 'darwin') return p.join(ctx.home, 'Library', 'Application Support');
  return nonEmpty(ctx.env['XDG_CONFIG_HOME']) ?? p.join(ctx.home, '.config');
};

/** Path functions of the platform the locations are for (Windows paths on Windows). */
export const pathFor = (platform: NodeJS.Platform): path.PlatformPath =>
  platform === 'win32' ? path.win32 : path.posix;

/** Every config file a client may keep its MCP servers in, user scope first. */
export const clientLocations = (client: ClientId, ctx: LocationContext): ClientLocation[] => {
  const p = pathFor(ctx.platform);
  const project = (file: string, format: ClientFormat, interpolation: Interpolation) => ({
    client,
    scope: 'project' as const,
    file: p.join(ctx.cwd, file),
    format,
    interpolation,
    projectDir: ctx.cwd,
    writable: true,
  });
  const user = (file: string, format: ClientFormat, interpolation: Interpolation) => ({
    client,
    scope: 'user' as const,
    file,
    format,
    interpolation,
    writable: format !== 'vscode-settings',
  });
  switch (client) {
    case 'claude-desktop':
      // Linux has no official build; the community ones use the XDG folder like this.
      return [
        user(
          p.join(appDataDir(ctx), 'Claude', 'claude_desktop_config.json'),
          'mcp-servers',
          'none',
        ),
      ];
    case 'claude-code':
      return [
        {
          ...user(p.join(ctx.home, '.claude.json'), 'claude-code', 'claude-code'),
          projectDir: ctx.cwd,
        },
        project('.mcp.json', 'mcp-servers', 'claude-code'),
      ];
    case 'cursor':
      return [
        user(p.join(ctx.home, '.cursor', 'mcp.json'), 'mcp-servers', 'editor'),
        project(p.join('.cursor', 'mcp.json'), 'mcp-servers', 'editor'),
      ];
    case 'vscode': {
      const userDir = p.join(appDataDir(ctx), 'Code', 'User');
      return [
        user(p.join(userDir, 'mcp.json'), 'vscode', 'editor'),
        user(p.join(userDir, 'settings.json'), 'vscode-settings', 'editor'),
        project(p.join('.vscode', 'mcp.json'), 'vscode', 'editor'),
      ];
    }
    case 'windsurf':
      return [
        user(p.join(ctx.home, '.codeium', 'windsurf', 'mcp_config.json'), 'mcp-servers', 'editor'),
      ];
    case 'codex': {
      const codexHome = nonEmpty(ctx.env['CODEX_HOME']) ?? p.join(ctx.home, '.codex');
      return [
        user(p.join(codexHome, 'config.toml'), 'codex', 'none'),
        project(p.join('.codex', 'config.toml'), 'codex', 'none'),
      ];
    }
  }
};

/** Guesses the format of a file given with `--from PATH` from its name and content. */
export const formatOfFile = (
  file: string,
  parsed: unknown,
): { format: ClientFormat; interpolation: Interpolation } | undefined => {
  const base = path.basename(file).toLowerCase();
  if (base.endsWith('.toml')) return { format: 'codex', interpolation: 'none' };
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  if (base === '.claude.json') return { format: 'claude-code', interpolation: 'claude-code' };
  if (isObject(record['mcpServers']))
    return {
      format: 'mcp-servers',
      interpolation: base === '.mcp.json' ? 'claude-code' : 'editor',
    };
  if (isObject(record['servers'])) return { format: 'vscode', interpolation: 'editor' };
  const mcp = record['mcp'];
  if (isObject(record['mcp.servers']) || (isObject(mcp) && isObject(mcp['servers'])))
    return { format: 'vscode-settings', interpolation: 'editor' };
  return undefined;
};

/** A plain JSON object (not null, not an array). */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
