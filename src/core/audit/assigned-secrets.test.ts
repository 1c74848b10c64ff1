import { describe, expect, test } from 'vitest';
import { findAssignedSecrets, takesGluedPassword } from './assigned-secrets.js';
import { cpuGrowth } from '../../../test/helpers/cpu-growth.js';

// Built at runtime (STYLE rule 23): secret-looking text never sits in the repository.
const pw = `pw${'Q'.repeat(6)}x9Zk`;

const found = (text: string): string[] =>
  findAssignedSecrets(text).map((match) => text.slice(match.start, match.end));

describe('findAssignedSecrets', () => {
  test.each([
    [`PGPASSWORD=${pw} psql`, pw],
    [`https://h.test/cb#access_token=${pw}&state=1`, pw],
    [`{"user":"ann","password":"${pw}"}`, pw],
    [`{\\"password\\":\\"${pw}\\"}`, pw],
    [`Authorization: Bearer ${pw}\nAccept: */*`, `Bearer ${pw}`],
    [`curl -H 'Proxy-Authorization: Basic ${pw}' h.test`, `Basic ${pw}`],
    [`- password: ${pw}`, pw],
    [`app --api-key ${pw}`, pw],
    [`mysqldump -uroot -p${pw} db | gzip`, pw],
    [`sshpass -p${pw} ssh h`, pw],
    [`const password = "${pw}";`, pw],
  ])('finds the value in %s', (text, value) => {
    expect(found(text)).toEqual([value]);
  });

  test.each([
    'Reset your password: click the link',
    'if (token === expected) return;',
    'const secret = readSecret(name);',
    'mysql -p appdb',
    'mkdir -p /tmp/x',
    'https://h.test/?q=password&page=2',
    'max_tokens=100',
    'password=',
    'token=[REDACTED:token]',
  ])('finds nothing in %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  test.each([
    ['mysql', true],
    ['/usr/bin/mysqldump', true],
    ['mariadb-dump', true],
    ['mysqlx', false],
    ['mkdir', false],
  ])('knows whether %s takes -p<password>', (word, expected) => {
    expect(takesGluedPassword(word)).toBe(expected);
  });
});

describe('findAssignedSecrets stays linear in its input', () => {
  // Each unit repeated to 256 KiB and to 2 MiB (8 times more): linear work grows about 8 times,
  // quadratic work 64 times; failing above 32 leaves room for cache effects. Measured in this
  // process's CPU time, the two sizes in turn, best of three each (cpuGrowth): other processes'
  // load on a shared machine does not count.
  const fill = (unit: string, size: number): string =>
    unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

  test.each([
    'password=',
    `"password":"`,
    '\\"token\\":\\"',
    '--token ',
    'Authorization: ',
    "token='",
    'api_key=1&',
    'mysql -pa;',
    'mysql x;',
    'sshpass -p a ',
    'a-',
    `${'a'.repeat(70)}=`,
  ])(
    'for %j repeated',
    (unit) => {
      const small = fill(unit, 256 * 1024);
      const large = fill(unit, 2048 * 1024);
      const growth = cpuGrowth(
        () => findAssignedSecrets(small),
        () => findAssignedSecrets(large),
      );
      expect(growth).toBeLessThan(32);
    },
    30_000,
  );
});
