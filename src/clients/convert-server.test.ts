import { describe, expect, test } from 'vitest';
import type { ClientLocation } from './client-locations.js';
import { convertServer, isGatewayEntry } from './convert-server.js';

const location = (overrides: Partial<ClientLocation> = {}): ClientLocation => ({
  client: 'cursor',
  scope: 'user',
  file: '/f',
  format: 'mcp-servers',
  interpolation: 'editor',
  writable: true,
  ...overrides,
});
const ctx = { platform: 'linux', home: '/home/me', cwd: '/work', inputs: [] } as const;
const convert = (entry: Record<string, unknown>, at: Partial<ClientLocation> = {}) =>
  convertServer(
    { name: 's', entry, path: ['mcpServers', 's'], location: location(at), disabled: false },
    ctx,
  );

describe('converting a client entry', () => {
  test("Claude Code's ${VAR} and ${VAR:-default} become ${env:…}", () => {
    const out = convert(
      { command: 'x', args: ['${A}', '${B:-b}'] },
      { interpolation: 'claude-code' },
    );
    expect(out.server?.args).toEqual(['${env:A}', '${env:B:-b}']);
  });

  test('editor variables: ${userHome}, ${workspaceFolder} of a project, ${input:id}, unknown ones reported', () => {
    const out = convert(
      {
        command: 'x',
        args: ['${userHome}/a', '${workspaceFolder}', '${input:api-key}', '${command:pick}'],
      },
      { scope: 'project', projectDir: '/p' },
    );
    expect(out.server?.args).toEqual(['/home/me/a', '/p', '${env:API_KEY}', '${command:pick}']);
    expect(out.promptedVariables.map((v) => v.name)).toEqual(['API_KEY']);
    expect(out.notes.join('\n')).toContain('${command:pick} is kept as written');
  });

  test('Claude Desktop expands nothing', () => {
    expect(
      convert({ command: 'x', args: ['${A}'] }, { interpolation: 'none' }).server?.args,
    ).toEqual(['${A}']);
  });

  test('transport types map to the gateway’s, WebSocket is skipped, unknown keys are reported', () => {
    expect(convert({ type: 'sse', url: 'https://a/sse' }).server).toEqual({
      url: 'https://a/sse',
      transport: 'sse',
    });
    expect(convert({ serverUrl: 'https://a/mcp' }).server).toEqual({ url: 'https://a/mcp' });
    expect(convert({ url: 'wss://a' }).skipped).toContain('WebSocket');
    expect(convert({ command: 'x', autoApprove: ['t'] }).notes.join()).toContain('policy');
  });

  test('the gateway’s own entry is recognised in every launcher form', () => {
    expect(
      isGatewayEntry({
        command: '/usr/bin/node',
        args: ['/opt/mcp-gateway/bin/mcp-gateway.js', '--config', 'c'],
      }),
    ).toBe(true);
    expect(isGatewayEntry({ command: 'npx', args: ['-y', 'mcp-gateway-cli@0.1.0'] })).toBe(true);
    expect(isGatewayEntry({ command: 'cmd', args: ['/c', 'npx', '-y', 'mcp-gateway-cli'] })).toBe(
      true,
    );
    expect(isGatewayEntry({ command: 'mcp-gateway' })).toBe(true);
    expect(isGatewayEntry({ command: 'npx', args: ['-y', 'some-mcp-gateway-server'] })).toBe(false);
  });
});
