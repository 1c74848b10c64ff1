import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { QUIET_WORDS_MAX } from './cache-file.js';
import { CACHE_FILE_NAME, openToolCache } from './tool-cache.js';

let root: string;
let stateDir: string;
const cachePath = () => path.join(stateDir, CACHE_FILE_NAME);
const open = (scannerBuild = '1.0.0+aaaa') =>
  openToolCache(stateDir, { debounceMs: 10, scannerBuild });

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-gateway-quiet-'));
  stateDir = path.join(root, '.mcp-gateway');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the tool cache’s quiet words', () => {
  test('a word remembered in one start is known in the next of the same scanner build', async () => {
    const first = await open();
    expect(first.isQuietWord('message')).toBe(false);
    first.rememberQuietWord('message');
    expect(first.isQuietWord('message')).toBe(true);
    await first.close();
    const file = JSON.parse(await readFile(cachePath(), 'utf8')) as Record<string, unknown>;
    expect(file['quiet']).toEqual({ scanner: '1.0.0+aaaa', words: ['message'] });
    const next = await open();
    expect(next.isQuietWord('message')).toBe(true);
    expect(next.isQuietWord('messages')).toBe(false);
    await next.close();
  });

  test('another scanner build trusts none of them, and its own words replace them', async () => {
    const first = await open('1.0.0+aaaa');
    first.rememberQuietWord('message');
    await first.close();
    const other = await open('1.0.0+bbbb');
    expect(other.isQuietWord('message')).toBe(false);
    other.rememberQuietWord('query');
    await other.close();
    const file = JSON.parse(await readFile(cachePath(), 'utf8')) as Record<string, unknown>;
    expect(file['quiet']).toEqual({ scanner: '1.0.0+bbbb', words: ['query'] });
    expect((await open('1.0.0+aaaa')).isQuietWord('message')).toBe(false);
  });

  test('only short words of printable ASCII without a space are kept, at most QUIET_WORDS_MAX', async () => {
    const cache = await open();
    for (const word of ['', 'two words', 'caf\u00e9', 'tab\there', 'x'.repeat(65)])
      cache.rememberQuietWord(word);
    cache.rememberQuietWord('x'.repeat(64));
    expect(cache.isQuietWord('x'.repeat(64))).toBe(true);
    expect(cache.isQuietWord('two words')).toBe(false);
    for (let i = 0; i < QUIET_WORDS_MAX + 10; i++) cache.rememberQuietWord(`w${i}`);
    await cache.close();
    const file = JSON.parse(await readFile(cachePath(), 'utf8')) as { quiet: { words: string[] } };
    expect(file.quiet.words).toHaveLength(QUIET_WORDS_MAX);
    expect(file.quiet.words[0]).toBe('x'.repeat(64));
  });

  test('two gateways on one state folder keep both their words; a malformed list is ignored', async () => {
    const a = await open();
    const b = await open();
    a.rememberQuietWord('alpha');
    b.rememberQuietWord('bravo');
    await a.close();
    await b.close();
    const both = await open();
    expect(both.isQuietWord('alpha') && both.isQuietWord('bravo')).toBe(true);
    await both.close();

    await mkdir(stateDir, { recursive: true });
    await writeFile(
      cachePath(),
      JSON.stringify({
        v: 1,
        servers: {},
        quiet: { scanner: '1.0.0+aaaa', words: ['ok', 'not ok'] },
      }),
    );
    const broken = await open();
    expect(broken.isQuietWord('ok')).toBe(false);
    await broken.close();
  });

  test('a disabled cache knows and keeps no words', async () => {
    const cache = await openToolCache(stateDir, { enabled: false });
    cache.rememberQuietWord('message');
    expect(cache.isQuietWord('message')).toBe(false);
    await cache.close();
  });
});
