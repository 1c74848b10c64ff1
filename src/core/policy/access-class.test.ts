import { describe, expect, test } from 'vitest';
import { accessClassFor, compilePolicy, type PolicySettings } from './index.js';

const settings: PolicySettings = {
  default: 'deny',
  access: {
    'fs/read_*': 'read',
    'fs/{list,search}_*': 'read',
    'fs/read_and_delete': 'write',
    'mem/*': 'read',
    'mem/*_entities': 'write',
  },
};
const { policy } = compilePolicy(settings, {
  home: '/h',
  cwd: '/w',
  protectedPaths: [],
  digest: 'sha256:x',
});

describe('accessClassFor: explicit override, else trusted readOnlyHint, else write', () => {
  test.each([
    ['a glob override', 'fs', 'read_file', undefined, false, 'read'],
    ['a brace alternative', 'fs', 'search_files', undefined, false, 'read'],
    ['an exact name beats a glob', 'fs', 'read_and_delete', { readOnlyHint: true }, true, 'write'],
    [
      'an override beats a trusted hint',
      'mem',
      'create_entities',
      { readOnlyHint: true },
      true,
      'write',
    ],
    ['disagreeing globs fall back to write', 'mem', 'read_entities', undefined, false, 'write'],
    ['readOnlyHint from a trusted server', 'gh', 'get_issue', { readOnlyHint: true }, true, 'read'],
    [
      'readOnlyHint from an untrusted server is ignored',
      'gh',
      'get_issue',
      { readOnlyHint: true },
      false,
      'write',
    ],
    ['readOnlyHint false', 'gh', 'get_issue', { readOnlyHint: false }, true, 'write'],
    ['no annotations at all', 'gh', 'get_issue', undefined, true, 'write'],
  ] as const)('%s: %s/%s → %s', (_title, server, tool, annotations, trust, expected) => {
    expect(accessClassFor(policy, server, tool, annotations, trust)).toBe(expected);
  });
});
