import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ElicitRequestSchema, ListRootsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, test } from 'vitest';
import { FILESYSTEM_SERVER, FIXTURE_SERVER } from '../helpers/paths.js';
import { connectGateway, nodeServer, trackGateways } from '../helpers/spawn-gateway.js';

const open = trackGateways();

const textOf = (result: Record<string, unknown>): string =>
  ((result['content'] ?? []) as { type: string; text?: string }[])
    .map((c) => c.text ?? '')
    .join('\n');

/**
 * The layout of issue 10 §2: `<root>/proj` holds the config (and so the state folder
 * `<root>/proj/.mcp-gateway`), `<root>/other` another project; each has a notes.txt.
 */
const layout = async (servers: (root: string) => Record<string, unknown>, policy?: unknown) => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mcp-gateway-paths-'));
  const proj = path.join(root, 'proj');
  await mkdir(proj);
  await mkdir(path.join(root, 'other'));
  await writeFile(path.join(proj, 'notes.txt'), 'notes of proj');
  await writeFile(path.join(root, 'other', 'notes.txt'), 'notes of other');
  const config = path.join(proj, 'mcp-gateway.config.json');
  await writeFile(
    config,
    JSON.stringify({ servers: servers(root), ...(policy === undefined ? {} : { policy }) }),
  );
  return { root, proj, config, stateDir: path.join(proj, '.mcp-gateway') };
};

const exists = async (file: string): Promise<boolean> =>
  stat(file).then(
    () => true,
    () => false,
  );

describe('relative paths are checked where the backend resolves them (issue 10 §2)', () => {
  test('server-filesystem on the parent folder: a relative path to the audit key or the state folder is denied', async () => {
    const { config, stateDir } = await layout((root) => ({
      fs: nodeServer(FILESYSTEM_SERVER, { args: [root] }),
    }));
    const gateway = await connectGateway(['--config', config]);
    open.push(gateway);
    // The backend resolves relative paths under <root>: this reads <root>/proj/notes.txt.
    const allowed = await gateway.client.callTool({
      name: 'fs__read_text_file',
      arguments: { path: 'proj/notes.txt' },
    });
    expect(textOf(allowed)).toBe('notes of proj');
    expect(await exists(path.join(stateDir, 'audit-key.pem'))).toBe(true);

    const key = await gateway.client.callTool({
      name: 'fs__read_text_file',
      arguments: { path: 'proj/.mcp-gateway/audit-key.pem' },
    });
    expect(key.isError).toBe(true);
    expect(textOf(key)).not.toContain('PRIVATE KEY');
    expect(textOf(key)).toContain('builtin:self-protection');

    const planted = await gateway.client.callTool({
      name: 'fs__write_file',
      arguments: { path: 'proj/.mcp-gateway/planted.txt', content: 'planted' },
    });
    expect(planted.isError).toBe(true);
    expect(textOf(planted)).toContain('builtin:self-protection');
    expect(await exists(path.join(stateDir, 'planted.txt'))).toBe(false);
  });

  test('pathUnder allows notes.txt only if every folder the backend may read it from is inside', async () => {
    const { root, config } = await layout(
      (root) => ({
        fs: nodeServer(FILESYSTEM_SERVER, {
          args: [path.join(root, 'other'), path.join(root, 'proj')],
        }),
      }),
      {
        default: 'deny',
        rules: [
          {
            id: 'proj-reads',
            effect: 'allow',
            match: 'fs/read_text_file',
            args: { path: { pathUnder: '.' } },
          },
        ],
      },
    );
    const gateway = await connectGateway(['--config', config]);
    open.push(gateway);
    // server-filesystem would read <root>/other/notes.txt: not under the config's folder.
    const relative = await gateway.client.callTool({
      name: 'fs__read_text_file',
      arguments: { path: 'notes.txt' },
    });
    expect(relative.isError).toBe(true);
    expect(textOf(relative)).not.toContain('notes of other');
    expect(textOf(relative)).toContain('rule "default"');
    const absolute = await gateway.client.callTool({
      name: 'fs__read_text_file',
      arguments: { path: path.join(root, 'proj', 'notes.txt') },
    });
    expect(textOf(absolute)).toBe('notes of proj');
  });

  test('a server with "cwd": ".." reads relative paths from the parent folder, and is checked there', async () => {
    const { config } = await layout(() => ({
      up: { ...nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: 'read' } }), cwd: '..' },
      fs: { ...nodeServer(FILESYSTEM_SERVER, { args: ['.'] }), cwd: '..' },
    }));
    const gateway = await connectGateway(['--config', config]);
    open.push(gateway);
    const notes = await gateway.client.callTool({
      name: 'up__read',
      arguments: { path: 'other/notes.txt' },
    });
    expect(textOf(notes)).toBe('notes of other');
    for (const name of ['up__read', 'fs__read_text_file']) {
      const key = await gateway.client.callTool({
        name,
        arguments: { path: 'proj/.mcp-gateway/audit-key.pem' },
      });
      expect(key.isError).toBe(true);
      expect(textOf(key)).not.toContain('PRIVATE KEY');
      expect(textOf(key)).toContain('builtin:self-protection');
    }
  });

  test('MCP roots the agent gives server-filesystem count as folders relative paths resolve under', async () => {
    const { root, config } = await layout((root) => ({
      fs: nodeServer(FILESYSTEM_SERVER, { args: [path.join(root, 'other')] }),
    }));
    const gateway = await connectGateway(['--config', config], {
      capabilities: { roots: { listChanged: true } },
    });
    open.push(gateway);
    gateway.client.setRequestHandler(ListRootsRequestSchema, () => ({
      roots: [{ uri: pathToFileURL(root).href, name: 'everything' }],
    }));
    // Wait until the backend has swapped its folder for the root the agent gave.
    let folders = '';
    for (let attempt = 0; attempt < 100 && !folders.includes(root + '\n'); attempt++) {
      const listed = await gateway.client.callTool({
        name: 'fs__list_allowed_directories',
        arguments: {},
      });
      folders = `${textOf(listed)}\n`;
      if (!folders.includes(root + '\n')) await new Promise((r) => setTimeout(r, 50));
    }
    expect(folders).toContain(root);
    expect(folders).not.toContain(path.join(root, 'other'));
    const notes = await gateway.client.callTool({
      name: 'fs__read_text_file',
      arguments: { path: 'proj/notes.txt' },
    });
    expect(textOf(notes)).toBe('notes of proj');
    const key = await gateway.client.callTool({
      name: 'fs__read_text_file',
      arguments: { path: 'proj/.mcp-gateway/audit-key.pem' },
    });
    expect(key.isError).toBe(true);
    expect(textOf(key)).toContain('builtin:self-protection');
  });
});

