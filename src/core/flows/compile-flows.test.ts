import { describe, expect, test } from 'vitest';
import { compileFlows } from './compile-flows.js';

describe('compileFlows', () => {
  test('the built-in rules are on by default', () => {
    const { flows, problems } = compileFlows(undefined, 'enforce');
    expect(problems).toEqual([]);
    expect(flows.mode).toBe('enforce');
    expect(flows.rules.map((r) => [r.id, r.effect, r.enforced])).toEqual([
      ['flow:untrusted-egress', 'ask', true],
      ['flow:sensitive-data-out', 'deny', true],
    ]);
    expect(flows.tracksValues).toBe(true);
    expect(flows.untrustedAt).toBe('medium');
  });

  test('a rule with a built-in id replaces it; defaults: false drops the rest', () => {
    const replaced = compileFlows(
      {
        rules: [{ id: 'untrusted-egress', after: ['untrusted'], match: '@egress', effect: 'deny' }],
      },
      'enforce',
    ).flows;
    expect(replaced.rules.map((r) => [r.id, r.effect])).toEqual([
      ['flow:sensitive-data-out', 'deny'],
      ['flow:untrusted-egress', 'deny'],
    ]);
    const own = compileFlows({ defaults: false, rules: [] }, 'enforce').flows;
    expect(own.rules).toEqual([]);
    expect(own.tracksValues).toBe(false);
  });

  test('audit mode (of flows or of the whole policy) enforces no flow rule', () => {
    expect(compileFlows({ mode: 'audit' }, 'enforce').flows.rules.some((r) => r.enforced)).toBe(
      false,
    );
    const policyAudit = compileFlows(undefined, 'audit').flows;
    expect(policyAudit.mode).toBe('audit');
    expect(policyAudit.rules.some((r) => r.enforced)).toBe(false);
  });

  test('mode off compiles to nothing', () => {
    expect(compileFlows({ mode: 'off' }, 'enforce').flows.rules).toEqual([]);
  });

  test('untrustedFindings off turns findings into no label', () => {
    expect(compileFlows({ untrustedFindings: 'off' }, 'enforce').flows.untrustedAt).toBeUndefined();
  });

  test.each([
    ['@outside', 'is not a label'],
    ['fetch', 'must glob the canonical "server/tool"'],
    ['web/{a', 'without "}"'],
  ])('match %s is a problem at its JSON path', (match, message) => {
    const { problems } = compileFlows(
      { rules: [{ id: 'r', after: [], match, effect: 'deny' }] },
      'enforce',
    );
    expect(problems).toEqual([
      { path: ['flows', 'rules', 0, 'match'], message: expect.stringContaining(message) },
    ]);
  });

  test('duplicate ids are a problem', () => {
    const rule = { id: 'r', after: [], match: '@egress', effect: 'deny' } as const;
    expect(compileFlows({ rules: [rule, rule] }, 'enforce').problems[0]?.path).toEqual([
      'flows',
      'rules',
      1,
      'id',
    ]);
  });
});
