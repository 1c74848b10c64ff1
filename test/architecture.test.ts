import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from './helpers/paths.js';

const SRC = path.join(ROOT, 'src');

const filesUnder = async (dir: string): Promise<string[]> => {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
};

/** Every import of a file, resolved to a src-relative folder ("core/policy") or a package name. */
const importsOf = async (file: string): Promise<string[]> => {
  const text = await readFile(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g),
  ].map((m) => m[1] ?? '');
  return specifiers.map((specifier) =>
    specifier.startsWith('.')
      ? path.relative(SRC, path.resolve(path.dirname(file), specifier))
      : specifier,
  );
};

const EDGE_PACKAGES = ['execa', 'cosmiconfig', 'chalk', 'commander', 'zod'];

describe('dependencies point inward', () => {
  test.each([
    ['core', ['core/', '@modelcontextprotocol/sdk/types.js']],
    ['pipeline', ['core/', 'pipeline/', '@modelcontextprotocol/sdk/types.js']],
  ])('src/%s imports only what it may', async (folder, allowed) => {
    const offenders: string[] = [];
    for (const file of await filesUnder(path.join(SRC, folder))) {
      for (const target of await importsOf(file)) {
        const ok = allowed.some((prefix) => target === prefix || target.startsWith(prefix));
        if (!ok) offenders.push(`${path.relative(SRC, file)} → ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test('edge libraries stay out of core and pipeline', async () => {
    const offenders: string[] = [];
    for (const folder of ['core', 'pipeline']) {
      for (const file of await filesUnder(path.join(SRC, folder))) {
        for (const target of await importsOf(file)) {
          if (
            target.startsWith('node:') ||
            EDGE_PACKAGES.some((p) => target === p || target.startsWith(`${p}/`))
          ) {
            offenders.push(`${path.relative(SRC, file)} → ${target}`);
          }
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  test('only cli/output.ts imports chalk', async () => {
    const offenders: string[] = [];
    for (const file of await filesUnder(SRC)) {
      if (
        (await importsOf(file)).includes('chalk') &&
        !file.endsWith(path.join('cli', 'output.ts'))
      )
        offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});

/** Files reached from `entry` through imports that load code (not `import type`), src-relative. */
const loadedFrom = async (entry: string): Promise<Set<string>> => {
  const seen = new Set<string>();
  const queue = [path.join(SRC, entry)];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const relative = path.relative(SRC, file);
    if (seen.has(relative)) continue;
    seen.add(relative);
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(
      /(?:^|\n)\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/g,
    ))
      queue.push(path.resolve(path.dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts')));
  }
  return seen;
};

describe('start-up loads what it needs', () => {
  // The scanner's modules take 100-200 ms to load and set up; statically reached from
  // create-gateway.ts they delay the answer to `initialize` (gateway-parts.ts loads them later).
  test('createGateway reaches no scanner module before its build', async () => {
    const loaded = [...(await loadedFrom('gateway/create-gateway.ts'))];
    expect(loaded).toContain('gateway/lazy-scanner.ts');
    expect(loaded.filter((f) => f.startsWith('core/scanner/'))).toEqual([]);
  });
});
