import { describe, expect, test } from 'vitest';
import {
  accessClassFor,
  compilePolicy,
  createRateLimiter,
  evaluatePolicy,
  type PolicyCall,
  type PolicyEnvironment,
  type PolicySettings,
  type RuleSettings,
} from './index.js';

const env: PolicyEnvironment = {
  home: '/home/me',
  cwd: '/home/me/work',
  protectedPaths: ['/home/me/work/.mcp-gateway', '/home/me/work/mcp-gateway.config.json'],
  digest: 'sha256:test',
};

function policyOf(settings: PolicySettings | undefined, extra: Partial<PolicyEnvironment> = {}) {
  const { policy, problems } = compilePolicy(settings, { ...env, ...extra });
  expect(problems).toEqual([]);
  return policy;
}

function callOf(
  name: string,
  args: Record<string, unknown> = {},
  extra: Partial<PolicyCall> = {},
): PolicyCall {
  const [server = '', tool = ''] = name.split('/');
  return { server, tool, args, agent: undefined, access: 'write', serverTags: [], ...extra };
}

/** A fake file system: `links` are symlinks, `existing` the real paths that exist. */
function fakeRealpath(links: Record<string, string>, existing: readonly string[]) {
  const present = new Set(existing);
  return (path: string): string | undefined => {
    let current = '/';
    for (const segment of path.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        current = current.slice(0, current.lastIndexOf('/')) || '/';
        continue;
      }
      let next = current === '/' ? `/${segment}` : `${current}/${segment}`;
      next = links[next] ?? next;
      if (!present.has(next)) return undefined;
      current = next;
    }
    return current;
  };
}

describe('paths: allow fs/write_file only under /allowed (default deny)', () => {
  const policy = policyOf(
    {
      default: 'deny',
      rules: [
        {
          id: 'allowed',
          effect: 'allow',
          match: 'fs/write_file',
          args: { path: { pathUnder: '/allowed' } },
        },
      ],
    },
    { cwd: '/allowed/work' },
  );
  test.each([
    ['a file inside the folder', '/allowed/a.txt', 'allow'],
    ['the folder itself', '/allowed', 'allow'],
    ['duplicate slashes and dot segments inside', '/allowed//sub/./x/../a.txt', 'allow'],
    ['a relative path resolved against cwd', 'notes/a.txt', 'allow'],
    ['a file: URL inside', 'file:///allowed/a.txt', 'allow'],
    ['a traversal out of the folder', '/allowed/../etc/passwd', 'deny'],
    ['a relative traversal out of cwd', '../../etc/passwd', 'deny'],
    ['a sibling sharing the prefix (segment boundary)', '/allowedX/a.txt', 'deny'],
    ['backslash traversal that Windows would follow', '/allowed/a\\..\\..\\etc\\passwd', 'deny'],
    ['a different case (allow side compares exactly)', '/ALLOWED/a.txt', 'deny'],
    ['a file: URL outside', 'file:///etc/passwd', 'deny'],
    ['a percent-encoded traversal in a file: URL', 'file:///allowed/%2e%2e/etc/passwd', 'deny'],
    ['a NUL byte', '/allowed/a\0/../../etc', 'deny'],
    ['a number instead of a path (predicate error)', 42, 'deny'],
  ])('%s: %j → %s', (_title, path, effect) => {
    expect(evaluatePolicy(policy, callOf('fs/write_file', { path })).effect).toBe(effect);
  });

  test('a call without the selected argument is not allowed by the rule', () => {
    expect(evaluatePolicy(policy, callOf('fs/write_file', {})).decidingRule).toBe('default');
  });
});

describe('paths: ~ expansion and the DESIGN "src-only" deny (default allow)', () => {
  const policy = policyOf({
    default: 'allow',
    rules: [
      {
        id: 'src-only',
        effect: 'deny',
        match: 'fs/*',
        args: { $paths: { notPathUnder: ['~/src'] } },
      },
      { id: 'no-ssh', effect: 'deny', match: '*/*', args: { $paths: { pathUnder: '~/.ssh' } } },
    ],
  });
  test.each([
    ['a path under ~/src', { path: '~/src/a.ts' }, 'allow'],
    ['the same path spelled absolutely', { path: '/home/me/src/a.ts' }, 'allow'],
    ['a sibling of ~/src sharing its prefix', { path: '~/srcX/a.ts' }, 'deny'],
    [
      'one of two paths outside (any value triggers a deny)',
      { source: '~/src/a', destination: '/tmp/a' },
      'deny',
    ],
    ['every path of an array inside', { paths: ['~/src/a', '~/src/b'] }, 'allow'],
    ['one path of an array outside', { paths: ['~/src/a', '/etc/hosts'] }, 'deny'],
    ['no path-like argument at all', { query: 'hello' }, 'allow'],
    [
      'another user home, which cannot be resolved (error → deny)',
      { path: '~root/.bashrc' },
      'deny',
    ],
  ])('%s → %s', (_title, args, effect) => {
    expect(evaluatePolicy(policy, callOf('fs/read_file', args)).effect).toBe(effect);
  });

  test.each([
    ['~/.ssh/id_rsa', 'deny'],
    ['/home/me/.SSH/id_rsa', 'deny'],
    ['~/.sshd/config', 'allow'],
  ])(
    'a deny pathUnder matches %s case-insensitively on segment boundaries → %s',
    (path, effect) => {
      expect(evaluatePolicy(policy, callOf('web/upload', { file: path })).effect).toBe(effect);
    },
  );
});

