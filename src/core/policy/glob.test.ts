import { describe, expect, test } from 'vitest';
import { compileGlob, expandAlternatives, serverPartOf } from './glob.js';

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
