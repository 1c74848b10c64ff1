import { describe, expect, test } from 'vitest';
import { compileGlob, compileToolGlob, expandAlternatives, serverPartOf } from './glob.js';

function matches(pattern: string, name: string): boolean {
  const compiled = compileGlob(pattern);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.regex.test(name);
}

describe('compileGlob', () => {
  test.each([
    ['fs/*', 'fs/read_file', true],
    ['fs/*', 'fs/a/b', false],
    ['*', 'fs/read', false],
    ['**', 'fs/a/b', true],
    ['*/*', 'fs/read', true],
    ['gh/{create,update}_*', 'gh/update_issue', true],
    ['gh/{create,update}_*', 'gh/delete_issue', false],
    ['{a/{x,y},b/z}', 'a/y', true],
    ['fs/read_fil?', 'fs/read_file', true],
    ['fs/read.file', 'fs/readXfile', false],
    ['fs/\\*', 'fs/*', true],
    ['fs/\\*', 'fs/a', false],
    ['fs/(x)+', 'fs/(x)+', true],
  ])('%s against %s → %s', (pattern, name, expected) => {
    expect(matches(pattern, name)).toBe(expected);
  });

  test.each(['', 'a/{b', 'a/b}', 'a\\'])('rejects the malformed glob %j', (pattern) => {
    expect(compileGlob(pattern).ok).toBe(false);
  });

  test('expands alternatives and finds the server half', () => {
    expect(expandAlternatives('{a,b}/{x,y}')).toEqual(['a/x', 'a/y', 'b/x', 'b/y']);
    expect(serverPartOf('{a,b}/x')).toBe('{a,b}');
    expect(serverPartOf('{a/x,b/y}')).toBeUndefined();
  });
});

describe('compileToolGlob: the tool name is one segment, whatever the backend calls it', () => {
  const toolMatches = (pattern: string, server: string, tool: string): boolean => {
    const compiled = compileToolGlob(pattern);
    if (!compiled.ok) throw new Error(compiled.message);
    return compiled.regex.test(`${server}/${tool}`);
  };
  test.each([
    ['raw/*', 'raw', 'x/run', true],
    ['raw/*', 'raw', 'a/b/c', true],
    ['*/*', 'raw', 'x/run', true],
    ['raw/x_*', 'raw', 'x_/../run', true],
    ['raw/?/run', 'raw', 'x/run', true],
    ['raw/x/run', 'raw', 'x/run', true],
    ['raw/x/*', 'raw', 'x/y/z', true],
    ['raw/run', 'raw', 'x/run', false],
    ['*/run', 'raw', 'x/run', false],
    ['raw/*', 'other', 'x/run', false],
    ['*', 'raw', 'x/run', false],
    ['*', 'raw', 'run', false],
    ['ra*', 'raw', 'x/run', false],
    ['{raw,gh}/*', 'raw', 'x/run', true],
    ['raw/\\*', 'raw', '*', true],
  ])('%s matches %s + %j: %s', (pattern, server, tool, expected) => {
    expect(toolMatches(pattern, server, tool)).toBe(expected);
  });

  test('a long tool name full of slashes is matched in linear time', () => {
    const tool = 'a/'.repeat(50_000);
    const started = performance.now();
    expect(toolMatches('raw/*b', 'raw', tool)).toBe(false);
    expect(toolMatches('raw/*', 'raw', tool)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