describe('paths: symlinks through an injected realpath', () => {
  const realpath = fakeRealpath(
    {
      '/home/me/src/link': '/etc',
      '/home/me/proj': '/data/proj',
      '/tmp/state': '/home/me/work/.mcp-gateway',
    },
    [
      '/',
      '/home',
      '/home/me',
      '/home/me/src',
      '/home/me/src/a.txt',
      '/etc',
      '/etc/passwd',
      '/data',
      '/data/proj',
      '/data/proj/x',
      '/tmp',
      '/home/me/work',
      '/home/me/work/.mcp-gateway',
    ],
  );
  const policy = policyOf(
    {
      default: 'deny',
      rules: [
        {
          id: 'src',
          effect: 'allow',
          match: 'fs/*',
          args: { path: { pathUnder: ['~/src', '~/proj'] } },
        },
      ],
    },
    { realpath },
  );
  test.each([
    ['an existing file inside', '~/src/a.txt', 'allow'],
    ['a file about to be created inside', '~/src/new.txt', 'allow'],
    ['a symlink inside that points out', '~/src/link/passwd', 'deny'],
    ['link/.. which the OS resolves through the link', '~/src/link/../a.txt', 'deny'],
    ['a file under an allowed folder that is itself a symlink', '~/proj/x', 'allow'],
  ])('%s (%s) → %s', (_title, path, effect) => {
    expect(evaluatePolicy(policy, callOf('fs/read_file', { path })).effect).toBe(effect);
  });

  test('a symlink into the state folder trips self-protection', () => {
    const decision = evaluatePolicy(policy, callOf('fs/read_file', { path: '/tmp/state/keys' }));
    expect(decision.decidingRule).toBe('builtin:self-protection');
  });
});

describe('URLs: allow web/fetch only to some hosts over https (default deny)', () => {
  const policy = policyOf({
    default: 'deny',
    rules: [
      {
        id: 'web',
        effect: 'allow',
        match: 'web/fetch',
        args: {
          url: {
            urlHost: ['good.example.com', '*.github.com', 'bücher.example', '[::1]', '127.0.0.1'],
            scheme: 'https',
          },
        },
      },
    ],
  });
  test.each([
    ['the allowed host', 'https://good.example.com/page', 'allow'],
    ['uppercase host', 'https://GOOD.Example.COM/', 'allow'],
    ['a trailing dot', 'https://good.example.com./', 'allow'],
    ['a subdomain of *.github.com', 'https://api.github.com/repos', 'allow'],
    ['a unicode host matching a punycode pattern', 'https://BÜCHER.example/', 'allow'],
    ['the punycode form', 'https://xn--bcher-kva.example/', 'allow'],
    ['an IPv6 literal', 'https://[::1]:8443/x', 'allow'],
    // Other parsers read `0x7f.0.0.1` as a name: ambiguous, so no allow rule matches it.
    ['another spelling of an allowed IPv4', 'https://0x7f.0.0.1/', 'deny'],
    ['userinfo naming the good host', 'https://good.example.com@evil.example/', 'deny'],
    [
      'the good host as a prefix of another domain',
      'https://good.example.com.evil.example/',
      'deny',
    ],
    ['the good host only in the query', 'https://evil.example/?u=https://good.example.com', 'deny'],
    [
      'a backslash before @ (WHATWG reads it as /)',
      'https://evil.example\\@good.example.com/',
      'deny',
    ],
    ['the apex of a *. pattern', 'https://github.com/', 'deny'],
    ['a domain ending in the same letters', 'https://evilgithub.com/', 'deny'],
    ['another IPv6 address', 'https://[::2]/', 'deny'],
    ['the right host over http', 'http://good.example.com/', 'deny'],
    ['a javascript: URL', 'javascript:alert(1)//good.example.com', 'deny'],
    ['text that is not a URL', 'good.example.com/page', 'deny'],
  ])('%s: %s → %s', (_title, url, effect) => {
    expect(evaluatePolicy(policy, callOf('web/fetch', { url })).effect).toBe(effect);
  });
});

