// @ts-check
// Bundles the CLI (src/cli/main.ts) into dist/bundle/ with esbuild: one ESM file for the entry
// and one chunk per lazily imported command, so `--version` and `validate` load a few hundred
// KB instead of ~500 files, and the gateway's code loads only for the commands that run it.
// tsc still emits dist/ for the library API (index.js and its types); the bin runs the bundle.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { name, version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** The bundle carries the package's name and version instead of reading package.json by a relative path. */
const packageInfo = {
  name: 'package-info',
  setup(/** @type {import('esbuild').PluginBuild} */ build) {
    build.onLoad({ filter: /[\\/]src[\\/]package-info\.ts$/ }, () => ({
      contents: `export const PACKAGE = ${JSON.stringify({ name, version })};`,
      loader: 'js',
    }));
  },
};

/**
 * zod's `locales` namespace (error messages in ~50 languages, ~290 KB: half of zod in the bundle)
 * comes along with every `import { z } from 'zod'`; the gateway's messages are English, which
 * zod configures from `locales/en.js` directly, so the namespace keeps English only.
 */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(/** @type {import('esbuild').PluginBuild} */ build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: `export { default as en } from './en.js';`,
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};

// Chunk names carry a content hash: without a clean folder every rebuild would leave the previous
// chunks behind, and the published package would carry them too.
rmSync(path.join(ROOT, 'dist/bundle'), { recursive: true, force: true });

const result = await build({
  plugins: [packageInfo, englishOnlyZod],
  absWorkingDir: ROOT,
  entryPoints: { main: 'src/cli/main.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // ESM builds first: a UMD build (jsonc-parser's) hides its require() calls from the bundler.
  mainFields: ['module', 'main'],
  target: 'node20.19',
  // Two folders deep, like src/cli/, so `../../package.json` and `../../bin/` resolve the same.
  outdir: 'dist/bundle',
  chunkNames: '[name]-[hash]',
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'linked',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  // cosmiconfig loads TypeScript only for a .ts config file, from the user's own install.
  external: ['typescript'],
  // Bundled CommonJS dependencies (cosmiconfig, ajv) call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __gatewayCreateRequire } from 'node:module'; const require = __gatewayCreateRequire(import.meta.url);",
  },
});

if (process.argv.includes('--report')) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (!file.endsWith('.js')) continue;
    console.log(`${(output.bytes / 1024).toFixed(0).padStart(6)} KB  ${file}`);
  }
}
