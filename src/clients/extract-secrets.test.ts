import { describe, expect, test } from 'vitest';
import { extractSecrets, isSecretName } from './extract-secrets.js';

const githubPat = `ghp_${'T'.repeat(36)}`;
const one = (server: Parameters<typeof extractSecrets>[0][number]['server'], name = 'svc') =>
  extractSecrets([{ name, server }]);

describe('secrets become ${env:NAME}', () => {
  test.each([
    ['GITHUB_TOKEN', true],
    ['apiKey', true],
    ['DB_PASSWORD', true],
    ['SLACK_BOT_TOKEN', true],
    ['TOKEN_FILE', false],
    ['AUTH_URL', false],
    ['LOG_LEVEL', false],
    ['monkey', false],
  ])('%s is a secret name: %s', (name, expected) => {
    expect(isSecretName(name)).toBe(expected);
  });

  test('env values under secret names or of a known token shape; others stay', () => {
    const { servers, secrets } = one({
      command: 'x',
      env: {
        GITHUB_TOKEN: 'abc',
        HIDDEN: githubPat,
        LOG_LEVEL: 'debug',
        EMPTY_TOKEN: '',
        KEPT: '${env:KEPT}',
      },
    });
    expect(servers[0]?.server.env).toEqual({
      GITHUB_TOKEN: '${env:GITHUB_TOKEN}',
      HIDDEN: '${env:HIDDEN}',
      LOG_LEVEL: 'debug',
      EMPTY_TOKEN: '',
      KEPT: '${env:KEPT}',
    });
    expect(secrets.map((s) => [s.name, s.field])).toEqual([
      ['GITHUB_TOKEN', 'env.GITHUB_TOKEN'],
      ['HIDDEN', 'env.HIDDEN'],
    ]);
  });

  test('headers keep their scheme; a header that already names its variable is left alone', () => {
    const { servers } = one({
      url: 'https://x.example/mcp',
      headers: {
        Authorization: 'Bearer abc123',
        'X-Api-Key': 'k1',
        Accept: 'text/plain',
        Other: 'Bearer ${env:T}',
      },
    });
    expect(servers[0]?.server.headers).toEqual({
      Authorization: 'Bearer ${env:SVC_TOKEN}',
      'X-Api-Key': '${env:SVC_X_API_KEY}',
      Accept: 'text/plain',
      Other: 'Bearer ${env:T}',
    });
  });

  test('args: --flag value, --flag=value, NAME=value, a header argument, a token shape, a URL', () => {
    const { servers } = one({
      command: 'x',
      args: [
        '--api-key',
        'k1',
        '--token=k2',
        '-e',
        'SLACK_TOKEN=k3',
        '--header',
        'Authorization: Bearer k4',
        `prefix-${githubPat}`,
        'https://u:p4ss@db.example/x?access_token=k5&page=2',
        '--token-file',
        '/keep/this',
        'C:\\Users\\me\\file.txt',
      ],
    });
    expect(servers[0]?.server.args).toEqual([
      '--api-key',
      '${env:SVC_API_KEY}',
      '--token=${env:SVC_TOKEN}',
      '-e',
      'SLACK_TOKEN=${env:SVC_SLACK_TOKEN}',
      '--header',
      'Authorization: Bearer ${env:SVC_TOKEN_2}',
      'prefix-${env:SVC_GITHUB_TOKEN}',
      'https://u:${env:SVC_PASSWORD}@db.example/x?access_token=${env:SVC_ACCESS_TOKEN}&page=2',
      '--token-file',
      '/keep/this',
      'C:\\Users\\me\\file.txt',
    ]);
  });

  test('the same value keeps one name; a different value under the same name gets the server prefix', () => {
    const { servers, secrets } = extractSecrets([
      { name: 'a', server: { command: 'x', env: { GITHUB_TOKEN: 'same' } } },
      { name: 'b', server: { command: 'y', env: { GITHUB_TOKEN: 'same' } } },
      { name: 'c-2', server: { command: 'z', env: { GITHUB_TOKEN: 'other' } } },
    ]);
    expect(servers.map((s) => s.server.env?.['GITHUB_TOKEN'])).toEqual([
      '${env:GITHUB_TOKEN}',
      '${env:GITHUB_TOKEN}',
      '${env:C_2_GITHUB_TOKEN}',
    ]);
    expect(new Set(secrets.map((s) => s.name))).toEqual(
      new Set(['GITHUB_TOKEN', 'C_2_GITHUB_TOKEN']),
    );
  });
});