describe('URLs: under default allow, deny fetches to any host but the listed ones', () => {
  const policy = policyOf({
    default: 'allow',
    rules: [
      {
        id: 'only-docs',
        effect: 'deny',
        match: 'web/fetch',
        args: { url: { notUrlHost: ['docs.example.com', '*.mozilla.org'] } },
      },
    ],
  });
  test.each([
    ['https://docs.example.com/a', 'allow'],
    ['https://developer.mozilla.org/', 'allow'],
    ['https://docs.example.com@evil.example/', 'deny'],
    ['https://docs.example.com.evil.example/', 'deny'],
    ['javascript:alert(1)', 'deny'],
    ['not a url', 'deny'],
  ])('%s → %s', (url, effect) => {
    expect(evaluatePolicy(policy, callOf('web/fetch', { url })).effect).toBe(effect);
  });
});

describe('URLs: loopback, IPv4-mapped IPv6, the private range and ambiguous URLs', () => {
  const denyHosts = (hosts: string[]) =>
    policyOf({
      default: 'allow',
      rules: [{ id: 'no', effect: 'deny', match: 'web/fetch', args: { url: { urlHost: hosts } } }],
    });
  const effectFor = (policy: ReturnType<typeof policyOf>, url: string) =>
    evaluatePolicy(policy, callOf('web/fetch', { url })).effect;

  test.each([
    ['localhost', 'http://127.0.0.2:8080/', 'deny'],
    ['localhost', 'http://0.0.0.0:8080/', 'deny'],
    ['localhost', 'http://[::1]/', 'deny'],
    ['localhost', 'http://[::]/', 'deny'],
    ['localhost', 'http://[::ffff:7f00:1]/', 'deny'],
    ['localhost', 'http://[::ffff:127.0.0.1]/', 'deny'],
    ['localhost', 'http://LOCALHOST./', 'deny'],
    ['localhost', 'http://api.localhost/', 'deny'],
    ['localhost', 'http://example.com/', 'allow'],
    ['localhost', 'http://localhost.example.com/', 'allow'],
    ['127.0.0.1', 'http://127.9.9.9/', 'deny'],
    ['127.0.0.1', 'http://[::ffff:7f00:1]/', 'deny'],
    ['[::1]', 'http://127.0.0.1/', 'deny'],
    ['169.254.169.254', 'http://[::ffff:169.254.169.254]/latest/meta-data', 'deny'],
    ['169.254.169.254', 'http://[::ffff:a9fe:a9fe]/', 'deny'],
    ['169.254.169.254', 'http://169.254.169.253/', 'allow'],
    ['private', 'http://10.0.0.1/', 'deny'],
    ['private', 'http://172.20.1.1/', 'deny'],
    ['private', 'http://192.168.0.1/', 'deny'],
    ['private', 'http://100.64.1.1/', 'deny'],
    ['private', 'http://[::ffff:169.254.169.254]/', 'deny'],
    ['private', 'http://[fd12::1]/', 'deny'],
    ['private', 'http://[fe80::1]/', 'deny'],
    ['private', 'http://metadata.google.internal/', 'deny'],
    ['private', 'http://printer.local/', 'deny'],
    ['private', 'http://intranet/', 'deny'],
    ['private', 'http://localhost:3000/', 'deny'],
    ['private', 'https://example.com/', 'allow'],
    ['private', 'https://8.8.8.8/', 'allow'],
    ['private', 'https://[2606:4700::1111]/', 'allow'],
    ['loopback', 'http://127.0.0.1/', 'deny'],
    ['loopback', 'http://10.0.0.1/', 'allow'],
    ['private.', 'http://private/', 'deny'],
    ['private.', 'http://10.0.0.1/', 'allow'],
  ])('deny urlHost %s: %s → %s', (host, url, effect) => {
    expect(effectFor(denyHosts([host]), url)).toBe(effect);
  });

  test.each([
    ['https://example.com/', 'allow'],
    ['http://10.1.1.1/', 'deny'],
    ['http://[::ffff:10.1.1.1]/', 'deny'],
    ['http://0x0a.1.1.1/', 'deny'],
  ])('allow notUrlHost private (default deny): %s → %s', (url, effect) => {
    const policy = policyOf({
      default: 'deny',
      rules: [
        { id: 'public', effect: 'allow', match: 'web/*', args: { url: { notUrlHost: 'private' } } },
      ],
    });
    expect(effectFor(policy, url)).toBe(effect);
  });

  test.each([
    [
      'a backslash before @ (urllib reads the second host)',
      'https://good.example.com\\@evil.example/',
    ],
    ['no slashes after the scheme', 'https:evil.example/'],
    ['a percent-encoded host', 'https://evil%2Eexample/'],
    ['two @ signs', 'https://good.example.com@x@evil.example/'],
  ])('an ambiguous URL (%s) matches deny rules and no allow rule: %s', (_title, url) => {
    // The deny rule names the host a non-WHATWG parser would read; WHATWG reads another.
    expect(effectFor(denyHosts(['evil.example']), url)).toBe('deny');
    const allowAll = policyOf({
      default: 'deny',
      rules: [
        {
          id: 'any-host',
          effect: 'allow',
          match: 'web/fetch',
          args: { url: { urlHost: '*', scheme: 'https' } },
        },
      ],
    });
    expect(effectFor(allowAll, url)).toBe('deny');
    expect(effectFor(allowAll, 'https://evil.example/')).toBe('allow');
  });
});

