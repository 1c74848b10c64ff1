import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const BUNDLE = path.join(ROOT, 'dist', 'bundle');

/** The chunks a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`), itself included. */
const staticClosure = (entry: string): Set<string> => {
  const seen = new Set<string>();
  const stack = [entry];
  for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(path.join(BUNDLE, file), 'utf8');
    for (const match of text.matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?"\.\/([^"]+\.js)"/g))
      if (match[1] !== undefined) stack.push(match[1]);
  }
  return seen;
};

const holdsTextScan = (files: Iterable<string>): boolean =>
  [...files].some((file) =>
    readFileSync(path.join(BUNDLE, file), 'utf8').includes('function createTextScan('),
  );

test("the bundle loads the scanner's own code when the scanner is built, not with gateway-parts", () => {
  const chunks = readdirSync(BUNDLE);
  const parts = chunks.find((file) => /^gateway-parts-\w+\.js$/.test(file));
  expect(parts).toBeDefined();
  const loaded = staticClosure(parts ?? '');
  // gateway-parts takes the scanner through require('./scanner-parts.js') on the first build only.
  expect(loaded.has('scanner-parts.js')).toBe(false);
  expect(readFileSync(path.join(BUNDLE, parts ?? ''), 'utf8')).toContain('"./scanner-parts.js"');
  expect(holdsTextScan(loaded)).toBe(false);
  // …and that entry does hold it: the text scan, its detectors and their tables.
  expect(holdsTextScan(staticClosure('scanner-parts.js'))).toBe(true);
});
