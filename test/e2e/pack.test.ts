import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/paths.js';

// The published package as a user gets it: `npm pack` of whatever the build produced (no
// scripts run, so a bundling build works the same), installed into an empty folder with its
// production dependencies only, then started with npx. Offline: the dependencies come from
// the local npm cache that `npm ci` filled, pinned by this repository's lockfile (npx alone
// would ask the registry for package metadata the cache does not keep), so the test never
// reaches the network and no devDependency is in reach.
let tarball = '';
let empty = '';

const npmEnv = (home: string) => ({
  PATH: process.env['PATH'] ?? '',
  HOME: home,
  NO_COLOR: '1',
  npm_config_cache: process.env['npm_config_cache'] ?? path.join(os.homedir(), '.npm'),
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
});

const npx = (args: string[]) =>
  execa('npx', ['--offline', '--no-install', 'mcp-gateway', ...args], {
    cwd: empty,
    reject: false,
    stdin: 'ignore',
    env: npmEnv(empty),
    extendEnv: false,
  });

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  devOptional?: boolean;
  dependencies?: Record<string, string>;
}

/** A lockfile for an empty project that depends on the tarball: its production tree only. */
const lockFor = async (
  file: string,
  pkg: { name: string; version: string; dependencies: Record<string, string> },
) => {
  const lock = JSON.parse(await readFile(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const packages: Record<string, LockEntry | Record<string, unknown>> = {
    '': { name: 'empty', dependencies: { [pkg.name]: `file:${path.basename(file)}` } },
    [`node_modules/${pkg.name}`]: {
      version: pkg.version,
      resolved: `file:${path.basename(file)}`,
      integrity: `sha512-${createHash('sha512')
        .update(await readFile(file))
        .digest('base64')}`,
      dependencies: pkg.dependencies,
      bin: { 'mcp-gateway': 'bin/mcp-gateway.js' },
      engines: { node: '>=20.19' },
    },
  };
  for (const [at, entry] of Object.entries(lock.packages)) {
    if (at === '' || entry.dev === true || entry.devOptional === true) continue;
    // This machine's npm leaves registry URLs out of lockfiles; the cache is keyed by them.
    const name = at.slice(at.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const resolved =
      entry.resolved ??
      `https://registry.npmjs.org/${name}/-/${name.split('/').at(-1) ?? name}-${entry.version ?? ''}.tgz`;
    packages[at] = { ...entry, resolved };
  }
  return { name: 'empty', lockfileVersion: 3, requires: true, packages };
};

beforeAll(async () => {
  const out = await mkdtemp(path.join(os.tmpdir(), 'mcp-gateway-pack-'));
  const packed = await execa(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', out],
    { cwd: ROOT },
  );
  const [info] = JSON.parse(packed.stdout) as { filename: string }[];
  if (info === undefined) throw new Error('npm pack printed nothing');
  empty = await mkdtemp(path.join(os.tmpdir(), 'mcp-gateway-empty-'));
  tarball = path.join(empty, info.filename);
  await copyFile(path.join(out, info.filename), tarball);
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    dependencies: Record<string, string>;
  };
  await writeFile(
    path.join(empty, 'package.json'),
    JSON.stringify({
      name: 'empty',
      private: true,
      dependencies: { [pkg.name]: `file:${info.filename}` },
    }),
  );
  await writeFile(
    path.join(empty, 'package-lock.json'),
    JSON.stringify(await lockFor(tarball, pkg)),
  );
  await execa('npm', ['ci', '--offline', '--omit=dev', '--ignore-scripts'], {
    cwd: empty,
    env: npmEnv(empty),
    extendEnv: false,
  });
}, 180_000);

describe('the packed tarball', () => {
  test('holds the CLI, its compiled code and schema, and no sources or tests', async () => {
    const listed = await execa('tar', ['-tzf', tarball]);
    const files = listed.stdout.split('\n');
    expect(files).toContain('package/bin/mcp-gateway.js');
    expect(files).toContain('package/dist/cli/main.js');
    expect(files).toContain('package/schema/mcp-gateway.schema.json');
    expect(files.some((f) => f.startsWith('package/src/') || f.includes('.test.'))).toBe(false);
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(pkg.bin).toEqual({ 'mcp-gateway': 'bin/mcp-gateway.js' });
  });

  test('only production dependencies are installed', async () => {
    const installed = await readdir(path.join(empty, 'node_modules'));
    for (const dev of ['vitest', 'typescript', 'eslint', 'prettier'])
      expect(installed).not.toContain(dev);
    const scoped = await readdir(path.join(empty, 'node_modules', '@modelcontextprotocol'));
    expect(scoped).toEqual(['sdk']);
    expect(installed).toContain('mcp-gateway-cli');
  });

  test('npx mcp-gateway --version runs from the installed tarball', async () => {
    const result = await npx(['--version']);
    expect(result.stderr).not.toMatch(/ENOTCACHED|ERR!/);
    expect(result.exitCode, result.stderr).toBe(0);
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(result.stdout.trim()).toBe(version);
  });

  test('npx mcp-gateway init --from FILE writes a config there', async () => {
    const source = path.join(empty, 'servers.json');
    await writeFile(
      source,
      JSON.stringify({
        mcpServers: {
          memory: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] },
        },
      }),
    );
    const result = await npx(['init', '--from', source]);
    expect(result.exitCode, result.stderr).toBe(0);
    const written = JSON.parse(
      await readFile(path.join(empty, 'mcp-gateway.config.json'), 'utf8'),
    ) as {
      servers: Record<string, unknown>;
      $schema?: string;
    };
    expect(Object.keys(written.servers)).toEqual(['memory']);
    // A lasting installation: editors get the schema that ships with it.
    expect(written.$schema).toBe('./node_modules/mcp-gateway-cli/schema/mcp-gateway.schema.json');
  });
});