describe('match: a backend cannot name its tool out of a rule', () => {
  const policy = policyOf({
    default: 'allow',
    access: { 'raw/*': 'read' },
    rules: [
      { id: 'no-raw', effect: 'deny', match: 'raw/*' },
      { id: 'ask-gh', effect: 'ask', match: 'gh/{create,delete}_*' },
      { id: 'deny-run', effect: 'deny', match: 'box/x/run' },
    ],
    limits: [{ id: 'one', match: 'web/*', rate: '1/1d' }],
  });
  test.each([
    ['raw/run', 'deny', 'no-raw'],
    ['raw/x/run', 'deny', 'no-raw'],
    ['raw/../../other/run', 'deny', 'no-raw'],
    ['gh/create_x/y', 'ask', 'ask-gh'],
    ['box/x/run', 'deny', 'deny-run'],
    ['box/run', 'allow', 'default'],
    ['box/y/x/run', 'allow', 'default'],
  ])('%s → %s (%s)', (name, effect, rule) => {
    const slash = name.indexOf('/');
    const call = { ...callOf('x/y'), server: name.slice(0, slash), tool: name.slice(slash + 1) };
    expect(evaluatePolicy(policy, call)).toMatchObject({ effect, decidingRule: rule });
  });

  test('policy.access globs and limits match the same identity', () => {
    expect(accessClassFor(policy, 'raw', 'x/run', undefined, false)).toBe('read');
    const limiter = createRateLimiter(policy);
    const call = { ...callOf('x/y'), server: 'web', tool: 'a/b' };
    expect(limiter.take(call, 0).ok).toBe(true);
    expect(limiter.take(call, 1).ok).toBe(false);
  });
});

