import { describe, expect, test } from 'vitest';
import { redactSecrets, secretKeyKind, type FindSecrets } from './redact-secrets.js';

// A stand-in for the scanner: "ghp_" followed by 36 word characters is a GitHub token.
const findSecrets: FindSecrets = (text) =>
  [...text.matchAll(/ghp_\w{36}/g)].map((match) => ({
    kind: 'github-token',
    start: match.index,
    end: match.index + match[0].length,
  }));
const githubToken = 'ghp_' + 'T'.repeat(36);

describe('redactSecrets', () => {
  test.each([
    ['token', 'token'],
    ['Authorization', 'authorization'],
    ['proxy-authorization', 'authorization'],
    ['x-api-key', 'api_key'],
    ['apiKey', 'api_key'],
    ['GITHUB_TOKEN', 'token'],
    ['db_password', 'password'],
    ['passwd', 'password'],
    ['client_secret', 'client_secret'],
    ['Set-Cookie', 'cookie'],
    ['private-key', 'private_key'],
    ['aws_access_key', 'access_key'],
  ])('treats the key %s as secret (%s)', (key, kind) => {
    expect(secretKeyKind(key)).toBe(kind);
  });

  test.each(['max_tokens', 'tokenizer', 'secretary_name', 'pageToken', 'path', 'author'])(
    'leaves the ordinary key %s alone',
    (key) => {
      expect(secretKeyKind(key)).toBeUndefined();
    },
  );

  test('replaces values under secret keys and lists their paths', () => {
    const args = { headers: { Authorization: 'Bearer abc' }, items: [{}, {}, { token: 42 }] };
    const result = redactSecrets(args, { findSecrets, path: 'args' });
    expect(result.value).toEqual({
      headers: { Authorization: '[REDACTED:authorization]' },
      items: [{}, {}, { token: '[REDACTED:token]' }],
    });
    expect(result.paths).toEqual(['args.headers.Authorization', 'args.items[2].token']);
  });

  test('replaces only the secret span inside an ordinary string', () => {
    const result = redactSecrets(
      { note: `use ${githubToken} here` },
      { findSecrets, path: 'args' },
    );
    expect(result.value).toEqual({ note: 'use [REDACTED:github-token] here' });
    expect(result.paths).toEqual(['args.note']);
  });

  test('merges overlapping spans so no part of either secret survives', () => {
    const overlapping: FindSecrets = () => [
      { kind: 'a', start: 2, end: 6 },
      { kind: 'b', start: 4, end: 9 },
    ];
    expect(redactSecrets('xxSECRETSyy', { findSecrets: overlapping }).value).toBe(
      'xx[REDACTED:a]yy',
    );
  });

  test('keeps booleans, null and empty strings under secret keys, which reveal nothing', () => {
    const args = { token: null, password: '', secret: false };
    const result = redactSecrets(args, { findSecrets });
    expect(result.value).toBe(args);
    expect(result.paths).toEqual([]);
  });

  test('never mutates its input and returns it untouched when nothing is secret', () => {
    const args = { a: { b: ['c'] }, password: 'hunter2' };
    const frozen = structuredClone(args);
    const result = redactSecrets(args, { findSecrets });
    expect(args).toEqual(frozen);
    expect(result.value.a).toBe(args.a);
  });

  test('quotes keys that are not identifiers in paths', () => {
    const result = redactSecrets({ 'a b': { token: 'x' } }, { findSecrets, path: 'args' });
    expect(result.paths).toEqual(['args["a b"].token']);
  });

  test('redacts a whole object held under a secret key', () => {
    const result = redactSecrets({ credentials: { user: 'u', pass: 'p' } }, { findSecrets });
    expect(result.value).toEqual({ credentials: '[REDACTED:credentials]' });
  });
});
