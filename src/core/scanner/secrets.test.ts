import { describe, expect, test } from 'vitest';
import { findSecrets } from './secrets.js';

// Secret-looking test data is assembled at runtime so repository scanners do not flag this file.
const mixed = (n: number): string => 'Ab3'.repeat(Math.ceil(n / 3)).slice(0, n);
const pem = (label: string): string =>
  `-----BEGIN ${label}-----\n${'MIIB'.repeat(8)}\n-----END ${label}-----`;

const kinds = (text: string): string[] => findSecrets(text).map((s) => s.kind);

describe('findSecrets', () => {
  test.each([
    ['github-token', `token ${'ghp_' + 'T'.repeat(36)}`, `see ${'ghp_' + 'T'.repeat(20)}`],
    ['github-token', 'github_pat_' + mixed(40), 'github_pat_' + 'x'.repeat(5)],
    ['gitlab-token', 'glpat-' + mixed(20), 'glpat-' + 'x'.repeat(4)],
    ['aws-access-key', 'AKIA' + 'Q'.repeat(16), 'AKIA' + 'Q'.repeat(10)],
    [
      'aws-secret-key',
      `aws_secret_access_key = ${mixed(40)}`,
      `aws_secret_access_key = ${mixed(12)}`,
    ],
    ['slack-token', 'xoxb-' + '1234567890-abcdef', 'xoxb-12'],
    [
      'slack-webhook',
      'https://hooks.slack.com/services/' + 'T0000/B0000/' + mixed(24),
      'https://hooks.slack.com/services/x',
    ],
    ['anthropic-key', 'sk-ant-' + mixed(40), 'sk-ant-' + 'your-key-here'],
    ['openai-key', 'sk-proj-' + mixed(40), 'sk-learn-compatible-estimators'],
    ['stripe-key', 'sk_' + 'live_' + mixed(24), 'sk_' + 'live_' + 'x'],
    ['google-api-key', 'AIza' + mixed(35), 'AIza' + mixed(10)],
    ['npm-token', 'npm_' + mixed(36), 'npm_install'],
    ['huggingface-token', 'hf_' + mixed(34), 'hf_hub'],
    ['jwt', ['eyJ' + mixed(20), 'eyJ' + mixed(30), mixed(30)].join('.'), 'eyJhbGciOi.short'],
    ['bearer-token', 'Authorization: Bearer ' + mixed(32), 'Authorization: Bearer <your-token>'],
    ['basic-auth', 'Authorization: Basic ' + btoa('user:' + mixed(12)), 'Authorization: Basic'],
    [
      'url-credentials',
      'postgres://admin:' + mixed(12) + '@db.internal:5432/app',
      'https://example.com/path@v2',
    ],
    ['private-key', pem('RSA PRIVATE KEY'), pem('PUBLIC KEY')],
  ])('%s: finds the real shape and ignores the near miss', (kind, positive, negative) => {
    expect(kinds(positive)).toContain(kind);
    expect(kinds(negative)).not.toContain(kind);
  });

  test('reports spans that cover exactly the secret', () => {
    const token = 'ghp_' + 'T'.repeat(36);
    const text = `export GH=${token} # ci`;
    expect(findSecrets(text)).toEqual([
      { kind: 'github-token', start: 10, end: 10 + token.length },
    ]);
  });

  test('returns nothing for ordinary prose', () => {
    expect(findSecrets('The quick brown fox jumps over the lazy dog.')).toEqual([]);
  });
});

describe('findSecrets anchors', () => {
  test('matches case-insensitive prefixes and patterns that start before their anchor', () => {
    const token = ['Ab1', 'Cd2', 'Ef3', 'Gh4', 'Ij5', 'Kl6', 'Mn7'].join('');
    const stripe = ['sk', 'live', 'Zx9Yw8Vu7Ts6Rq5Po4'].join('_');
    const text = `AUTHORIZATION: BEARER ${token}\nkey=${stripe}`;
    expect(findSecrets(text).map((s) => s.kind)).toEqual(['bearer-token', 'stripe-key']);
  });

  test('finds the same secret many times in a long text', () => {
    const key = ['ghp', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join('_');
    const text = `${'lorem ipsum dolor sit amet '.repeat(2000)}${key} `.repeat(3);
    expect(findSecrets(text)).toHaveLength(3);
  });
});
