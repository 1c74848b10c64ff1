import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { configJsonSchema } from './json-schema.js';

test('the committed JSON Schema matches the loader schema (run `npm run schema` after changing it)', async () => {
  const committed = JSON.parse(
    await readFile(new URL('../../schema/mcp-gateway.schema.json', import.meta.url), 'utf8'),
  );
  expect(committed).toEqual(JSON.parse(JSON.stringify(configJsonSchema())));
});

test('the JSON Schema rejects unknown top-level keys, as the loader does', () => {
  expect(configJsonSchema()['additionalProperties']).toBe(false);
});
