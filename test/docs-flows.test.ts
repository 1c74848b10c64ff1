import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { DEFAULT_FLOW_RULES, KNOWN_SERVERS } from '../src/core/flows/index.js';
import { ROOT } from './helpers/paths.js';

test('docs/flows.md names every built-in server package, URL and default flow rule', async () => {
  const doc = await readFile(path.join(ROOT, 'docs', 'flows.md'), 'utf8');
  const missing: string[] = [];
  for (const known of KNOWN_SERVERS) {
    for (const name of known.packages) if (!doc.includes(`\`${name}\``)) missing.push(name);
    for (const url of known.urls ?? [])
      if (!doc.includes(`${url.host}${url.path ?? ''}`)) missing.push(url.host);
    for (const word of known.packageWords ?? [])
      if (!doc.includes(`\`${word}\``)) missing.push(word);
  }
  for (const rule of DEFAULT_FLOW_RULES) if (!doc.includes(`\`${rule.id}\``)) missing.push(rule.id);
  expect(missing).toEqual([]);
});
