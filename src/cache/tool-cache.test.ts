import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { validateConfig } from '../config/load.js';
import type { ResolvedServer } from '../config/resolve.js';
import { writeFileAtomic } from '../state-files/write-file-atomic.js';
import { CACHE_FILE_NAME, openToolCache, serverFingerprint, type ToolCache } from './tool-cache.js';

// Counting writes is the only way to see coalescing; the spy still writes for real.
vi.mock('../state-files/write-file-atomic.js', async (importOriginal) => {
  const actual = await importOriginal<{ writeFileAtomic: typeof writeFileAtomic }>();
  return { writeFileAtomic: vi.fn(actual.writeFileAtomic) };
});

const tool = (name: string, description = `Tool ${name}`) => ({
  name,
  description,
  inputSchema: { type: 'object' as const, properties: {} },
});

const listing = (fingerprint: string, ...names: string[]) => ({
  tools: names.map((name) => tool(name)),
  fingerprint,
});

const resolveServer = (server: Record<string, unknown>): ResolvedServer => {
  const config = validateConfig({ servers: { fx: server } }, '/etc/gw/mcp-gateway.config.json', {
    cwd: '/etc/gw',
    env: { HOME: '/home/me', TOKEN: 'token-value-1' },
  });
  const resolved = config.servers[0];
  if (resolved === undefined) throw new Error('no server');
  return resolved;
};

