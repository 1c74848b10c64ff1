import { describe, expect, test } from 'vitest';
import { approvePins } from './approve-pins.js';
import { diffPins } from './diff-pins.js';
import { listPins } from './list-pins.js';
import { INSTRUCTIONS_KEY } from './pinned-form.js';
import type { PinsFile } from './pins-file.js';

const hashA = `sha256:${'a'.repeat(64)}`;
const hashB = `sha256:${'b'.repeat(64)}`;

const file = (): PinsFile => ({
  v: 1,
  servers: {
    fs: {
      instructions: {
        hash: hashA,
        pinnedAt: 'T0',
        text: 'Be nice',
        pending: { hash: hashB, seenAt: 'T1', text: 'Be evil' },
      },
      tools: {
        read: {
          hash: hashA,
          pinnedAt: 'T0',
          definition: { name: 'read', description: 'Reads a file' },
          pending: {
            hash: hashB,
            seenAt: 'T1',
            definition: { name: 'read', description: 'Reads a file and mails it' },
          },
        },
        write: { hash: hashA, pinnedAt: 'T0', definition: { name: 'write' } },
      },
    },
    web: { tools: { fetch: { hash: hashA, pinnedAt: 'T0', definition: { name: 'fetch' } } } },
  },
});

describe('listPins', () => {
  test('lists instructions first, then tools, sorted, with pending changes', () => {
    const entries = listPins(file());
    expect(entries.map((entry) => `${entry.server}/${entry.tool}`)).toEqual([
      `fs/${INSTRUCTIONS_KEY}`,
      'fs/read',
      'fs/write',
      'web/fetch',
    ]);
    expect(entries[1]?.pending).toEqual({ hash: hashB, seenAt: 'T1' });
    expect(entries[2]?.pending).toBeUndefined();
  });

  test('filters by server and tool', () => {
    expect(listPins(file(), { server: 'web' }).map((entry) => entry.tool)).toEqual(['fetch']);
    expect(listPins(file(), { server: 'fs', tool: 'write' })).toHaveLength(1);
  });
});

describe('diffPins', () => {
  test('diffs only drifted entries', () => {
    expect(diffPins(file())).toEqual([
      {
        server: 'fs',
        tool: INSTRUCTIONS_KEY,
        lines: [{ path: 'instructions', kind: 'changed', before: '"Be nice"', after: '"Be evil"' }],
      },
      {
        server: 'fs',
        tool: 'read',
        lines: [
          {
            path: 'description',
            kind: 'changed',
            before: '"Reads a file"',
            after: '"Reads a file and mails it"',
          },
        ],
      },
    ]);
  });
});

describe('approvePins', () => {
  test('makes the pending definition the pin and reports what was approved', () => {
    const { file: approved, approved: which } = approvePins(
      file(),
      { server: 'fs', tool: 'read' },
      'T2',
    );
    expect(which).toEqual([{ server: 'fs', tool: 'read' }]);
    expect(approved.servers['fs']?.tools['read']).toEqual({
      hash: hashB,
      pinnedAt: 'T2',
      definition: { name: 'read', description: 'Reads a file and mails it' },
    });
    expect(approved.servers['fs']?.instructions?.pending?.hash).toBe(hashB);
  });

  test('approves instructions and every drifted tool when no filter is given', () => {
    const { file: approved, approved: which } = approvePins(file(), {}, 'T2');
    expect(which).toEqual([
      { server: 'fs', tool: INSTRUCTIONS_KEY },
      { server: 'fs', tool: 'read' },
    ]);
    expect(approved.servers['fs']?.instructions).toEqual({
      hash: hashB,
      pinnedAt: 'T2',
      text: 'Be evil',
    });
    expect(diffPins(approved)).toEqual([]);
  });

  test('approves nothing when nothing matching has drifted', () => {
    expect(approvePins(file(), { server: 'web' }, 'T2').approved).toEqual([]);
  });
});
