import { describe, expect, test } from 'vitest';
import { readUrl } from './read-url.js';

describe('readUrl: the WHATWG host, and whether other parsers could read another one', () => {
  test.each([
    ['https://good.example.com/page', 'good.example.com'],
    ['https://GOOD.Example.COM./', 'good.example.com'],
    ['https://BÜCHER.example/', 'xn--bcher-kva.example'],
    ['https://user:pw@good.example.com/', 'good.example.com'],
    ['https://good.example.com@evil.example/', 'evil.example'],
    ['https://good.example.com#@evil.example/', 'good.example.com'],
    ['https://good.example.com/a\\b', 'good.example.com'],
    ['https://[::1]:8443/x', '[::1]'],
    ['http://[::ffff:169.254.169.254]/latest', '169.254.169.254'],
    ['http://[::ffff:7f00:1]/', '127.0.0.1'],
    ['http://127.0.0.1./', '127.0.0.1'],
    ['file:///etc/passwd', ''],
    ['javascript:alert(1)//good.example.com', ''],
    ['mailto:someone@example.com', ''],
  ])('%s is read as host %j, unambiguously', (value, host) => {
    expect(readUrl(value)).toMatchObject({ host, ambiguous: false });
  });

  test.each([
    ['a backslash before @ (urllib: good.example.com)', 'https://evil.example\\@good.example.com/'],
    ['a backslash as the authority start', 'https:\\\\evil.example/'],
    ['a host only WHATWG finds (no //)', 'https:evil.example/'],
    ['one slash and a backslash', 'https:/\\evil.example/'],
    ['three slashes', 'https:///evil.example/'],
    ['two @ in the authority', 'https://a@good.example.com@evil.example/'],
    ['a percent-encoded host', 'https://evil%2eexample/'],
    ['a hexadecimal IPv4', 'http://0x7f.0.0.1/'],
    ['a shortened IPv4', 'http://127.1/'],
    ['a decimal IPv4', 'http://2130706433/'],
    ['an octal IPv4', 'http://0177.0.0.1/'],
    ['a deviation character (IDNA 2003 reads ss)', 'https://faß.example/'],
    ['a soft hyphen in the host', 'https://go\u00adod.example/'],
    ['a tab WHATWG deletes', 'https://good.exa\tmple/'],
    ['a newline WHATWG deletes', 'https://evil.example\n.good/'],
    ['leading space WHATWG trims', ' https://good.example.com/'],
    ['a trailing control character', 'https://good.example.com/\u0001'],
    ['an unclosed IPv6 bracket in the userinfo', 'http://[a@good.example.com/'],
  ])('%s: %j is ambiguous', (_title, value) => {
    expect(readUrl(value)?.ambiguous).toBe(true);
  });

  test.each(['not a url', 'good.example.com/page', '', 'https://good\u200d.example/'])(
    '%j is not a URL',
    (value) => {
      expect(readUrl(value)).toBeUndefined();
    },
  );
});