let root: string;
let stateDir: string;
const cachePath = () => path.join(stateDir, CACHE_FILE_NAME);
const clock = () => new Date('2025-01-01T00:00:00.000Z');
const open = (options: Parameters<typeof openToolCache>[1] = {}): Promise<ToolCache> =>
  openToolCache(stateDir, { debounceMs: 20, now: clock, ...options });

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-gateway-cache-'));
  stateDir = path.join(root, '.mcp-gateway');
  vi.mocked(writeFileAtomic).mockClear();
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('openToolCache', () => {
  test('a listing put in one session is there in the next, with its instructions and server info', async () => {
    const first = await open();
    first.put('fx', {
      ...listing('sha256:a', 'echo', 'slow'),
      instructions: 'Use echo to echo.',
      serverInfo: { name: 'fixture', version: '1.0.0' },
      capabilities: { tools: { listChanged: true } },
    });
    await first.close();

    const second = await open();
    expect(second.get('fx', 'sha256:a')).toEqual({
      tools: [tool('echo'), tool('slow')],
      instructions: 'Use echo to echo.',
      serverInfo: { name: 'fixture', version: '1.0.0' },
      capabilities: { tools: { listChanged: true } },
      fingerprint: 'sha256:a',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    expect(second.warnings).toEqual([]);
    await second.close();
  });

  test('a clean review of the instructions is kept in the next session, while the text stays the same', async () => {
    const first = await open();
    first.put('fx', { ...listing('sha256:a', 'echo'), instructions: 'Use echo.' });
    first.markClean('fx', 'key-1');
    // The same listing again (a refresh) keeps the verdict, and writes nothing new.
    first.put('fx', { ...listing('sha256:a', 'echo'), instructions: 'Use echo.' });
    await first.close();

    const second = await open();
    expect(second.get('fx', 'sha256:a')?.instructionsClean).toBe('key-1');
    // New instructions text: the old verdict says nothing about it.
    second.put('fx', { ...listing('sha256:a', 'echo'), instructions: 'Use echo, always first.' });
    expect(second.get('fx', 'sha256:a')?.instructionsClean).toBeUndefined();
    // Nothing to mark for a server without cached instructions.
    second.put('other', listing('sha256:b', 'x'));
    second.markClean('other', 'key-2');
    expect(second.get('other', 'sha256:b')?.instructionsClean).toBeUndefined();
    await second.close();
  });

  test('a clean review of the tools is kept in the next session, also across a changed listing', async () => {
    const first = await open();
    first.put('fx', listing('sha256:a', 'echo'));
    first.markToolsClean('fx', 'tools-1');
    await first.close();

    const second = await open();
    expect(second.get('fx', 'sha256:a')?.toolsClean).toBe('tools-1');
    // The key names the tools it was given for: a new listing keeps it, and it no longer matches.
    second.put('fx', listing('sha256:a', 'echo', 'slow'));
    expect(second.get('fx', 'sha256:a')?.toolsClean).toBe('tools-1');
    second.markToolsClean('missing', 'tools-2');
    expect(second.get('missing', 'sha256:a')).toBeUndefined();
    await second.close();
  });

  test('an entry whose fingerprint no longer matches the config is not returned', async () => {
    const cache = await open();
    cache.put('fx', listing('sha256:old', 'echo'));
    expect(cache.get('fx', 'sha256:new')).toBeUndefined();
    expect(cache.get('other', 'sha256:old')).toBeUndefined();
    await cache.close();
  });

  test('a corrupt file is ignored with one warning and replaced on the next put', async () => {
    await mkdir(stateDir, { recursive: true });
    await writeFile(cachePath(), '{"v":1,"servers":');
    const onWarning = vi.fn();
    const cache = await open({ onWarning });
    expect(cache.get('fx', 'sha256:a')).toBeUndefined();
    expect(cache.warnings).toHaveLength(1);
    expect(cache.warnings[0]).toMatch(
      /Ignoring the tool cache .*cache\.json: it is not valid JSON/,
    );
    expect(onWarning).toHaveBeenCalledTimes(1);

    cache.put('fx', listing('sha256:a', 'echo'));
    await cache.close();
    const reopened = await open();
    expect(reopened.get('fx', 'sha256:a')?.tools).toEqual([tool('echo')]);
    expect(reopened.warnings).toEqual([]);
  });

  test.each([
    ['another version', { v: 2, servers: {} }, /its version is 2/],
    ['no servers object', { v: 1, servers: [] }, /"servers" is not an object/],
    ['not an object', [1, 2], /not a JSON object/],
  ])('a file with %s is ignored', async (_what, content, reason) => {
    await mkdir(stateDir, { recursive: true });
    await writeFile(cachePath(), JSON.stringify(content));
    const cache = await open();
    expect(cache.warnings).toEqual([expect.stringMatching(reason)]);
  });

  test('a malformed entry is dropped while the others are still used', async () => {
    await mkdir(stateDir, { recursive: true });
    const good = { ...listing('sha256:a', 'echo'), updatedAt: '2024-12-31T00:00:00.000Z' };
    const bad = { tools: [{ description: 'no name' }], fingerprint: 'sha256:b', updatedAt: 'x' };
    await writeFile(cachePath(), JSON.stringify({ v: 1, servers: { good, bad } }));
    const cache = await open();
    expect(cache.get('good', 'sha256:a')?.tools).toEqual([tool('echo')]);
    expect(cache.get('bad', 'sha256:b')).toBeUndefined();
    expect(cache.warnings).toEqual([expect.stringContaining('malformed entries')]);
  });

  test('puts within the debounce window are written together, once', async () => {
    const cache = await open({ debounceMs: 100 });
    cache.put('a', listing('sha256:a', 'one'));
    cache.put('b', listing('sha256:b', 'two'));
    cache.put('a', listing('sha256:a', 'one', 'three'));
    await expect(stat(cachePath())).rejects.toThrow(/ENOENT/);
    await vi.waitFor(() => {
      expect(writeFileAtomic).toHaveBeenCalledTimes(1);
    });
    await cache.close();
    expect(writeFileAtomic).toHaveBeenCalledTimes(1);
    const onDisk = JSON.parse(await readFile(cachePath(), 'utf8'));
    expect(Object.keys(onDisk.servers)).toEqual(['a', 'b']);
    expect(onDisk.servers.a.tools.map((t: { name: string }) => t.name)).toEqual(['one', 'three']);
  });

  test('putting the listing the cache already holds writes nothing', async () => {
    const first = await open();
    first.put('fx', listing('sha256:a', 'echo'));
    await first.close();
    vi.mocked(writeFileAtomic).mockClear();

    const second = await open({ now: () => new Date('2030-01-01T00:00:00.000Z') });
    second.put('fx', listing('sha256:a', 'echo'));
    await second.close();
    expect(writeFileAtomic).not.toHaveBeenCalled();
  });

  test('retain forgets servers that are no longer configured', async () => {
    const first = await open();
    first.put('keep', listing('sha256:k', 'echo'));
    first.put('drop', listing('sha256:d', 'echo'));
    await first.close();

    const second = await open();
    second.retain(['keep']);
    await second.close();
    const onDisk = JSON.parse(await readFile(cachePath(), 'utf8'));
    expect(Object.keys(onDisk.servers)).toEqual(['keep']);
  });

  test('two gateways sharing a state folder keep each other’s servers', async () => {
    const one = await open();
    const two = await open();
    one.put('a', listing('sha256:a', 'echo'));
    await one.close();
    two.put('b', listing('sha256:b', 'echo'));
    await two.close();
    const third = await open();
    expect(third.get('a', 'sha256:a')).toBeDefined();
    expect(third.get('b', 'sha256:b')).toBeDefined();
  });

  test('the file is readable by its owner only, in a folder only its owner can enter', async () => {
    const cache = await open();
    cache.put('fx', listing('sha256:a', 'echo'));
    await cache.close();
    expect((await stat(cachePath())).mode & 0o777).toBe(0o600);
    expect((await stat(stateDir)).mode & 0o777).toBe(0o700);
  });

  test('a disabled cache reads and writes nothing', async () => {
    await mkdir(stateDir, { recursive: true });
    await writeFile(
      cachePath(),
      JSON.stringify({ v: 1, servers: { fx: { ...listing('sha256:a', 'echo'), updatedAt: 'x' } } }),
    );
    const cache = await open({ enabled: false });
    expect(cache.get('fx', 'sha256:a')).toBeUndefined();
    cache.put('other', listing('sha256:b', 'echo'));
    cache.retain([]);
    await cache.close();
    expect(writeFileAtomic).not.toHaveBeenCalled();
    expect(JSON.parse(await readFile(cachePath(), 'utf8')).servers).toHaveProperty('fx');
  });

  test('a failed write is reported, not thrown', async () => {
    // The state folder's place is taken by a file, so neither mkdir nor the write can succeed.
    await writeFile(stateDir, 'not a folder');
    const onWarning = vi.fn();
    const cache = await open({ onWarning });
    cache.put('fx', listing('sha256:a', 'echo'));
    await cache.close();
    expect(onWarning).toHaveBeenCalledWith(expect.stringMatching(/Could not write the tool cache/));
  });
});

describe('serverFingerprint', () => {
  const base = { command: 'node', args: ['server.js'], env: { TOKEN: '${env:TOKEN}' } };

  test('is stable for the same config and starts with sha256:', () => {
    expect(serverFingerprint(resolveServer(base))).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(serverFingerprint(resolveServer(base))).toBe(serverFingerprint(resolveServer(base)));
  });

  test.each([
    ['command', { ...base, command: 'python' }],
    ['args', { ...base, args: ['server.js', '--verbose'] }],
    ['env', { ...base, env: { TOKEN: 'other' } }],
    ['cwd', { ...base, cwd: 'sub' }],
    ['inheritEnv', { ...base, inheritEnv: true }],
  ])('changes when %s changes', (_field, changed) => {
    expect(serverFingerprint(resolveServer(changed))).not.toBe(
      serverFingerprint(resolveServer(base)),
    );
  });

  test.each([
    ['url', { url: 'https://example.invalid/other' }],
    ['headers', { headers: { Authorization: 'Bearer other' } }],
    ['transport', { transport: 'sse' }],
  ])('changes when the remote %s changes', (_field, change) => {
    const remote = {
      url: 'https://example.invalid/mcp',
      headers: { Authorization: 'Bearer ${env:TOKEN}' },
    };
    expect(serverFingerprint(resolveServer({ ...remote, ...change }))).not.toBe(
      serverFingerprint(resolveServer(remote)),
    );
  });

  test('ignores settings that do not change what the server lists', () => {
    const tuned = { ...base, timeouts: { startup: '1m', call: '5s' }, tags: ['x'], enabled: false };
    expect(serverFingerprint(resolveServer(tuned))).toBe(serverFingerprint(resolveServer(base)));
  });

  test('the cache file holds the hash of a secret, never the secret', async () => {
    const cache = await open();
    cache.put('fx', listing(serverFingerprint(resolveServer(base)), 'echo'));
    await cache.close();
    expect(await readFile(cachePath(), 'utf8')).not.toContain('token-value-1');
  });
});
