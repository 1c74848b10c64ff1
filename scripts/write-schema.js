// @ts-check
// Writes schema/mcp-gateway.schema.json from the config schema the loader uses (`npm run schema`).
import { writeFile } from 'node:fs/promises';
import { configJsonSchema } from '../dist/config/json-schema.js';

const target = new URL('../schema/mcp-gateway.schema.json', import.meta.url);
await writeFile(target, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.error(`wrote ${target.pathname}`);
