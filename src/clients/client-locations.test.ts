import { describe, expect, test } from 'vitest';
import { clientLocations, formatOfFile } from './client-locations.js';

const mac = { platform: 'darwin', home: '/Users/me', env: {}, cwd: '/Users/me/src/app' } as const;
const linux = { platform: 'linux', home: '/home/me', env: {}, cwd: '/home/me/app' } as const;
const windows = {
  platform: 'win32',
  home: 'C:\\Users\\me',
  env: { APPDATA: 'C:\\Users\\me\\AppData\\Roaming' },
  cwd: 'C:\\src\\app',
} as const;

const files = (
  client: Parameters<typeof clientLocations>[0],
  ctx: Parameters<typeof clientLocations>[1],
) => clientLocations(client, ctx).map((location) => location.file);

describe('client config locations', () => {
  test.each([
    [mac, ['/Users/me/Library/Application Support/Claude/claude_desktop_config.json']],
    [linux, ['/home/me/.config/Claude/claude_desktop_config.json']],
    [windows, ['C:\\Users\\me\\AppData\\Roaming\\Claude\\claude_desktop_config.json']],
  ])('Claude Desktop on %o', (ctx, expected) => {
    expect(files('claude-desktop', ctx)).toEqual(expected);
  });

  test('VS Code: the user mcp.json and settings.json, then the workspace file', () => {
    expect(files('vscode', mac)).toEqual([
      '/Users/me/Library/Application Support/Code/User/mcp.json',
      '/Users/me/Library/Application Support/Code/User/settings.json',
      '/Users/me/src/app/.vscode/mcp.json',
    ]);
    expect(files('vscode', windows)[0]).toBe(
      'C:\\Users\\me\\AppData\\Roaming\\Code\\User\\mcp.json',
    );
    expect(files('vscode', { ...linux, env: { XDG_CONFIG_HOME: '/xdg' } })[0]).toBe(
      '/xdg/Code/User/mcp.json',
    );
  });

  test('Claude Code, Cursor, Windsurf and Codex keep their files under the home folder', () => {
    expect(files('claude-code', linux)).toEqual([
      '/home/me/.claude.json',
      '/home/me/app/.mcp.json',
    ]);
    expect(files('cursor', windows)).toEqual([
      'C:\\Users\\me\\.cursor\\mcp.json',
      'C:\\src\\app\\.cursor\\mcp.json',
    ]);
    expect(files('windsurf', mac)).toEqual(['/Users/me/.codeium/windsurf/mcp_config.json']);
    expect(files('codex', linux)).toEqual([
      '/home/me/.codex/config.toml',
      '/home/me/app/.codex/config.toml',
    ]);
    expect(files('codex', { ...linux, env: { CODEX_HOME: '/opt/codex' } })[0]).toBe(
      '/opt/codex/config.toml',
    );
  });

  test('a file given by path is recognised by its shape', () => {
    expect(formatOfFile('/x/servers.json', { mcpServers: {} })?.format).toBe('mcp-servers');
    expect(formatOfFile('/x/.mcp.json', { mcpServers: {} })?.interpolation).toBe('claude-code');
    expect(formatOfFile('/x/mcp.json', { servers: {}, inputs: [] })?.format).toBe('vscode');
    expect(formatOfFile('/x/settings.json', { mcp: { servers: {} } })?.format).toBe(
      'vscode-settings',
    );
    expect(formatOfFile('/x/config.toml', {})?.format).toBe('codex');
    expect(formatOfFile('/x/other.json', { something: 1 })).toBeUndefined();
  });
});