describe('argument predicates and selectors', () => {
  const rule = (
    args: RuleSettings['args'],
    effect: RuleSettings['effect'] = 'allow',
  ): PolicySettings => ({
    default: effect === 'allow' ? 'deny' : 'allow',
    rules: [{ id: 'r', effect, match: 's/t', args }],
  });
  test.each([
    ['equals a string', rule({ mode: { equals: 'fast' } }), { mode: 'fast' }, 'allow'],
    ['equals is strict about types', rule({ n: { equals: 1 } }), { n: '1' }, 'deny'],
    ['in a list', rule({ n: { in: [1, 2, null] } }), { n: null }, 'allow'],
    ['not in a list', rule({ n: { in: [1, 2] } }), { n: 3 }, 'deny'],
    ['glob * stays in a segment', rule({ f: { glob: 'docs/*.md' } }), { f: 'docs/a/b.md' }, 'deny'],
    [
      'glob ** crosses segments',
      rule({ f: { glob: 'docs/**.md' } }),
      { f: 'docs/a/b.md' },
      'allow',
    ],
    ['regex, unanchored', rule({ q: { regex: 'ab+c' } }), { q: 'xxabbbcxx' }, 'allow'],
    ['lt and gt together', rule({ n: { gt: 0, lt: 10 } }), { n: 5 }, 'allow'],
    ['lt on a string is an error: no allow', rule({ n: { lt: 10 } }), { n: '5' }, 'deny'],
    [
      'gt on a string is an error: deny triggers',
      rule({ n: { gt: 10 } }, 'deny'),
      { n: 'many' },
      'deny',
    ],
    ['maxLength of a string', rule({ q: { maxLength: 3 } }), { q: 'abcd' }, 'deny'],
    ['maxLength of an array', rule({ q: { maxLength: 3 } }), { q: [1, 2] }, 'allow'],
    ['exists true', rule({ force: { exists: true } }, 'deny'), { force: false }, 'deny'],
    ['exists false', rule({ force: { exists: false } }), {}, 'allow'],
    [
      'a nested selector a.b',
      rule({ 'opts.mode': { equals: 'x' } }),
      { opts: { mode: 'x' } },
      'allow',
    ],
    ['a.b on a missing parent', rule({ 'opts.mode': { equals: 'x' } }), { opts: 'x' }, 'deny'],
    [
      'items[*].path: all must pass for allow',
      rule({ 'items[*].path': { pathUnder: '/w' } }),
      { items: [{ path: '/w/a' }, { path: '/x' }] },
      'deny',
    ],
    [
      'items[*].path: every one passes',
      rule({ 'items[*].path': { pathUnder: '/w' } }),
      { items: [{ path: '/w/a' }, { path: '/w/b' }] },
      'allow',
    ],
    [
      'items[*].path: any one triggers a deny',
      rule({ 'items[*].path': { pathUnder: '/x' } }, 'deny'),
      { items: [{ path: '/w/a' }, { path: '/x/b' }] },
      'deny',
    ],
    [
      'items[1] picks one element',
      rule({ 'items[1]': { equals: 'b' } }),
      { items: ['a', 'b'] },
      'allow',
    ],
    [
      '$strings finds nested strings',
      rule({ $strings: { regex: 'rm -rf' } }, 'deny'),
      { a: [{ b: 'sudo rm -rf /' }] },
      'deny',
    ],
    [
      '$strings: every string must pass for allow',
      rule({ $strings: { maxLength: 5 } }),
      { a: 'short', b: ['way too long'] },
      'deny',
    ],
    [
      'several selectors must all hold',
      rule({ a: { equals: 1 }, b: { equals: 2 } }),
      { a: 1, b: 3 },
      'deny',
    ],
  ])('%s', (_title, settings, args, effect) => {
    expect(evaluatePolicy(policyOf(settings), callOf('s/t', args)).effect).toBe(effect);
  });
});

describe('combining is order-independent: deny > ask > allow > default', () => {
  const rules: RuleSettings[] = [
    { id: 'allow-all', effect: 'allow', match: '*/*' },
    { id: 'ask-gh', effect: 'ask', match: 'gh/*' },
    { id: 'deny-delete', effect: 'deny', match: 'gh/delete_*' },
    { id: 'allow-delete', effect: 'allow', match: 'gh/delete_repo' },
  ];
  const permutations = (items: RuleSettings[]): RuleSettings[][] =>
    items.length <= 1
      ? [items]
      : items.flatMap((item, index) =>
          permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [
            item,
            ...rest,
          ]),
        );
  test.each(
    permutations(rules).map((order) => [order.map((rule) => rule.id).join(', '), order] as const),
  )('rules in the order %s give the same decisions', (_order, order) => {
    const policy = policyOf({ default: 'deny', rules: order });
    const decide = (name: string) => evaluatePolicy(policy, callOf(name));
    expect(decide('gh/delete_repo')).toMatchObject({ effect: 'deny', decidingRule: 'deny-delete' });
    expect([...decide('gh/delete_repo').rules].sort()).toEqual([
      'allow-all',
      'allow-delete',
      'ask-gh',
      'deny-delete',
    ]);
    expect(decide('gh/create_issue')).toMatchObject({
      effect: 'ask',
      final: 'deny',
      decidingRule: 'ask-gh',
    });
    expect(decide('fs/read')).toMatchObject({
      effect: 'allow',
      final: 'allow',
      decidingRule: 'allow-all',
    });
  });

  test.each([
    ['deny', 'no policy rule allows this call'],
    ['allow', 'allowed by the policy default'],
    ['ask', 'requires a human to approve'],
  ] as const)('with no matching rule the default %s decides, named "default"', (effect, reason) => {
    const decision = evaluatePolicy(policyOf({ default: effect }), callOf('x/y'));
    expect(decision).toMatchObject({
      effect,
      decidingRule: 'default',
      rules: [],
      policy: 'sha256:test',
      mode: 'enforce',
    });
    expect(decision.reason).toContain(reason);
  });

  test('a deny carries the rule reason so the model can read why', () => {
    const policy = policyOf({
      default: 'allow',
      rules: [{ id: 'no-rm', effect: 'deny', match: 'sh/*', reason: 'no shell' }],
    });
    expect(evaluatePolicy(policy, callOf('sh/run')).reason).toBe(
      'denied by policy rule "no-rm": no shell',
    );
  });
});

