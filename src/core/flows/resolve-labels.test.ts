import { describe, expect, test } from 'vitest';
import { KNOWN_SERVERS } from './known-servers.js';
import { compileGlob } from '../policy/glob.js';
import { createLabelResolver, type LabelSettings } from './resolve-labels.js';

const FS = '@modelcontextprotocol/server-filesystem';
const servers = [
  { name: 'fs', identity: { kind: 'stdio', command: 'npx', args: ['-y', FS, '.'] } },
  { name: 'gh', identity: { kind: 'remote', url: 'https://api.githubcopilot.com/mcp/' } },
  { name: 'web', identity: { kind: 'stdio', command: 'node', args: ['./web.js'] } },
  // Named like a well-known server, but it runs something else: no built-in labels.
  { name: 'fetch', identity: { kind: 'stdio', command: 'node', args: ['./my-fetch.js'] } },
] as const;

const resolverFor = (labels?: LabelSettings) =>
  createLabelResolver({ labels, servers: [...servers] }).resolver;

describe('label resolution', () => {
  test.each([
    [
      'built-in defaults of a recognised server',
      'fs',
      'read_text_file',
      undefined,
      ['sensitive'],
      'builtin:filesystem',
    ],
    [
      'a built-in server tool with no labels',
      'fs',
      'write_file',
      undefined,
      [],
      'builtin:filesystem',
    ],
    ['GitHub reads', 'gh', 'get_issue', undefined, ['untrusted', 'sensitive'], 'builtin:github'],
    ['GitHub writes', 'gh', 'create_pull_request', undefined, ['egress'], 'builtin:github'],
    [
      'a GitHub tool no glob names is labelled carefully',
      'gh',
      'brand_new_tool',
      undefined,
      ['untrusted', 'egress'],
      'builtin:github',
    ],
    [
      'openWorldHint: untrusted and egress',
      'web',
      'get',
      { openWorldHint: true },
      ['untrusted', 'egress'],
      'annotations',
    ],
    [
      'openWorldHint with readOnlyHint: untrusted only',
      'web',
      'get',
      { openWorldHint: true, readOnlyHint: true },
      ['untrusted'],
      'annotations',
    ],
    ['openWorldHint false says nothing', 'web', 'get', { openWorldHint: false }, [], 'none'],
    ['a config name is not a recognition', 'fetch', 'fetch', undefined, [], 'none'],
    [
      'annotations add to the defaults',
      'fs',
      'read_text_file',
      { openWorldHint: true, readOnlyHint: true },
      ['untrusted', 'sensitive'],
      'annotations+builtin:filesystem',
    ],
    [
      'annotations cannot remove a default',
      'gh',
      'create_issue',
      { readOnlyHint: true, openWorldHint: true },
      ['untrusted', 'egress'],
      'annotations+builtin:github',
    ],
  ] as const)('%s', (_name, server, tool, annotations, labels, source) => {
    const result = resolverFor().labelsFor(server, tool, annotations);
    expect(result.labels).toEqual(labels);
    expect(result.source).toBe(source);
  });

  test('policy.labels decides alone, even against annotations and defaults', () => {
    const resolver = resolverFor({ 'fs/read_text_file': [], 'web/*': ['sensitive'] });
    expect(resolver.labelsFor('fs', 'read_text_file', undefined)).toMatchObject({
      labels: [],
      source: 'config',
    });
    expect(resolver.labelsFor('web', 'get', { openWorldHint: true })).toMatchObject({
      labels: ['sensitive'],
      source: 'config',
    });
  });

  test('an exact name beats globs, and matching globs add up', () => {
    const resolver = resolverFor({
      'web/*': ['untrusted'],
      '*/get': ['egress'],
      'web/post': ['egress'],
    });
    expect(resolver.labelsFor('web', 'get', undefined).labels).toEqual(['untrusted', 'egress']);
    expect(resolver.labelsFor('web', 'post', undefined).labels).toEqual(['egress']);
  });

  test('a changed definition is resolved again', () => {
    const resolver = resolverFor();
    expect(resolver.labelsFor('web', 'get', undefined).labels).toEqual([]);
    expect(resolver.labelsFor('web', 'get', { openWorldHint: true }).labels).toEqual([
      'untrusted',
      'egress',
    ]);
  });

  test('bad keys are config problems with their JSON path', () => {
    const { problems } = createLabelResolver({
      labels: { 'web/{a': ['egress'], fetch: ['egress'] },
      servers: [],
    });
    expect(problems.map((p) => p.path)).toEqual([
      ['labels', 'web/{a'],
      ['labels', 'fetch'],
    ]);
  });

  test('knownServer says what a server was recognised as, and by what', () => {
    const resolver = resolverFor();
    expect(resolver.knownServer('fs')).toEqual({ id: 'filesystem', by: FS });
    expect(resolver.knownServer('fetch')).toBeUndefined();
  });
});

test('every built-in tool glob compiles', () => {
  for (const known of KNOWN_SERVERS)
    for (const entry of known.tools)
      expect(compileGlob(entry.match).ok, `${known.id}: ${entry.match}`).toBe(true);
});

describe('the built-in table labels the tools of real servers', () => {
  const known = (id: string) => {
    const server = KNOWN_SERVERS.find((s) => s.id === id);
    if (server === undefined) throw new Error(id);
    const name = server.packages[0] ?? '';
    return createLabelResolver({
      labels: undefined,
      servers: [{ name: 's', identity: { kind: 'stdio', command: 'npx', args: [name] } }],
    }).resolver;
  };
  test.each([
    ['filesystem', 'read_text_file', ['sensitive']],
    ['filesystem', 'directory_tree', ['sensitive']],
    ['filesystem', 'write_file', []],
    ['memory', 'read_graph', ['sensitive']],
    ['memory', 'create_entities', []],
    ['slack', 'slack_get_channel_history', ['untrusted', 'sensitive']],
    ['slack', 'conversations_history', ['untrusted', 'sensitive']],
    ['slack', 'slack_post_message', ['egress']],
    ['email', 'read_email', ['untrusted', 'sensitive']],
    ['email', 'send_email', ['egress']],
    ['email', 'reply', ['egress']],
    ['github', 'issue_read', ['untrusted', 'sensitive']],
    ['github', 'issue_write', ['egress']],
    ['github', 'push_files', ['egress']],
    ['fetch', 'fetch', ['untrusted', 'egress']],
    ['browser', 'browser_navigate', ['untrusted', 'egress']],
    ['database', 'query', ['sensitive']],
  ])('%s/%s → %j', (id, tool, labels) => {
    expect(known(id).labelsFor('s', tool, undefined).labels).toEqual(labels);
  });
});
