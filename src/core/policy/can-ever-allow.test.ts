import { describe, expect, test } from 'vitest';
import {
  canEverAllow,
  compilePolicy,
  explainPolicy,
  type PolicyCall,
  type PolicySettings,
} from './index.js';

const env = { home: '/h', cwd: '/w', protectedPaths: ['/w/.mcp-gateway'], digest: 'sha256:x' };
const settings: PolicySettings = {
  default: 'deny',
  rules: [
    { id: 'read-a', effect: 'allow', match: 'a/*', agents: ['bot'], access: 'read' },
    { id: 'no-delete', effect: 'deny', match: '*/delete_*' },
    { id: 'web', effect: 'allow', match: 'web/fetch', args: { url: { urlHost: '*.github.com' } } },
    { id: 'gh-write', effect: 'ask', match: 'gh/*', access: 'write' },
    { id: 'tmp-only', effect: 'deny', match: 'gh/*', args: { $paths: { notPathUnder: '/tmp' } } },
    { id: 'trial', effect: 'deny', match: 'gh/*', enforce: false },
  ],
  limits: [{ id: 'gh', match: 'gh/*', rate: '30/1m', burst: 10, per: 'agent' }],
};
const { policy } = compilePolicy(settings, env);

function callOf(name: string, access: 'read' | 'write', agent?: string): Omit<PolicyCall, 'args'> {
  const [server = '', tool = ''] = name.split('/');
  return { server, tool, agent, access, serverTags: [] };
}

describe('canEverAllow hides only tools no arguments can ever get allowed', () => {
  test.each([
    ['an allow rule that applies', callOf('a/get', 'read', 'bot'), true],
    ['no rule applies under default deny', callOf('a/put', 'write', 'bot'), false],
    ['the allow rule is for another agent', callOf('a/get', 'read', 'eve'), false],
    ['an unconditional deny', callOf('a/delete_x', 'read', 'bot'), false],
    ['an allow that depends on arguments', callOf('web/fetch', 'read'), true],
    ['an ask (a human may approve) next to a conditional deny', callOf('gh/create', 'write'), true],
  ])('%s → %s', (_title, call, expected) => {
    expect(canEverAllow(policy, call)).toBe(expected);
  });

  test('an unconditional deny with enforce: false does not hide', () => {
    const trial = compilePolicy(
      { default: 'allow', rules: [{ id: 't', effect: 'deny', match: 'a/*', enforce: false }] },
      env,
    ).policy;
    expect(canEverAllow(trial, callOf('a/get', 'read'))).toBe(true);
  });

  test('audit mode hides nothing', () => {
    const audit = compilePolicy({ ...settings, mode: 'audit' }, env).policy;
    expect(canEverAllow(audit, callOf('a/delete_x', 'write'))).toBe(true);
  });
});

describe('explainPolicy lists every rule and limit that can apply, strongest first', () => {
  test('for gh/create_issue written by bot', () => {
    expect(explainPolicy(policy, callOf('gh/create_issue', 'write', 'bot'))).toEqual([
      expect.objectContaining({
        rule: 'builtin:self-protection',
        effect: 'deny',
        applies: 'depends-on-arguments',
      }),
      expect.objectContaining({
        rule: 'tmp-only',
        effect: 'deny',
        applies: 'depends-on-arguments',
      }),
      expect.objectContaining({ rule: 'trial', effect: 'would_deny', applies: 'always' }),
      expect.objectContaining({ rule: 'gh-write', effect: 'ask', applies: 'always' }),
      {
        rule: 'limit:gh',
        effect: 'limit',
        applies: 'always',
        reason: '30/1m, burst 10, per agent',
      },
      { rule: 'default', effect: 'deny', applies: 'always', reason: 'when no rule matches' },
    ]);
  });

  test('a rule for another access class is not listed', () => {
    const rules = explainPolicy(policy, callOf('gh/get_issue', 'read')).map((line) => line.rule);
    expect(rules).not.toContain('gh-write');
  });
});
