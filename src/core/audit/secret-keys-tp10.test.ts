import { describe, expect, test } from 'vitest';
import { secretKeyKind } from './secret-keys.js';

describe('secretKeyKind, with the kinds of names it has seen kept (tp10)', () => {
  test('a name asked again gets the same answer, secret or not', () => {
    for (let round = 0; round < 3; round++) {
      expect(secretKeyKind('x-api-key')).toBe('api_key');
      expect(secretKeyKind('message')).toBeUndefined();
      expect(secretKeyKind('spring.datasource.password')).toBe('password');
      expect(secretKeyKind('nextPageToken')).toBeUndefined();
    }
  });

  test('past the cap on kept names, and for long names, the answers stay right', () => {
    for (let i = 0; i < 3000; i++) {
      expect(secretKeyKind(`field${String(i)}`)).toBeUndefined();
      expect(secretKeyKind(`db${String(i)}_password`)).toBe('password');
    }
    const long = `${'x'.repeat(80)}_token`;
    expect(secretKeyKind(long)).toBe('token');
    expect(secretKeyKind(long)).toBe('token');
    expect(secretKeyKind(`${'x'.repeat(80)}_tokenizer`)).toBeUndefined();
    expect(secretKeyKind('GITHUB_TOKEN')).toBe('token');
  });
});
