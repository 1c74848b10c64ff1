import { describe, expect, test } from 'vitest';
import { comparePins, type SeenServer, type SeenTool } from './compare-pins.js';
import type { ServerPins } from './pins-file.js';

const hashA = `sha256:${'a'.repeat(64)}`;
const hashB = `sha256:${'b'.repeat(64)}`;
const hashC = `sha256:${'c'.repeat(64)}`;
const T0 = '2025-01-01T00:00:00.000Z';
const T1 = '2025-01-02T00:00:00.000Z';

const tool = (name: string, hash: string, description = name): SeenTool => ({
  name,
  hash,
  legacyHash: hash,
  definition: { name, description },
});
const seen = (tools: SeenTool[], instructions?: { hash: string; text: string }): SeenServer =>
  instructions === undefined ? { server: 'fs', tools } : { server: 'fs', tools, instructions };
const pinnedWith = (...tools: SeenTool[]): ServerPins =>
  comparePins(undefined, seen(tools), T0).pins;

describe('comparePins', () => {
  test('pins every tool of a server seen for the first time', () => {
    const result = comparePins(undefined, seen([tool('read', hashA)]), T0);
    expect(result.changed).toBe(true);
    expect(result.check.tools).toEqual([
      { tool: 'read', status: 'new', hash: hashA, pinnedHash: hashA },
    ]);
    expect(result.pins.tools['read']).toEqual({
      hash: hashA,
      pinnedAt: T0,
      definition: { name: 'read', description: 'read' },
      form: 2,
    });
  });

  test('reports a matching tool as pinned and asks for no write', () => {
    const result = comparePins(pinnedWith(tool('read', hashA)), seen([tool('read', hashA)]), T1);
    expect(result.changed).toBe(false);
    expect(result.check.tools[0]?.status).toBe('pinned');
  });

  test('pins a tool that is new on a known server', () => {
    const result = comparePins(
      pinnedWith(tool('read', hashA)),
      seen([tool('read', hashA), tool('write', hashB)]),
      T1,
    );
    expect(result.check.tools.map((check) => check.status)).toEqual(['pinned', 'new']);
    expect(result.pins.tools['write']?.pinnedAt).toBe(T1);
  });

  test('keeps the old pin of a drifted tool and records the new definition as pending', () => {
    const result = comparePins(
      pinnedWith(tool('read', hashA)),
      seen([tool('read', hashB, 'x')]),
      T1,
    );
    expect(result.changed).toBe(true);
    expect(result.check.tools).toEqual([
      { tool: 'read', status: 'drifted', hash: hashB, pinnedHash: hashA },
    ]);
    expect(result.pins.tools['read']).toMatchObject({
      hash: hashA,
      pinnedAt: T0,
      pending: { hash: hashB, seenAt: T1, definition: { name: 'read', description: 'x' } },
    });
  });

  test('asks for no write when the same drift is seen again', () => {
    const drifted = comparePins(pinnedWith(tool('read', hashA)), seen([tool('read', hashB)]), T1);
    const again = comparePins(drifted.pins, seen([tool('read', hashB)]), T1);
    expect(again.changed).toBe(false);
    expect(again.check.tools[0]?.status).toBe('drifted');
  });

  test('records a further drift as the new pending definition', () => {
    const drifted = comparePins(pinnedWith(tool('read', hashA)), seen([tool('read', hashB)]), T1);
    const further = comparePins(drifted.pins, seen([tool('read', hashC)]), T1);
    expect(further.changed).toBe(true);
    expect(further.pins.tools['read']?.pending?.hash).toBe(hashC);
  });

  test('clears the pending definition when the pinned one returns', () => {
    const drifted = comparePins(pinnedWith(tool('read', hashA)), seen([tool('read', hashB)]), T1);
    const back = comparePins(drifted.pins, seen([tool('read', hashA)]), T1);
    expect(back.changed).toBe(true);
    expect(back.check.tools[0]?.status).toBe('pinned');
    expect(back.pins.tools['read']?.pending).toBeUndefined();
  });

  test('does not treat a tool that disappeared as a drift and keeps its pin', () => {
    const result = comparePins(
      pinnedWith(tool('read', hashA), tool('gone', hashB)),
      seen([tool('read', hashA)]),
      T1,
    );
    expect(result.changed).toBe(false);
    expect(result.check.tools).toHaveLength(1);
    expect(result.pins.tools['gone']?.hash).toBe(hashB);
  });

  test('pins tools whose names collide with Object.prototype members', () => {
    const names = ['__proto__', 'toString', 'constructor'];
    const first = comparePins(undefined, seen(names.map((name) => tool(name, hashA))), T0);
    expect(first.check.tools.map((check) => check.status)).toEqual(['new', 'new', 'new']);
    const drift = comparePins(first.pins, seen(names.map((name) => tool(name, hashB))), T1);
    expect(drift.check.tools.map((check) => check.status)).toEqual([
      'drifted',
      'drifted',
      'drifted',
    ]);
  });

  test('stores a detached copy of the definition', () => {
    const seenTool = tool('read', hashA);
    const result = comparePins(undefined, seen([seenTool]), T0);
    seenTool.definition['description'] = 'mutated later';
    expect(result.pins.tools['read']?.definition['description']).toBe('read');
  });

  describe('instructions', () => {
    test('pins instructions seen for the first time', () => {
      const result = comparePins(undefined, seen([], { hash: hashA, text: 'Be nice' }), T0);
      expect(result.check.instructions).toEqual({ status: 'new', hash: hashA, pinnedHash: hashA });
      expect(result.pins.instructions).toEqual({ hash: hashA, pinnedAt: T0, text: 'Be nice' });
    });

    test('reports changed instructions as drifted and keeps the old text pinned', () => {
      const pinned = comparePins(undefined, seen([], { hash: hashA, text: 'Be nice' }), T0).pins;
      const result = comparePins(pinned, seen([], { hash: hashB, text: 'Be evil' }), T1);
      expect(result.changed).toBe(true);
      expect(result.check.instructions).toEqual({
        status: 'drifted',
        hash: hashB,
        pinnedHash: hashA,
      });
      expect(result.pins.instructions).toEqual({
        hash: hashA,
        pinnedAt: T0,
        text: 'Be nice',
        pending: { hash: hashB, seenAt: T1, text: 'Be evil' },
      });
    });

    test('does not treat missing instructions as a drift', () => {
      const pinned = comparePins(undefined, seen([], { hash: hashA, text: 'Be nice' }), T0).pins;
      const result = comparePins(pinned, seen([]), T1);
      expect(result.changed).toBe(false);
      expect(result.check.instructions).toEqual({ status: 'pinned', pinnedHash: hashA });
      expect(result.pins.instructions?.hash).toBe(hashA);
    });

    test('reports a server without instructions as having nothing to pin', () => {
      const result = comparePins(undefined, seen([]), T0);
      expect(result.check.instructions).toEqual({ status: 'pinned' });
      expect(result.changed).toBe(false);
    });
  });
});
