import { describe, expect, test } from 'vitest';
import { compilePolicy, type PolicyEnvironment, type PolicySettings } from './index.js';

const env: PolicyEnvironment = {
  home: '/home/me',
  cwd: '/w',
  protectedPaths: [],
  digest: 'sha256:x',
};

describe('compilePolicy reports config problems with their JSON path under `policy`', () => {
  test.each([
    [
      'an invalid regex',
      {
        default: 'deny',
        rules: [{ id: 'r', effect: 'allow', match: 's/t', args: { q: { regex: '(a' } } }],
      },
      ['rules', 0, 'args', 'q', 'regex'],
      'invalid regular expression',
    ],
    [
      'an unbalanced brace in match',
      { default: 'deny', rules: [{ id: 'r', effect: 'allow', match: 'gh/{create,update' }] },
      ['rules', 0, 'match'],
      'without "}"',
    ],
    [
      'a stray closing brace in an argument glob',
      {
        default: 'deny',
        rules: [{ id: 'r', effect: 'allow', match: 's/t', args: { f: { glob: ['ok', 'a}'] } } }],
      },
      ['rules', 0, 'args', 'f', 'glob', 1],
      'without "{"',
    ],
    [
      'a match without a server/tool slash',
      { default: 'deny', rules: [{ id: 'r', effect: 'allow', match: 'fs' }] },
      ['rules', 0, 'match'],
      'canonical "server/tool"',
    ],
    [
      'a bad selector',
      {
        default: 'deny',
        rules: [{ id: 'r', effect: 'allow', match: 's/t', args: { 'a..b': { exists: true } } }],
      },
      ['rules', 0, 'args', 'a..b'],
      'not a selector',
    ],
    [
      'a host pattern with a scheme',
      {
        default: 'deny',
        rules: [
          { id: 'r', effect: 'allow', match: 's/t', args: { u: { urlHost: 'https://x.com' } } },
        ],
      },
      ['rules', 0, 'args', 'u', 'urlHost'],
      'not a host pattern',
    ],
    [
      'a host pattern with a mid-label wildcard',
      {
        default: 'deny',
        rules: [
          { id: 'r', effect: 'allow', match: 's/t', args: { u: { urlHost: ['a.com', 'x*.com'] } } },
        ],
      },
      ['rules', 0, 'args', 'u', 'urlHost', 1],
      'not a host pattern',
    ],
    [
      'a path folder of another user',
      {
        default: 'deny',
        rules: [{ id: 'r', effect: 'allow', match: 's/t', args: { p: { pathUnder: '~bob/x' } } }],
      },
      ['rules', 0, 'args', 'p', 'pathUnder'],
      'not a path',
    ],
    [
      'an args entry without predicates',
      { default: 'deny', rules: [{ id: 'r', effect: 'allow', match: 's/t', args: { p: {} } }] },
      ['rules', 0, 'args', 'p'],
      'at least one predicate',
    ],
    [
      'a duplicate rule id',
      {
        default: 'deny',
        rules: [
          { id: 'r', effect: 'allow', match: 's/t' },
          { id: 'r', effect: 'deny', match: 's/u' },
        ],
      },
      ['rules', 1, 'id'],
      'duplicate id',
    ],
    [
      'a reserved rule id',
      { default: 'deny', rules: [{ id: 'default', effect: 'allow', match: 's/t' }] },
      ['rules', 0, 'id'],
      'reserved',
    ],
    [
      'a malformed rate',
      { default: 'deny', limits: [{ id: 'l', match: 's/*', rate: '30 per minute' }] },
      ['limits', 0, 'rate'],
      'not a rate',
    ],
    [
      'an access override that is not server/tool',
      { default: 'deny', access: { fs: 'read' } },
      ['access', 'fs'],
      'canonical "server/tool"',
    ],
  ] as [string, PolicySettings, (string | number)[], string][])(
    '%s',
    (_title, settings, path, message) => {
      const { problems } = compilePolicy(settings, env);
      expect(problems).toEqual([{ path, message: expect.stringContaining(message) as string }]);
    },
  );
});

describe('compilePolicy warns about rules that can never match', () => {
  test.each([
    [
      'a server half that no server name can have',
      { match: 'my_server/*' },
      ['rules', 0, 'match'],
      'names no possible server',
    ],
    [
      'an empty in list',
      { match: 's/t', args: { n: { in: [] } } },
      ['rules', 0, 'args', 'n', 'in'],
      'empty "in"',
    ],
    [
      'an empty agents list',
      { match: 's/t', agents: [] },
      ['rules', 0, 'agents'],
      'empty "agents"',
    ],
    [
      'gt above lt',
      { match: 's/t', args: { n: { gt: 5, lt: 1 } } },
      ['rules', 0, 'args', 'n'],
      'no number',
    ],
    [
      'access contradicting an explicit override',
      { match: 'fs/write_file', access: 'read' },
      ['rules', 0, 'access'],
      'classes fs/write_file as write',
    ],
  ] as const)('%s', (_title, rule, path, message) => {
    const { problems, warnings } = compilePolicy(
      {
        default: 'deny',
        access: { 'fs/write_*': 'write' },
        rules: [{ id: 'r', effect: 'allow', ...rule }],
      },
      env,
    );
    expect(problems).toEqual([]);
    expect(warnings).toEqual([{ path, message: expect.stringContaining(message) as string }]);
  });

  test('warns when knownServers are given and none matches the rule', () => {
    const { warnings } = compilePolicy(
      { default: 'deny', rules: [{ id: 'r', effect: 'allow', match: '{gh,gl}/*' }] },
      { ...env, knownServers: ['fs', 'web'] },
    );
    expect(warnings).toEqual([
      { path: ['rules', 0, 'match'], message: 'no configured server matches "{gh,gl}/*"' },
    ]);
  });

  test('a clean policy has neither problems nor warnings', () => {
    const result = compilePolicy(
      {
        default: 'deny',
        rules: [
          { id: 'r', effect: 'allow', match: 'fs/*', args: { $paths: { pathUnder: '~/src' } } },
        ],
      },
      { ...env, knownServers: ['fs'] },
    );
    expect([result.problems, result.warnings]).toEqual([[], []]);
  });
});

describe('a policy with problems still fails closed', () => {
  test.each([
    ['an allow rule with a broken regex never allows', 'allow', 'deny'],
    ['a deny rule with a broken regex always denies', 'deny', 'deny'],
  ] as const)('%s', async (_title, effect, expected) => {
    const { evaluatePolicy } = await import('./index.js');
    const { policy } = compilePolicy(
      {
        default: effect === 'allow' ? 'deny' : 'allow',
        rules: [{ id: 'r', effect, match: 's/t', args: { q: { regex: '[' } } }],
      },
      env,
    );
    const call = {
      server: 's',
      tool: 't',
      args: { q: 'x' },
      agent: undefined,
      access: 'write',
      serverTags: [],
    } as const;
    expect(evaluatePolicy(policy, call).effect).toBe(expected);
  });
});
