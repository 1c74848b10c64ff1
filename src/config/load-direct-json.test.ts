import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { GatewayError } from '../core/errors.js';
import { readConfigFile, readJsonDirectly, SEARCH_PLACES } from './load.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-gateway-json-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What cosmiconfig, configured as load.ts configures it, makes of a file (its config, or its error's message). */
const viaCosmiconfig = async (file: string): Promise<unknown> => {
  const explorer = cosmiconfig('mcp-gateway', {
    searchPlaces: SEARCH_PLACES,
    packageProp: 'mcp-gateway',
    searchStrategy: 'global',
    cache: false,
  });
  try {
    const loaded = await explorer.load(file);
    return { config: loaded?.isEmpty === true ? undefined : loaded?.config };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

/** What readConfigFile makes of it: the config, or the message of the problem it reports. */
const viaLoad = async (file: string): Promise<unknown> => {
  try {
    return { config: await readConfigFile(file) };
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    const issues = (error.details as { issues?: { message: string }[] }).issues ?? [];
    return { error: issues.map((issue) => issue.message).join('; '), code: error.code };
  }
};

const TEXTS: Record<string, string> = {
  object: '{"servers": {"a": {"command": "node", "args": ["x.js"]}}}',
  nested: '{"servers": {}, "policy": {"rules": [{"id": "r", "$import": "not cosmiconfig\'s"}]}}',
  array: '[1, 2]',
  number: '42',
  string: '"text"',
  null: 'null',
  bom: '\uFEFF{"servers": {}}',
  blank: '  \n\t ',
  trailingComma: '{"servers": {},}',
  comment: '// a comment\n{"servers": {}}',
  truncated: '{"servers": {"a": ',
  duplicateKeys: '{"servers": {}, "servers": {"b": {"url": "http://localhost:1"}}}',
  unicode: '{"servers": {"caf\\u00e9": {"command": "\\ud83d\\ude00"}}}',
};

describe('a .json config read without cosmiconfig', () => {
  test.each(Object.keys(TEXTS))(
    '%s: the same config as cosmiconfig reads, or its parse error',
    async (name) => {
      const file = path.join(dir, `${name}.json`);
      await writeFile(file, TEXTS[name] ?? '');
      const expected = (await viaCosmiconfig(file)) as { config?: unknown; error?: string };
      const got = (await viaLoad(file)) as { config?: unknown; error?: string };
      if (expected.error !== undefined) {
        expect(got.error).toBe(`cannot be parsed: ${expected.error}`);
        return;
      }
      if (expected.config === undefined) {
        expect(got.error).toBe('is empty; it needs at least {"servers": {}}');
        return;
      }
      expect(got).toEqual(expected);
      expect(JSON.stringify(got.config)).toBe(JSON.stringify(expected.config));
    },
  );

  test('only plain JSON objects and values are taken directly; $import, parse errors and other files go to cosmiconfig', async () => {
    const write = async (name: string, text: string) => {
      const file = path.join(dir, name);
      await writeFile(file, text);
      return file;
    };
    expect(await readJsonDirectly(await write('a.json', '{"servers": {}}'))).toEqual({
      config: { servers: {} },
    });
    expect(await readJsonDirectly(await write('b.json', ' '))).toEqual({ config: undefined });
    expect(await readJsonDirectly(await write('c.json', '{"servers": {},}'))).toBeUndefined();
    expect(await readJsonDirectly(await write('d.json', '\uFEFF{}'))).toBeUndefined();
    const base = await write('base.json', '{"servers": {"a": {"command": "node"}}}');
    const importing = await write(
      'e.json',
      `{"$import": ${JSON.stringify(base)}, "logLevel": "debug"}`,
    );
    expect(await readJsonDirectly(importing)).toBeUndefined();
    // cosmiconfig merges the imported file: so does the config read.
    expect(await readConfigFile(importing)).toEqual({
      servers: { a: { command: 'node' } },
      logLevel: 'debug',
    });
    expect(await readJsonDirectly(await write('.mcp-gatewayrc', '{}'))).toBeUndefined();
    expect(await readJsonDirectly(await write('package.json', '{}'))).toBeUndefined();
    expect(await readJsonDirectly(await write('f.yaml', 'servers: {}'))).toBeUndefined();
  });

  test('a missing file is CONFIG_NOT_FOUND naming the file and how to create one', async () => {
    const file = path.join(dir, 'missing.json');
    const error = await readConfigFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe('CONFIG_NOT_FOUND');
    expect((error as GatewayError).message).toContain(file);
    expect((error as GatewayError).message).toContain('Create mcp-gateway.config.json');
  });
});
