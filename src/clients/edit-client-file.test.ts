import { describe, expect, test } from 'vitest';
import { detectFormatting, editClientText } from './edit-client-file.js';

const entry = { command: '/usr/bin/node', args: ['C:\\gw\\bin.js', '--config', '/c.json'] };

describe('editing client files in place', () => {
  test('JSONC: adds an entry, keeps comments and the rest byte for byte', () => {
    const text =
      '// top\n{\n  "mcpServers": {\n    // a\n    "a": { "command": "a" },\n  },\n  "other": 1, // why\n}\n';
    const out = editClientText(
      text,
      'mcp-servers',
      [{ kind: 'set', path: ['mcpServers', 'gw'], value: entry }],
      'f',
    );
    expect(out.startsWith('// top\n{\n  "mcpServers": {\n    // a\n')).toBe(true);
    expect(out).toContain('"other": 1, // why');
    expect(out).toContain('"gw": {');
    const back = editClientText(
      out,
      'mcp-servers',
      [{ kind: 'remove', path: ['mcpServers', 'gw'] }],
      'f',
    );
    expect(back).toContain('// a');
  });

  test('a missing file is created whole', () => {
    const out = editClientText(
      undefined,
      'vscode',
      [{ kind: 'set', path: ['servers', 'gw'], value: entry }],
      'f',
    );
    expect(JSON.parse(out)).toEqual({ servers: { gw: entry } });
  });

  test('keeps a byte-order mark and CRLF line ends', () => {
    const text = '\uFEFF{\r\n  "mcpServers": {}\r\n}\r\n';
    const out = editClientText(
      text,
      'mcp-servers',
      [{ kind: 'set', path: ['mcpServers', 'gw'], value: entry }],
      'f',
    );
    expect(out.startsWith('\uFEFF{\r\n')).toBe(true);
    expect(out).not.toMatch(/[^\r]\n/);
  });

  test('detects tabs and indentation width', () => {
    expect(detectFormatting('{\n\t"a": 1\n}')).toMatchObject({ insertSpaces: false });
    expect(detectFormatting('{\n    "a": 1\n}')).toMatchObject({ insertSpaces: true, tabSize: 4 });
  });

  test('TOML: appends a table, replaces it in place, removes a server with its sub-tables, keeps comments', () => {
    const text =
      '# head\nmodel = "m"\n\n[mcp_servers.a]\ncommand = "a" # note\n\n[mcp_servers.a.env]\nK = "v"\n\n[profiles.x]\nmodel = "y"\n';
    const added = editClientText(
      text,
      'codex',
      [{ kind: 'set', path: ['mcp_servers', 'gw'], value: { ...entry, env: { T: 'x"y' } } }],
      'f',
    );
    expect(added.startsWith(text.trimEnd())).toBe(true);
    expect(added).toContain(
      '[mcp_servers.gw]\ncommand = "/usr/bin/node"\nargs = ["C:\\\\gw\\\\bin.js", "--config", "/c.json"]\nenv = { T = "x\\"y" }\n',
    );
    const replaced = editClientText(
      added,
      'codex',
      [{ kind: 'set', path: ['mcp_servers', 'gw'], value: { command: 'n' } }],
      'f',
    );
    expect(replaced).toContain('[mcp_servers.gw]\ncommand = "n"\n');
    const removed = editClientText(
      text,
      'codex',
      [{ kind: 'remove', path: ['mcp_servers', 'a'] }],
      'f',
    );
    expect(removed).toBe('# head\nmodel = "m"\n\n[profiles.x]\nmodel = "y"\n');
  });

  test('TOML written as one inline mcp_servers table is refused, not rewritten', () => {
    const text = 'mcp_servers = { a = { command = "a" } }\n';
    expect(() =>
      editClientText(
        text,
        'codex',
        [{ kind: 'set', path: ['mcp_servers', 'gw'], value: entry }],
        'f',
      ),
    ).toThrow(/inline table/);
  });

  test('a file that does not parse is refused', () => {
    expect(() =>
      editClientText(
        '{ "mcpServers": ',
        'mcp-servers',
        [{ kind: 'set', path: ['mcpServers', 'gw'], value: entry }],
        'f',
      ),
    ).toThrow(/Cannot parse f at line 1/);
  });
});
