import { describe, expect, test } from 'vitest';
import { serverPathsOf, withRoots, type ServerLocation } from './relative-base.js';

const stdio = (command: string, args: string[], cwd = '/cfg'): ServerLocation => ({
  name: 's',
  kind: 'stdio',
  command,
  args,
  cwd,
});

describe('serverPathsOf: where a configured server resolves relative paths', () => {
  test.each([
    ['a generic server: its cwd', stdio('node', ['server.js', '/data']), ['/cfg']],
    ['a generic server with cwd ..', stdio('node', ['server.js'], '/'), ['/']],
    [
      'server-filesystem run by node: its folders',
      stdio('node', ['/nm/@modelcontextprotocol/server-filesystem/dist/index.js', '/a', '/b']),
      ['/a', '/b'],
    ],
    [
      'server-filesystem through npx, relative folders against its cwd',
      stdio('npx', ['-y', '@modelcontextprotocol/server-filesystem', '..', 'sub', '~/x']),
      ['/', '/cfg/sub', '/home/me/x'],
    ],
    [
      'a pinned version through npx',
      stdio('npx', ['-y', '@modelcontextprotocol/server-filesystem@2026.8.31', '/a']),
      ['/a'],
    ],
    ['the installed bin', stdio('/usr/local/bin/mcp-server-filesystem', ['/a']), ['/a']],
    [
      'Windows-style npx path',
      stdio('npx.cmd', ['@modelcontextprotocol\\server-filesystem', 'C:\\work']),
      ['c:/work'],
    ],
    [
      'server-filesystem without folders: its cwd',
      stdio('npx', ['@modelcontextprotocol/server-filesystem']),
      ['/cfg'],
    ],
    [
      'a lookalike package is a generic server',
      stdio('npx', ['@evil/server-filesystem-plus', '/a']),
      ['/cfg'],
    ],
  ])('%s', (_title, server, folders) => {
    expect(serverPathsOf(server, '/home/me').base).toEqual({ kind: 'folders', folders });
  });

  test.each([
    ['https://api.example.com/mcp', 'elsewhere'],
    ['http://127.0.0.1:9000/mcp', 'unknown'],
    ['http://localhost:9000/mcp', 'unknown'],
    ['http://[::1]/mcp', 'unknown'],
    ['http://192.168.1.4/mcp', 'unknown'],
    ['http://nas.local/mcp', 'unknown'],
    ['not a url', 'unknown'],
  ])('a remote server at %s: %s', (url, kind) => {
    expect(serverPathsOf({ name: 'r', kind: 'remote', url }, '/home/me').base).toEqual({ kind });
  });
});

describe('withRoots: what the agent gave a backend as MCP roots', () => {
  const fs = serverPathsOf(
    stdio('node', ['/nm/@modelcontextprotocol/server-filesystem/dist/index.js', '/a']),
    '/home/me',
  );
  const generic = serverPathsOf(stdio('node', ['server.js']), '/home/me');
  const roots = (...uris: string[]) => ({ pending: false, uris, overflowed: false });
  test.each([
    [
      'server-filesystem keeps its folders and adds roots',
      fs,
      roots('file:///r', 'rel'),
      ['/a', '/r', '/cfg/rel'],
    ],
    ['a generic server adds roots to its cwd', generic, roots('file:///r'), ['/cfg', '/r']],
    ['a percent-encoded file URI', generic, roots('file:///my%20dir'), ['/cfg', '/my dir']],
    ['a file URI on another host is skipped', generic, roots('file://host/share'), ['/cfg']],
  ])('%s', (_title, server, view, folders) => {
    expect(withRoots(server, view, '/home/me')).toEqual({ kind: 'folders', folders });
  });

  test('a pending answer or too many roots make the base unknown', () => {
    expect(withRoots(fs, { pending: true, uris: [], overflowed: false }, '/h')).toEqual({
      kind: 'unknown',
    });
    expect(withRoots(generic, { pending: false, uris: [], overflowed: true }, '/h')).toEqual({
      kind: 'unknown',
    });
  });
});
