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
    ['tokens', 'token'],
    ['secrets', 'secret'],
    ['secrets.db', 'secret'],
    ['pwd', 'password'],
    ['MYSQL_PWD', 'password'],
    ['PGPASSWORD', 'password'],
    ['auth', 'auth'],
    ['basic_auth', 'auth'],
    ['cookies', 'cookie'],
    ['session_id', 'session_id'],
    ['sessionId', 'session_id'],
  ])('treats the key %s as secret (%s)', (key, kind) => {
    expect(secretKeyKind(key)).toBe(kind);
  });

  test.each(['tokenizer', 'secretary_name', 'pageToken', 'path', 'author', 'cwd', 'session_idle'])(
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

describe('redactSecrets finds secrets by key, position and assignment', () => {
  // Built at runtime (STYLE rule 23): secret-looking text never sits in the repository.
  const secret = (label: string): string => `${label}${'Q'.repeat(6)}x9Zk`;
  const pw = secret('pw');
  const tok = secret('tk');

  test.each<[string, unknown, string]>([
    ['a list of tokens', { tokens: [tok, pw] }, 'args.tokens'],
    ['a secrets map', { secrets: { db: pw } }, 'args.secrets'],
    ['a flattened secrets path', { 'secrets.db': pw }, 'args["secrets.db"]'],
    ['pwd', { pwd: pw }, 'args.pwd'],
    ['auth', { auth: `user:${pw}` }, 'args.auth'],
    ['cookies', { cookies: [{ name: 'sid', value: pw }] }, 'args.cookies'],
    ['session_id', { session_id: pw }, 'args.session_id'],
    [
      'a JSON body in a string',
      { body: JSON.stringify({ user: 'ann', password: pw }) },
      'args.body',
    ],
    [
      'a JSON body encoded twice',
      { body: JSON.stringify(JSON.stringify({ password: pw })) },
      'args.body',
    ],
    ['mysql -p<pw>', { command: `mysql -u root -p${pw} appdb` }, 'args.command'],
    ['mysql -p<pw> in an argv', { command: 'mysql', args: ['-uroot', `-p${pw}`] }, 'args.args[1]'],
    ['sshpass -p', { cmd: `sshpass -p ${pw} ssh host` }, 'args.cmd'],
    ['PGPASSWORD=', { cmd: `PGPASSWORD=${pw} psql -h db` }, 'args.cmd'],
    ['export TOKEN="…"', { script: `export GITHUB_TOKEN="${tok}"` }, 'args.script'],
    ['--token <value>', { cmd: `app --token ${tok} --verbose` }, 'args.cmd'],
    ['--password=<value>', { cmd: `app --password=${pw}` }, 'args.cmd'],
    ['["--password", value]', { argv: ['app', '--password', pw] }, 'args.argv[2]'],
    [
      '?access_token= in a URL',
      { url: `https://api.example.test/v1?access_token=${tok}&page=2` },
      'args.url',
    ],
    ['api_key= in a URL', { url: `https://api.example.test/?api_key=${tok}` }, 'args.url'],
    ['a header given as a pair', { header: ['Authorization', `Bearer ${tok}`] }, 'args.header[1]'],
    [
      'headers given as a list of pairs',
      {
        headers: [
          ['X-Api-Key', tok],
          ['Accept', 'application/json'],
        ],
      },
      'args.headers[0][1]',
    ],
    [
      'a header inside a command line',
      { script: `curl -H "Authorization: Bearer ${tok}" https://api.example.test` },
      'args.script',
    ],
    ['a header line', { raw: `Accept: text/plain\nCookie: sid=${tok}; theme=dark` }, 'args.raw'],
    ['a YAML password', { config: `db:\n  password: ${pw}\n  host: db` }, 'args.config'],
    ['an INI password', { config: `[db]\npassword = ${pw}\nhost = db` }, 'args.config'],
    [
      'a token used as an object key',
      { [githubToken]: { scopes: ['repo'] } },
      'args["[REDACTED:github-token]"]',
    ],
  ])('redacts %s', (_name, args, path) => {
    const result = redactSecrets(args, { findSecrets, path: 'args' });
    const text = JSON.stringify(result.value);
    expect(text).not.toContain(pw);
    expect(text).not.toContain(tok);
    expect(text).not.toContain(githubToken);
    expect(text).toContain('[REDACTED:');
    expect(result.paths).toContain(path);
  });

  test('keeps what surrounds a redacted value', () => {
    const result = redactSecrets(
      {
        url: `https://api.example.test/v1?access_token=${tok}&page=2`,
        body: JSON.stringify({ user: 'ann', password: pw }),
        script: `curl -H "Authorization: Bearer ${tok}" https://api.example.test`,
      },
      { findSecrets },
    );
    expect(result.value).toEqual({
      url: 'https://api.example.test/v1?access_token=[REDACTED:token]&page=2',
      body: '{"user":"ann","password":"[REDACTED:password]"}',
      script: 'curl -H "Authorization: [REDACTED:authorization]" https://api.example.test',
    });
  });

  test('two secret keys of one object get distinct markers', () => {
    const other = 'ghp_' + 'U'.repeat(36);
    const result = redactSecrets({ [githubToken]: 1, [other]: 2 }, { findSecrets });
    expect(Object.keys(result.value)).toEqual([
      '[REDACTED:github-token]',
      '[REDACTED:github-token]#2',
    ]);
  });

  test.each<[string, unknown]>([
    ['token counts', { max_tokens: 100, input_tokens: '42', completion_tokens: 7 }],
    [
      'keys that only look alike',
      { author: 'ann', cwd: '/tmp', tokenizer: 'bpe', pageToken: 'p2', session_idle: 30 },
    ],
    ['prose that mentions a password', { text: 'Reset your password: click the link below.' }],
    ['-p that is not a password', { cmd: 'mkdir -p /tmp/x && ssh -p 22 host && cp -p a b' }],
    ['a list of field names', { fields: ['password', 'email'] }],
    ['a search for the word token', { url: 'https://example.test/search?q=token&page=2' }],
    ['SQL naming a password column', { query: 'SELECT password_hash FROM users WHERE id = 1' }],
    ['code comparing a token', { code: 'if (token == null) return;\nconst auth = load("auth");' }],
    ['code calling for a token', { code: 'const token = getToken(user);' }],
    ['flags with file names', { argv: ['--token-file', '/run/token', '--password-stdin'] }],
    ['mysql asking for a password', { argv: ['mysql', '-p', 'appdb'] }],
    ['booleans and nulls under secret keys', { auth: false, cookies: null, password: '' }],
  ])('leaves ordinary data alone: %s', (_name, args) => {
    const result = redactSecrets(args, { findSecrets, path: 'args' });
    expect(result.paths).toEqual([]);
    expect(result.value).toBe(args);
  });
});
