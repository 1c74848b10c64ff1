import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { stageFileAtomic, writeFileAtomic } from './write-file-atomic.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mcp-gateway-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('stageFileAtomic', () => {
  test('leaves the target as it is until committed, then replaces it whole, owner-only', async () => {
    const target = join(dir, 'head.json');
    await writeFile(target, 'old');
    const staged = await stageFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toHaveLength(2);
    await staged.commit();
    await staged.discard();
    expect(await readFile(target, 'utf8')).toBe('new');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['head.json']);
  });

  test('discarding an uncommitted file removes it and keeps the target', async () => {
    const target = join(dir, 'head.json');
    await writeFileAtomic(target, 'old');
    const staged = await stageFileAtomic(target, 'new');
    await staged.discard();
    expect(await readdir(dir)).toEqual(['head.json']);
    expect(await readFile(target, 'utf8')).toBe('old');
  });
});
