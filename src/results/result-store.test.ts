import { mkdtemp, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { silentLogger } from '../core/logger.js';
import { ResultStore } from './result-store.js';

const store = async (budgetBytes = 1_000_000) => {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'mcp-gateway-results-')), 'results');
  return { dir, store: new ResultStore({ dir, budgetBytes, logger: silentLogger }) };
};
const call = { id: 'c-1', exposed: 'fx__lines' };
const idOf = (uri: string): string => uri.split('/').pop() ?? '';

describe('ResultStore', () => {
  test('reads in consecutive byte ranges give back the whole text, whole characters each time', async () => {
    const { store: s } = await store();
    const owner = {};
    const text = 'aé😀b'.repeat(500) + 'end';
    const bytes = Buffer.byteLength(text);
    const kept = await s.keep(owner, text, bytes, call);
    if (!('uri' in kept)) throw new Error(kept.reason);
    for (const length of [1, 2, 3, 5, 7, 64]) {
      let back = '';
      for (let offset = 0; offset < bytes; offset += length) {
        const slice = await s.read(owner, idOf(kept.uri), offset, length);
        if ('error' in slice) throw new Error(slice.error);
        expect(slice.text).not.toContain('\uFFFD');
        back += slice.text;
      }
      expect(back.length).toBeGreaterThanOrEqual(text.length);
      // Short lengths may return one character twice (never skip one): with 4-byte emoji and a
      // 1-byte length, a read starting inside a character moves back to its start.
      if (length >= 4) expect(back).toBe(text);
    }
    await s.close();
  });

  test('a read ending inside a character stops before it; the next read starts at it', async () => {
    const { store: s } = await store();
    const owner = {};
    const kept = await s.keep(owner, 'ab😀cd', 8, call);
    if (!('uri' in kept)) throw new Error(kept.reason);
    const first = await s.read(owner, idOf(kept.uri), 0, 4);
    expect(first).toMatchObject({ text: 'ab', offset: 0, length: 2, total: 8 });
    const second = await s.read(owner, idOf(kept.uri), 4, 4);
    expect(second).toMatchObject({ text: '😀cd', offset: 2, length: 6 });
    await s.close();
  });

  test("a session cannot read another session's text; release and close delete the files", async () => {
    const { store: s, dir } = await store();
    const mine = {};
    const theirs = {};
    const kept = await s.keep(mine, 'secret text', 11, call);
    if (!('uri' in kept)) throw new Error(kept.reason);
    expect(await s.read(theirs, idOf(kept.uri))).toMatchObject({
      error: expect.stringContaining('no kept result') as unknown,
    });
    expect(s.listFor(theirs)).toEqual([]);
    const [own] = await readdir(dir);
    const folder = path.join(dir, own ?? '');
    if (process.platform !== 'win32') expect((await stat(folder)).mode & 0o777).toBe(0o700);
    expect(await readdir(folder)).toHaveLength(1);
    await s.release(mine);
    expect(await readdir(folder)).toEqual([]);
    expect(await s.read(mine, idOf(kept.uri))).toHaveProperty('error');
    await s.close();
    expect(await readdir(dir)).toEqual([]);
  });

  test('over its budget the oldest texts go first; a text larger than the budget is refused', async () => {
    const { store: s } = await store(100);
    const owner = {};
    const first = await s.keep(owner, 'a'.repeat(60), 60, call);
    const second = await s.keep(owner, 'b'.repeat(60), 60, call);
    if (!('uri' in first) || !('uri' in second)) throw new Error('not kept');
    expect(await s.read(owner, idOf(first.uri))).toHaveProperty('error');
    expect(await s.read(owner, idOf(second.uri))).toMatchObject({ text: 'b'.repeat(60) });
    expect(await s.keep(owner, 'c'.repeat(101), 101, call)).toEqual({
      reason: 'it is larger than limits.keptResults (100 bytes)',
    });
    await s.close();
  });

  test('an offset past the end is an error; a read without length returns up to the default', async () => {
    const { store: s } = await store();
    const owner = {};
    const kept = await s.keep(owner, 'hello', 5, call);
    if (!('uri' in kept)) throw new Error(kept.reason);
    expect(await s.read(owner, idOf(kept.uri), 6)).toHaveProperty('error');
    expect(await s.read(owner, idOf(kept.uri))).toMatchObject({
      text: 'hello',
      offset: 0,
      length: 5,
    });
    await s.close();
  });
});
