import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { policySchema } from './policy-schema.js';

function issuesOf(input: unknown): { path: PropertyKey[]; message: string }[] {
  const result = policySchema.safeParse(input);
  return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }));
}

describe('policySchema', () => {
  test('accepts the DESIGN example and fills mode, rules and limits defaults', () => {
    const parsed = policySchema.parse({
      default: 'deny',
      access: { 'fs/read_*': 'read', 'fs/write_file': 'write' },
      rules: [
        { id: 'read-a', effect: 'allow', match: 'a/*', access: 'read' },
        {
          id: 'src-only',
          effect: 'deny',
          match: 'fs/*',
          args: { $paths: { notPathUnder: ['~/src'] } },
          reason: 'only ~/src',
        },
        {
          id: 'web',
          effect: 'allow',
          match: 'web/fetch',
          args: { url: { urlHost: ['*.github.com'], scheme: ['https'] } },
        },
      ],
    });
    expect(parsed).toMatchObject({ mode: 'enforce', limits: [] });
  });

  test.each([
    ['a missing default', {}, ['default'], 'required once a policy section exists'],
    ['an unknown top-level key', { default: 'deny', rulez: [] }, [], 'rulez'],
    [
      'an unknown rule key',
      { default: 'deny', rules: [{ id: 'r', effect: 'allow', match: 's/t', tools: 'x' }] },
      ['rules', 0],
      'tools',
    ],
    [
      'an unknown predicate',
      {
        default: 'deny',
        rules: [{ id: 'r', effect: 'allow', match: 's/t', args: { p: { under: '/x' } } }],
      },
      ['rules', 0, 'args', 'p'],
      'under',
    ],
    [
      'a bad effect',
      { default: 'deny', rules: [{ id: 'r', effect: 'block', match: 's/t' }] },
      ['rules', 0, 'effect'],
      '',
    ],
    [
      'a bad rate',
      { default: 'deny', limits: [{ id: 'l', match: 's/*', rate: '30 a minute' }] },
      ['limits', 0, 'rate'],
      '30/1m',
    ],
    [
      'a bad access class',
      { default: 'deny', access: { 'fs/x': 'admin' } },
      ['access', 'fs/x'],
      '',
    ],
  ])('rejects %s with its path', (_title, input, path, message) => {
    expect(issuesOf(input)).toEqual([
      { path, message: expect.stringContaining(message) as string },
    ]);
  });

  test('converts to JSON Schema for editors', () => {
    expect(() => z.toJSONSchema(policySchema, { io: 'input' })).not.toThrow();
  });
});