describe('audit mode and enforce: false decide, report, and never block', () => {
  test.each([
    [
      'audit mode, a deny rule',
      { mode: 'audit', default: 'allow', rules: [{ id: 'd', effect: 'deny', match: 's/*' }] },
      { effect: 'allow', final: 'allow', wouldBe: 'deny', wouldBeRule: 'd', mode: 'audit' },
    ],
    [
      'audit mode, an ask rule',
      { mode: 'audit', default: 'allow', rules: [{ id: 'a', effect: 'ask', match: 's/*' }] },
      { effect: 'allow', final: 'allow', wouldBe: 'ask', wouldBeRule: 'a' },
    ],
    [
      'audit mode, the default deny',
      { mode: 'audit', default: 'deny' },
      { effect: 'allow', final: 'allow', wouldBe: 'deny', wouldBeRule: 'default' },
    ],
    [
      'enforce:false deny over an allow',
      {
        default: 'deny',
        rules: [
          { id: 'd', effect: 'deny', match: 's/*', enforce: false },
          { id: 'ok', effect: 'allow', match: 's/*' },
        ],
      },
      { effect: 'allow', final: 'allow', decidingRule: 'ok', wouldBe: 'deny', wouldBeRule: 'd' },
    ],
    [
      'enforce:false deny with an enforced ask: the ask still applies',
      {
        default: 'allow',
        rules: [
          { id: 'd', effect: 'deny', match: 's/*', enforce: false },
          { id: 'q', effect: 'ask', match: 's/*' },
        ],
      },
      { effect: 'ask', final: 'deny', decidingRule: 'q', wouldBe: 'deny' },
    ],
    [
      'enforce:false allow under a default deny',
      { default: 'deny', rules: [{ id: 'trial', effect: 'allow', match: 's/*', enforce: false }] },
      { effect: 'deny', decidingRule: 'default', wouldBe: 'allow', wouldBeRule: 'trial' },
    ],
  ] as const)('%s', (_title, settings, expected) => {
    const decision = evaluatePolicy(policyOf(settings), callOf('s/t'));
    expect(decision).toMatchObject(expected);
  });

  test('a decision that is enforced as written has no wouldBe', () => {
    const policy = policyOf({
      default: 'deny',
      rules: [{ id: 'd', effect: 'deny', match: 's/*', enforce: false }],
    });
    expect(evaluatePolicy(policy, callOf('s/t'))).not.toHaveProperty('wouldBe');
  });
});

describe('agents, access and server tags', () => {
  // "This agent can read from server A and write to server B, but not the reverse."
  const ab = policyOf({
    default: 'deny',
    rules: [
      { id: 'read-a', effect: 'allow', match: 'a/*', agents: ['bot'], access: 'read' },
      { id: 'write-b', effect: 'allow', match: 'b/*', agents: ['bot'], access: 'write' },
    ],
  });
  test.each([
    ['bot reads from A', 'a/get', 'read', 'bot', 'allow'],
    ['bot writes to B', 'b/put', 'write', 'bot', 'allow'],
    ['bot writes to A', 'a/put', 'write', 'bot', 'deny'],
    ['bot reads from B', 'b/get', 'read', 'bot', 'deny'],
    ['another agent reads from A', 'a/get', 'read', 'eve', 'deny'],
    ['an unnamed agent writes to B', 'b/put', 'write', undefined, 'deny'],
  ] as const)('the A/B example: %s → %s', (_title, name, access, agent, effect) => {
    expect(evaluatePolicy(ab, callOf(name, {}, { access, agent })).effect).toBe(effect);
  });

  test.each([
    [['egress'], 'ask'],
    [['local', 'egress'], 'ask'],
    [['local'], 'allow'],
    [[], 'allow'],
  ])('a serverTags rule matches a server with any listed tag: %j → %s', (serverTags, effect) => {
    const policy = policyOf({
      default: 'allow',
      rules: [{ id: 'egress', effect: 'ask', match: '*/*', serverTags: ['egress'] }],
    });
    expect(evaluatePolicy(policy, callOf('gh/get', {}, { serverTags })).effect).toBe(effect);
  });
});