describe('approval prompts show what is approved (issue 10 §5)', () => {
  const askSetup = async (env: Record<string, string> = {}) => {
    const { root, config } = await layout(
      (root) => ({ fs: nodeServer(FILESYSTEM_SERVER, { args: [root] }) }),
      {
        default: 'allow',
        rules: [{ id: 'ask-reads', effect: 'ask', match: 'fs/read_text_file' }],
      },
    );
    const gateway = await connectGateway(['--config', config], {
      capabilities: { elicitation: {} },
      env,
    });
    open.push(gateway);
    const asked: string[] = [];
    gateway.client.setRequestHandler(ElicitRequestSchema, async (request) => {
      asked.push(request.params.message);
      // A human reads before declining (a decline within approvals.fastDecline is a client's).
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { action: 'decline' };
    });
    return { root, gateway, asked };
  };

  test('a padded note cannot push the path out of the prompt', async () => {
    const { root, gateway, asked } = await askSetup();
    const secret = path.join(root, 'proj', 'notes.txt');
    const result = await gateway.client.callTool({
      name: 'fs__read_text_file',
      arguments: { note: 'Routine check. '.repeat(400), path: secret },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('declined');
    expect(asked).toHaveLength(1);
    const message = asked[0] ?? '';
    expect(message).toContain(`- path: ${JSON.stringify(secret)}`);
    expect(message.indexOf(secret)).toBeLessThan(message.indexOf('Routine check.'));
    expect(message).toMatch(/Shortened here: note \(\d+ of 6000 characters\)/);
  });

  test('a path too long to show is denied without asking (no console to show it in full)', async () => {
    const { root, gateway, asked } = await askSetup({ CI: 'true' });
    // 12 500 characters that resolve to <root>/proj/notes.txt (no path.join: it would collapse them).
    const long = `${root}/${'a/'.repeat(2500)}${'../'.repeat(2500)}proj/notes.txt`;
    const result = await gateway.client.callTool({
      name: 'fs__read_text_file',
      arguments: { path: long },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('too long to show in full');
    expect(asked).toHaveLength(0);
    expect(await readFile(path.join(root, 'proj', 'notes.txt'), 'utf8')).toBe('notes of proj');
  });
});
