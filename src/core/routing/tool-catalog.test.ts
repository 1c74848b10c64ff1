import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, test } from 'vitest';
import type { NamingOptions } from '../naming/namespace.js';
import { buildToolCatalog } from './tool-catalog.js';

const naming: NamingOptions = { separator: '__', maxLength: 64, prefix: 'always' };
const tool = (name: string): Tool => ({ name, inputSchema: { type: 'object' } });

describe('buildToolCatalog', () => {
  test('namespaces every backend tool and routes back to the original name', () => {
    const catalog = buildToolCatalog(
      [
        { server: 'a', tools: [tool('read'), tool('write')] },
        { server: 'b', tools: [tool('read')] },
      ],
      naming,
    );
    expect(catalog.tools.map((t) => t.name)).toEqual(['a__read', 'a__write', 'b__read']);
    expect(catalog.routeFor('b__read')).toMatchObject({ server: 'b', tool: 'read' });
    expect(catalog.exposedNameFor('a', 'write')).toBe('a__write');
    expect(catalog.routeFor('c__read')).toBeUndefined();
  });

  test('keeps the plain name for the lossless tool and suffixes the mapped one', () => {
    const catalog = buildToolCatalog(
      [{ server: 's', tools: [tool('get.x'), tool('get_x')] }],
      naming,
    );
    expect(catalog.exposedNameFor('s', 'get_x')).toBe('s__get_x');
    expect(catalog.exposedNameFor('s', 'get.x')).toMatch(/^s__get_x_[0-9a-f]{6}$/);
    expect(catalog.collisions).toEqual([]);
    expect(catalog.routeFor(catalog.exposedNameFor('s', 'get.x')!)?.tool).toBe('get.x');
  });

  test('refuses every copy of a name one backend lists twice, reports it, and keeps the rest', () => {
    const catalog = buildToolCatalog(
      [
        {
          server: 's',
          tools: [tool('dup'), { ...tool('dup'), description: 'other' }, tool('other')],
        },
        { server: 't', tools: [tool('dup')] },
      ],
      naming,
    );
    expect(catalog.duplicates).toEqual([{ server: 's', tool: 'dup' }]);
    expect(catalog.collisions).toEqual([]);
    expect(catalog.tools.map((t) => t.name)).toEqual(['s__other', 't__dup']);
    expect(catalog.routeFor('s__dup')).toBeUndefined();
  });

  test('the exposed definition carries the public name and everything else unchanged', () => {
    const original: Tool = { ...tool('x'), description: 'd', annotations: { readOnlyHint: true } };
    const catalog = buildToolCatalog([{ server: 's', tools: [original] }], naming);
    expect(catalog.tools[0]).toEqual({ ...original, name: 's__x' });
    expect(catalog.routeFor('s__x')?.definition).toBe(original);
  });
});
