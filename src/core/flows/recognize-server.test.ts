import { describe, expect, test } from 'vitest';
import { KNOWN_SERVERS } from './known-servers.js';
import { packageNamesIn, recognizeServer, type ServerIdentity } from './recognize-server.js';

const stdio = (command: string, ...args: string[]): ServerIdentity => ({
  kind: 'stdio',
  command,
  args,
});

describe('recognizeServer', () => {
  test.each([
    [
      'npx with a scoped package',
      stdio('npx', '-y', '@modelcontextprotocol/server-filesystem', '.'),
      'filesystem',
    ],
    [
      'npx with a version',
      stdio('npx', '-y', '@modelcontextprotocol/server-memory@2025.8.4'),
      'memory',
    ],
    [
      'node on an installed package',
      stdio(
        '/usr/bin/node',
        '/app/node_modules/@modelcontextprotocol/server-filesystem/dist/index.js',
        '/data',
      ),
      'filesystem',
    ],
    ['uvx with a PyPI package', stdio('uvx', 'mcp-server-fetch'), 'fetch'],
    ['python -m with the module name', stdio('python', '-m', 'mcp_server_fetch'), 'fetch'],
    ['a pinned PyPI package', stdio('uvx', 'mcp-server-fetch==2025.4.7'), 'fetch'],
    [
      'docker with a registry image and tag',
      stdio(
        'docker',
        'run',
        '-i',
        '--rm',
        '-e',
        'GITHUB_PERSONAL_ACCESS_TOKEN',
        'ghcr.io/github/github-mcp-server:v0.5.0',
      ),
      'github',
    ],
    ['docker hub catalog image', stdio('docker', 'run', '-i', '--rm', 'mcp/fetch'), 'fetch'],
    ['a binary on the PATH', stdio('/usr/local/bin/github-mcp-server', 'stdio'), 'github'],
    ['a Windows binary', stdio('C:\\tools\\github-mcp-server.exe', 'stdio'), 'github'],
    [
      'mcp-remote in front of a known remote',
      stdio('npx', 'mcp-remote', 'https://api.githubcopilot.com/mcp/'),
      'github',
    ],
    ['playwright', stdio('npx', '@playwright/mcp@latest'), 'browser'],
    [
      'postgres',
      stdio('npx', '-y', '@modelcontextprotocol/server-postgres', 'postgresql://localhost/db'),
      'database',
    ],
    ['a gmail family package', stdio('npx', 'gmail-mcp-server'), 'email'],
    ['an IMAP server package', stdio('uvx', 'mcp-server-imap'), 'email'],
    [
      'a known remote URL',
      { kind: 'remote', url: 'https://api.githubcopilot.com/mcp/' } as const,
      'github',
    ],
    [
      'a known remote URL with a trailing-dot host',
      { kind: 'remote', url: 'https://API.githubcopilot.com./mcp' } as const,
      'github',
    ],
    [
      'GitLab on its MCP path',
      { kind: 'remote', url: 'https://gitlab.com/api/v4/mcp' } as const,
      'gitlab',
    ],
  ])('%s', (_name, identity, id) => {
    expect(recognizeServer(identity)?.server.id).toBe(id);
  });

  test.each([
    [
      'a config name alone says nothing (the command is a custom script)',
      stdio('node', './fetch.js'),
    ],
    [
      'a folder argument is not a package',
      stdio('node', './server.js', '/home/me/github-mcp-server'),
    ],
    ['an unknown package', stdio('npx', '-y', 'some-other-mcp')],
    [
      'a host that only looks alike',
      { kind: 'remote', url: 'https://api.githubcopilot.com.evil.example/mcp' } as const,
    ],
    ['GitLab outside its MCP path', { kind: 'remote', url: 'https://gitlab.com/other' } as const],
    ['a mail word without mcp or server in the name', stdio('npx', 'mailparser')],
    ['an unparseable URL', { kind: 'remote', url: 'not a url' } as const],
  ])('%s: not recognised', (_name, identity) => {
    expect(recognizeServer(identity)).toBeUndefined();
  });

  test('the first token naming a package wins over later arguments', () => {
    const found = recognizeServer(
      stdio(
        'npx',
        '-y',
        '@modelcontextprotocol/server-filesystem',
        'node_modules/@modelcontextprotocol/server-github',
      ),
    );
    expect(found?.server.id).toBe('filesystem');
    expect(found?.by).toBe('@modelcontextprotocol/server-filesystem');
  });
});

describe('packageNamesIn', () => {
  test.each([
    ['@scope/name@1.2.3', false, ['@scope/name']],
    ['npm:@scope/name', false, ['@scope/name']],
    ['pkg_name==1.0', false, ['pkg_name', 'pkg-name']],
    ['localhost:5000/team/image:tag', false, ['localhost:5000/team/image', 'team/image']],
    ['ghcr.io/o/n@sha256:abc', false, ['ghcr.io/o/n', 'o/n']],
    ['/opt/bin/tool', false, []],
    ['/opt/bin/tool', true, ['tool']],
    ['--flag', false, []],
  ])('%s (command: %s) → %j', (token, isCommand, names) => {
    expect(packageNamesIn(token, isCommand)).toEqual(names);
  });
});

test('every built-in server has a package or URL, and ids are unique', () => {
  const ids = KNOWN_SERVERS.map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const known of KNOWN_SERVERS)
    expect(known.packages.length + (known.urls?.length ?? 0)).toBeGreaterThan(0);
});
