#!/usr/bin/env node
// Writes src/core/scanner/space-loops-table.ts: each pattern register-shift.ts and directive.ts build, mapped to
// its source with bounded `\s` runs written as guarded loops (factor-assertions.ts, loopSpaces). Ahead of time
// because the rewrite at import cost some 20 ms of CPU. Run after `npm run build`; a unit test fails when the
// table is stale (src/core/scanner/space-loops.test.ts).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scanner = (file) => pathToFileURL(join(root, 'dist', 'core', 'scanner', file)).href;
const { loopSpaces, spaceLoopedPatterns } = await import(scanner('factor-assertions.js'));
await import(scanner('register-shift.js'));
await import(scanner('directive.js'));
/** @type {Map<string, string>} */
const table = new Map();
for (const p of spaceLoopedPatterns) {
  const looped = loopSpaces(p.source);
  if (looped !== p.source) table.set(p.source, looped);
}
const out = join(root, 'src', 'core', 'scanner', 'space-loops-table.ts');
const rows = [...table].map(([from, to]) => `  [${JSON.stringify(from)}, ${JSON.stringify(to)}],`);
writeFileSync(
  out,
  [
    '// Written by scripts/space-loops.js (npm run build first); do not edit. Per regex source of register-shift.ts',
    '// and directive.ts, that source with its bounded `\\s` runs as guarded loops (factor-assertions.ts, loopSpaces).',
    '',
    '/** Regex sources mapped to their loopSpaces rewrite (only those it changes). */',
    'export const spaceLoops: ReadonlyMap<string, string> = new Map([',
    ...rows,
    ']);',
    '',
  ].join('\n'),
);
execFileSync('npx', ['prettier', '--write', out], { cwd: root, stdio: 'ignore' });
console.log(`${table.size} of ${spaceLoopedPatterns.length} patterns rewritten -> ${out}`);
