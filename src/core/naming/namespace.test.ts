import { describe, expect, test } from 'vitest';
import { isLosslessName, toPublicName, type NamingOptions } from './namespace.js';

const naming: NamingOptions = { separator: '__', maxLength: 64, prefix: 'always' };
const VALID = /^[A-Za-z0-9_-]{1,64}$/;

describe('toPublicName', () => {
  test.each([
    ['fs', 'read_file', 'fs__read_file'],
    ['my-server', 'get-thing', 'my-server__get-thing'],
    ['fs', 'read.file', 'fs__read_file'],
    ['fs', 'héllo wörld', 'fs__h_llo_w_rld'],
    ['fs', 'a/b:c', 'fs__a_b_c'],
  ])('maps %s + %s to %s', (server, tool, expected) => {
    expect(toPublicName(server, tool, naming)).toBe(expected);
  });

  test('cuts an over-long name and ends it with a hash of the original', () => {
    const tool = 'x'.repeat(100);
    const name = toPublicName('server', tool, naming);
    expect(name).toHaveLength(64);
    expect(name).toMatch(/_[0-9a-f]{6}$/);
    expect(name).toMatch(VALID);
  });

  test('two over-long names that share a prefix stay distinct', () => {
    const a = toPublicName('s', 'y'.repeat(80) + 'a', naming);
    const b = toPublicName('s', 'y'.repeat(80) + 'b', naming);
    expect(a).not.toBe(b);
  });

  test('forceSuffix disambiguates names that collide after mapping', () => {
    const dotted = toPublicName('s', 'a.b', naming, true);
    expect(dotted).not.toBe(toPublicName('s', 'a_b', naming));
    expect(dotted).toMatch(VALID);
  });

  test('prefix "never" keeps the backend name as it is', () => {
    expect(toPublicName('s', 'echo', { ...naming, prefix: 'never' })).toBe('echo');
  });

  test('honours a lower maxLength', () => {
    const name = toPublicName('server', 'a_fairly_long_tool_name', { ...naming, maxLength: 20 });
    expect(name.length).toBeLessThanOrEqual(20);
  });

  test('every mapped name matches the exposed-name pattern', () => {
    for (const tool of ['', '🙂', '.', 'a'.repeat(500), 'tab\tname', 'ok']) {
      expect(toPublicName('srv', tool, naming)).toMatch(VALID);
    }
  });
});

describe('isLosslessName', () => {
  test.each([
    ['fs', 'read_file', true],
    ['fs', 'read.file', false],
    ['fs', 'z'.repeat(70), false],
  ])('%s + %s is lossless: %s', (server, tool, expected) => {
    expect(isLosslessName(server, tool, naming)).toBe(expected);
  });
});
