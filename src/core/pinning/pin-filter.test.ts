import { describe, expect, test } from 'vitest';
import { matchesPinFilter, parsePinFilter } from './pin-filter.js';

describe('parsePinFilter', () => {
  test.each([
    [undefined, {}],
    ['', {}],
    ['fs', { server: 'fs' }],
    ['fs/', { server: 'fs' }],
    ['fs/read', { server: 'fs', tool: 'read' }],
    ['fs/@instructions', { server: 'fs', tool: '@instructions' }],
  ])('reads %j as %j', (target, filter) => {
    expect(parsePinFilter(target)).toEqual(filter);
  });
});

describe('matchesPinFilter', () => {
  test('an empty filter matches everything', () => {
    expect(matchesPinFilter({}, 'any', 'thing')).toBe(true);
  });

  test('matches a tool only on its own server', () => {
    expect(matchesPinFilter({ server: 'fs', tool: 'read' }, 'web', 'read')).toBe(false);
  });
});
