import { describe, expect, test } from 'vitest';
import { emptyPinsFile, parsePinsFile, serializePinsFile, type PinsFile } from './pins-file.js';

const hash = `sha256:${'0'.repeat(64)}`;
const valid = {
  v: 1,
  servers: {
    fs: {
      instructions: { hash, pinnedAt: 't', text: 'Use read first' },
      tools: {
        read: {
          hash,
          pinnedAt: 't',
          definition: { name: 'read' },
          pending: { hash, seenAt: 't', definition: { name: 'read', description: 'x' } },
        },
      },
    },
  },
};

describe('parsePinsFile', () => {
  test('accepts a well-formed file', () => {
    const parsed = parsePinsFile(valid);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(JSON.parse(serializePinsFile(parsed.file))).toEqual(valid);
  });

  test.each([
    [null, '$: expected an object'],
    [{ v: 1 }, '$.servers: expected an object'],
    [
      { v: 2, servers: {} },
      '$.v: version 2 was written by a newer mcp-gateway; upgrade to read it',
    ],
    [{ v: '1', servers: {} }, '$.v: expected 1'],
    [{ v: 1, servers: { fs: {} } }, '$.servers["fs"].tools: expected an object'],
    [
      {
        v: 1,
        servers: { fs: { tools: { read: { hash: 'md5:x', pinnedAt: 't', definition: {} } } } },
      },
      '$.servers["fs"].tools["read"].hash: expected "sha256:" followed by 64 lowercase hex digits',
    ],
    [
      { v: 1, servers: { fs: { tools: { read: { hash, pinnedAt: 't', definition: [] } } } } },
      '$.servers["fs"].tools["read"].definition: expected an object',
    ],
    [
      { v: 1, servers: { fs: { tools: {}, instructions: { hash, pinnedAt: 't' } } } },
      '$.servers["fs"].instructions.text: expected a string',
    ],
  ])('rejects %j with the path of the problem', (value, problem) => {
    expect(parsePinsFile(value)).toEqual({ ok: false, problem });
  });

  test('reads a tool named __proto__ as a plain entry', () => {
    const parsed = parsePinsFile(
      JSON.parse(
        `{"v":1,"servers":{"fs":{"tools":{"__proto__":{"hash":"${hash}","pinnedAt":"t","definition":{}}}}}}`,
      ),
    );
    expect(parsed.ok && Object.keys(parsed.file.servers['fs']?.tools ?? {})).toEqual(['__proto__']);
  });
});

describe('serializePinsFile', () => {
  test('sorts servers and tools so the file diffs cleanly', () => {
    const file: PinsFile = emptyPinsFile();
    const entry = { hash, pinnedAt: 't', definition: {} };
    file.servers['zeta'] = { tools: { b: entry, a: entry } };
    file.servers['alpha'] = { tools: {} };
    const text = serializePinsFile(file);
    expect(text.indexOf('"alpha"')).toBeLessThan(text.indexOf('"zeta"'));
    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"b"'));
    expect(text.endsWith('}\n')).toBe(true);
  });
});