describe('self-protection: the built-in deny for the gateway state folder and config file', () => {
  const policy = policyOf({
    default: 'allow',
    rules: [{ id: 'all', effect: 'allow', match: '**' }],
  });
  test.each([
    ['a file in the state folder', { path: '/home/me/work/.mcp-gateway/audit.jsonl' }, 'deny'],
    ['the state folder relative to cwd', { path: '.mcp-gateway/keys/signing.key' }, 'deny'],
    ['the config file', { destination: '/home/me/work/mcp-gateway.config.json' }, 'deny'],
    ['the config file in another case', { file: '/HOME/ME/WORK/MCP-GATEWAY.CONFIG.JSON' }, 'deny'],
    ['a traversal into the state folder', { path: '/tmp/../home/me/work/.mcp-gateway' }, 'deny'],
    ['a nested path argument', { edits: [{ path: '~/work/.mcp-gateway/pins.json' }] }, 'deny'],
    ['a file: URL', { uri: 'file:///home/me/work/.mcp-gateway/head.json' }, 'deny'],
    [
      'a sibling sharing the prefix',
      { path: '/home/me/work/mcp-gateway.config.json.bak' },
      'allow',
    ],
    ['prose that starts with ~', { text: '~5 minutes' }, 'allow'],
    ['no arguments', {}, 'allow'],
  ])('%s → %s', (_title, args, effect) => {
    const decision = evaluatePolicy(policy, callOf('fs/read_file', args));
    expect(decision.effect).toBe(effect);
    if (effect === 'deny') expect(decision.decidingRule).toBe('builtin:self-protection');
  });

  test('self-protection is enforced even in audit mode and cannot be removed by rules', () => {
    const audit = policyOf({ mode: 'audit', default: 'allow' });
    const decision = evaluatePolicy(
      audit,
      callOf('fs/read_file', { path: '~/work/.mcp-gateway/x' }),
    );
    expect(decision).toMatchObject({
      effect: 'deny',
      final: 'deny',
      decidingRule: 'builtin:self-protection',
    });
  });

  test('without a policy section calls are allowed by default', () => {
    expect(
      evaluatePolicy(policyOf(undefined), callOf('fs/read_file', { path: '/tmp/a' })),
    ).toMatchObject({
      effect: 'allow',
      final: 'allow',
      decidingRule: 'default',
    });
  });
});

