import path from 'node:path';
import type { ClientLocation } from './client-locations.js';

/** How a client starts the gateway: a program and the arguments before `--config`. */
export interface Launcher {
  readonly command: string;
  readonly args: readonly string[];
  /** `local`: this installation by absolute paths; `npx`: the published package. */
  readonly kind: 'local' | 'npx';
}

/** What the launcher is chosen from; tests pass their own. */
export interface LauncherContext {
  /** Absolute path of `bin/mcp-gateway.js` of the running installation. */
  readonly binPath: string;
  /** Absolute path of the node that runs it (`process.execPath`). */
  readonly execPath: string;
  readonly platform: NodeJS.Platform;
  readonly packageName: string;
  readonly version: string;
  /** `install --npx`: use the published package even from a stable installation. */
  readonly preferNpx: boolean;
}

/** True when the running copy lives in npm's npx cache, which `npm cache clean` may delete. */
export const isInNpxCache = (binPath: string): boolean =>
  binPath.replaceAll('\\', '/').includes('/_npx/');

/**
 * Absolute node plus absolute bin by default: GUI clients (Claude Desktop on macOS) do not
 * load the shell's PATH, so `node`/`npx` may not resolve, and an absolute path starts with no
 * lookup and no network. From the npx cache the published form is used instead, pinned to
 * this version, because that cache can be cleared under the client's feet.
 */
export const chooseLauncher = (ctx: LauncherContext): Launcher => {
  if (ctx.preferNpx || isInNpxCache(ctx.binPath)) {
    const npxArgs = ['-y', `${ctx.packageName}@${ctx.version}`];
    // Windows clients spawn without a shell, and npx is a .cmd script there.
    return ctx.platform === 'win32'
      ? { command: 'cmd', args: ['/c', 'npx', ...npxArgs], kind: 'npx' }
      : { command: 'npx', args: npxArgs, kind: 'npx' };
  }
  return { command: ctx.execPath, args: [path.resolve(ctx.binPath)], kind: 'local' };
};

/** The gateway's entry for one client file, in that client's schema. */
export const gatewayEntry = (
  location: Pick<ClientLocation, 'client' | 'format'>,
  launcher: Launcher,
  configFile: string,
  env: Readonly<Record<string, string>>,
): Record<string, unknown> => {
  const base = {
    command: launcher.command,
    args: [...launcher.args, '--config', configFile],
    ...(Object.keys(env).length > 0 ? { env: { ...env } } : {}),
  };
  // VS Code requires the transport type; Claude Code writes it itself (`claude mcp add`).
  if (location.format === 'vscode' || location.client === 'claude-code') {
    return { type: 'stdio', ...base };
  }
  return base;
};

/** Key path of a named server entry in a client file. */
export const entryPath = (location: Pick<ClientLocation, 'format'>, name: string): string[] => {
  switch (location.format) {
    case 'vscode':
      return ['servers', name];
    case 'codex':
      return ['mcp_servers', name];
    case 'mcp-servers':
    case 'claude-code':
      return ['mcpServers', name];
    case 'vscode-settings':
      return ['mcp', 'servers', name];
  }
};
