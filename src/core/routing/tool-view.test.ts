import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, test } from 'vitest';
import { buildToolCatalog, type ToolRoute } from './tool-catalog.js';
import { compileToolSelection, type ServerOffer } from './tool-selection.js';
import { buildToolView } from './tool-view.js';

const tool = (name: string): Tool => ({ name, inputSchema: { type: 'object' } });
const naming = { separator: '__', maxLength: 64, prefix: 'always' as const };
const catalog = buildToolCatalog(
  [
    { server: 'a', tools: ['a1', 'a2', 'a3', 'a4'].map(tool) },
    { server: 'b', tools: ['b1', 'b2', 'b3'].map(tool) },
  ],
  naming,
);
const offer = (server: string, extra: Partial<ServerOffer> = {}): ServerOffer => ({
  server,
  priority: 0,
  include: undefined,
  exclude: [],
  toolPriority: {},
  ...extra,
});
const view = (
  offers: ServerOffer[],
  cap: number | undefined,
  visible: (route: ToolRoute) => boolean = () => true,
) => {
  const { selection, problems } = compileToolSelection(offers, undefined);
  expect(problems).toEqual([]);
  return buildToolView({ catalog, isVisible: visible, selection, cap });
};
const names = (tools: readonly Tool[]) => tools.map((t) => t.name);

describe('buildToolView', () => {
  test('under the cap, with nothing configured, every visible tool is offered', () => {
    const v = view([offer('a'), offer('b')], 10);
    expect(names(v.tools)).toHaveLength(7);
    expect(v.leftOut).toEqual([]);
  });

  test('over the cap, equal priorities keep config and listing order; the rest are left out, named', () => {
    const v = view([offer('a'), offer('b')], 3);
    expect(names(v.tools)).toEqual(['a__a1', 'a__a2', 'a__a3']);
    expect(v.leftOut.map((l) => [l.exposed, l.reason])).toEqual([
      ['a__a4', 'cap'],
      ['b__b1', 'cap'],
      ['b__b2', 'cap'],
      ['b__b3', 'cap'],
    ]);
    expect(v.routeFor('b__b1')).toBeUndefined();
    expect(v.leftOutFor('b__b1')?.by).toBe('the tool cap (3)');
    expect(v.routeFor('a__a2')?.tool).toBe('a2');
  });

  test('server priority, then the highest matching tool priority, decide who stays', () => {
    const v = view(
      [offer('a', { toolPriority: { a4: 9, 'a*': 1 } }), offer('b', { priority: 5 })],
      4,
    );
    // a4: 9; b*: 5; a1..a3: 1 (tool glob wins over the server's 0).
    expect(names(v.tools)).toEqual(['a__a4', 'b__b1', 'b__b2', 'b__b3']);
  });

  test('include and exclude leave tools out by setting, before the cap counts', () => {
    const v = view([offer('a', { include: ['a1', 'a2'] }), offer('b', { exclude: ['b2'] })], 3);
    expect(v.leftOut.filter((l) => l.reason === 'excluded').map((l) => [l.exposed, l.by])).toEqual([
      ['a__a3', 'servers.a.tools.include'],
      ['a__a4', 'servers.a.tools.include'],
      ['b__b2', 'servers.b.tools.exclude'],
    ]);
    expect(names(v.tools)).toEqual(['a__a1', 'a__a2', 'b__b1']);
    expect(v.leftOut.filter((l) => l.reason === 'cap').map((l) => l.exposed)).toEqual(['b__b3']);
  });

  test('tools hidden by policy are neither offered nor counted, but still routed', () => {
    const hidden = view([offer('a'), offer('b')], 3, (route) => route.server !== 'a');
    expect(names(hidden.tools)).toEqual(['b__b1', 'b__b2', 'b__b3']);
    expect(hidden.leftOut).toEqual([]);
    expect(hidden.routeFor('a__a1')?.server).toBe('a');
  });

  test('a profile filters by server/tool globs', () => {
    const { selection } = compileToolSelection([offer('a'), offer('b')], {
      name: 'p',
      include: ['a/*', 'b/b1'],
      exclude: ['a/a2'],
    });
    const v = buildToolView({ catalog, isVisible: () => true, selection, cap: undefined });
    expect(names(v.tools)).toEqual(['a__a1', 'a__a3', 'a__a4', 'b__b1']);
    expect(v.leftOutFor('a__a2')?.by).toBe('profiles.p.tools.exclude');
    expect(v.leftOutFor('b__b2')?.by).toBe('profiles.p.tools.include');
  });

  test('a bad glob is a problem with its JSON path', () => {
    const { problems } = compileToolSelection([offer('a', { exclude: ['{unclosed'] })], undefined);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toEqual(['servers', 'a', 'tools', 'exclude', 0]);
  });
});