describe('relative paths resolve where the backend resolves them, not in the config folder', () => {
  // The config is /d/proj/mcp-gateway.config.json; its state folder /d/proj/.mcp-gateway.
  const servers: PolicyEnvironment['servers'] = [
    {
      name: 'fs',
      kind: 'stdio',
      command: '/usr/bin/node',
      args: ['/x/node_modules/@modelcontextprotocol/server-filesystem/dist/index.js', '/d'],
      cwd: '/d/proj',
    },
    {
      name: 'fsnpx',
      kind: 'stdio',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem@latest', '..', '/other'],
      cwd: '/d/proj',
    },
    { name: 'up', kind: 'stdio', command: 'node', args: ['server.js'], cwd: '/d' },
    { name: 'here', kind: 'stdio', command: 'node', args: ['server.js', '/d'], cwd: '/d/proj' },
    { name: 'remote', kind: 'remote', url: 'https://api.example.com/mcp' },
    { name: 'lan', kind: 'remote', url: 'http://127.0.0.1:9000/mcp' },
  ];
  const where = {
    cwd: '/d/proj',
    configDir: '/d/proj',
    protectedPaths: ['/d/proj/.mcp-gateway', '/d/proj/mcp-gateway.config.json'],
    servers,
  };
  const noRoots = undefined;
  const pending = { pending: true, uris: [], overflowed: false };
  const rootsOf = (...uris: string[]) => ({ pending: false, uris, overflowed: false });
  const effectOf = (
    policy: ReturnType<typeof policyOf>,
    server: string,
    path: string,
    roots: PolicyCall['roots'] = noRoots,
  ) => evaluatePolicy(policy, callOf(`${server}/read_file`, { path }, { roots })).effect;

  describe('self-protection', () => {
    const policy = policyOf({ default: 'allow' }, where);
    test.each([
      ['fs', 'proj/.mcp-gateway/audit-key.pem', noRoots, 'deny'],
      ['fs', './proj/.mcp-gateway/../mcp-gateway.config.json', noRoots, 'deny'],
      ['fs', '.mcp-gateway/audit-key.pem', noRoots, 'allow'],
      ['fsnpx', 'proj/.mcp-gateway/pins.json', noRoots, 'deny'],
      ['up', 'proj/.mcp-gateway/audit-key.pem', noRoots, 'deny'],
      ['here', '.mcp-gateway/audit-key.pem', noRoots, 'deny'],
      ['here', 'proj/.mcp-gateway/audit-key.pem', noRoots, 'allow'],
      ['remote', 'proj/.mcp-gateway/audit-key.pem', noRoots, 'allow'],
      ['remote', '/d/proj/.mcp-gateway/audit-key.pem', noRoots, 'deny'],
      ['lan', 'notes.txt', noRoots, 'deny'],
      ['lan', '/tmp/notes.txt', noRoots, 'allow'],
      ['here', 'notes.txt', pending, 'deny'],
      ['here', 'notes.txt', rootsOf('file:///r'), 'allow'],
      ['here', '.mcp-gateway/x', rootsOf('file:///r'), 'deny'],
      ['here', 'proj/.mcp-gateway/x', rootsOf('file:///d'), 'deny'],
      ['fs', '.mcp-gateway/key', noRoots, 'allow'],
      ['fs', '.mcp-gateway/key', rootsOf('file:///d/proj/../elsewhere', '/d/proj/x/..'), 'deny'],
      ['fs', 'notes.txt', { pending: false, uris: [], overflowed: true }, 'deny'],
    ])('%s reading %j (roots %j) → %s', (server, path, roots, effect) => {
      expect(effectOf(policy, server, path, roots)).toBe(effect);
    });
  });

  describe('pathUnder in an allow rule (default deny)', () => {
    const policy = policyOf(
      {
        default: 'deny',
        rules: [
          {
            id: 'proj',
            effect: 'allow',
            match: '*/read_file',
            args: { path: { pathUnder: '/d/proj' } },
          },
        ],
      },
      where,
    );
    test.each([
      ['fs', 'notes.txt', noRoots, 'deny'],
      ['fs', 'proj/notes.txt', noRoots, 'allow'],
      ['up', 'notes.txt', noRoots, 'deny'],
      ['here', 'notes.txt', noRoots, 'allow'],
      ['here', 'notes.txt', rootsOf('file:///d/proj/sub'), 'allow'],
      ['here', 'notes.txt', rootsOf('file:///d/other'), 'deny'],
      ['here', 'notes.txt', pending, 'deny'],
      // It may still be on its own folders (when no root is valid): every base must pass.
      ['fs', 'notes.txt', rootsOf('file:///d/proj'), 'deny'],
      ['fs', 'proj/notes.txt', rootsOf('file:///d/proj'), 'allow'],
      ['remote', 'notes.txt', noRoots, 'deny'],
      ['lan', 'notes.txt', noRoots, 'deny'],
      ['lan', '/d/proj/notes.txt', noRoots, 'allow'],
    ])('%s reading %j (roots %j) → %s', (server, path, roots, effect) => {
      expect(effectOf(policy, server, path, roots)).toBe(effect);
    });
  });

  describe('notPathUnder in a deny rule (default allow)', () => {
    const policy = policyOf(
      {
        default: 'allow',
        rules: [
          {
            id: 'only-proj',
            effect: 'deny',
            match: '*/*',
            args: { $paths: { notPathUnder: '/d/proj' } },
          },
        ],
      },
      where,
    );
    test.each([
      ['here', 'notes.txt', 'allow'],
      ['fs', 'notes.txt', 'deny'],
      ['up', 'notes.txt', 'deny'],
      ['remote', 'notes.txt', 'deny'],
      ['lan', 'notes.txt', 'deny'],
    ])('%s reading %j → %s', (server, path, effect) => {
      expect(effectOf(policy, server, path)).toBe(effect);
    });
  });
});

describe('calls no rule matches', () => {
  test('get the default decision, made once per policy, the same as with rules that do not match', () => {
    for (const settings of [
      { default: 'allow' },
      { default: 'deny' },
      { default: 'ask' },
      { default: 'deny', mode: 'audit' },
    ] as const) {
      const bare = policyOf(settings);
      const withRules = policyOf({
        ...settings,
        rules: [{ id: 'other', effect: 'deny', match: 'other/*' }],
      });
      const first = evaluatePolicy(bare, callOf('fs/read_file', { path: 'notes.txt' }));
      expect(evaluatePolicy(bare, callOf('git/log'))).toBe(first);
      const long = evaluatePolicy(withRules, callOf('fs/read_file'));
      expect({ ...first, policy: '' }).toEqual({ ...long, policy: '' });
    }
  });

  test("a path into the gateway's own files is still denied under a policy with no rules", () => {
    const decision = evaluatePolicy(
      policyOf({ default: 'allow' }),
      callOf('fs/read_file', { path: '/home/me/work/mcp-gateway.config.json' }),
    );
    expect(decision).toMatchObject({ final: 'deny', decidingRule: 'builtin:self-protection' });
  });
});
