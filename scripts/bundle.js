// @ts-check
// Bundles the CLI (src/cli/main.ts) into dist/bundle/ with esbuild: one ESM file for the entry
// and one chunk per lazily imported command, so `--version` and `validate` load a few hundred
// KB instead of ~500 files, and the gateway's code loads only for the commands that run it.
// tsc still emits dist/ for the library API (index.js and its types); the bin runs the bundle.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { precomputeScannerTables } from './precompute-scanner.js';

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
 * Verdicts kept across runs (cached server instructions that scanned clean) name the scanner
 * that gave them: the version plus a digest of the scanner's sources, so a build whose rules
 * changed scans again instead of trusting an older build's verdict.
 */
const scannerBuild = {
  name: 'scanner-build',
  setup(/** @type {import('esbuild').PluginBuild} */ build) {
    const hash = createHash('sha256');
    // The scanner and the code-point tables it reads.
    for (const dir of ['src/core/scanner', 'src/core/unicode']) {
      const files = readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
        .sort();
      for (const file of files)
        hash.update(`${dir}/${file}`).update(readFileSync(path.join(ROOT, dir, file)));
    }
    const id = `${version}+${hash.digest('hex').slice(0, 16)}`;
    build.onLoad({ filter: /[\\/]src[\\/]review[\\/]scanner-build\.ts$/ }, () => ({
      contents: `export const SCANNER_BUILD = ${JSON.stringify(id)};`,
      loader: 'js',
    }));
  },
};

/**
 * The scanner's keyword lists, written from the lexicons' stems at every start before, computed now
 * from the same sources and carried by the bundle (src/core/scanner/precomputed.ts).
 */
const scannerTables = await precomputeScannerTables();
/**
 * The tables' JSON (~170 K characters) goes in as pieces of 16 K, joined when the chunk loads. As
 * one literal (263 KB as written) it made V8's parser grow a literal buffer to 1 MiB (it grows by
 * fours) and free it, at every start. glibc raises its mmap threshold to the largest block freed
 * (and its trim threshold to twice that), so after it no malloc arena gave memory back below 2 MiB:
 * V8's four compiler threads each kept ~1.5 MB (docs/performance.md, "memory", round 10).
 */
const TABLE_PIECE = 16 * 1024;
/** @type {string[]} */
const tablePieces = [];
for (let at = 0; at < scannerTables.length; at += TABLE_PIECE)
  tablePieces.push(JSON.stringify(scannerTables.slice(at, at + TABLE_PIECE)));
/**
 * The pieces in two modules, `precomputed-data.ts` importing `precomputed-data-tail.ts`, and the
 * tail an entry of its own (below), so each half is a chunk of its own: with round 11's lexicons
 * the tables' chunk (300 KB) had grown past zod's, the largest file the memory test allows.
 */
const headPieces = tablePieces.slice(0, Math.ceil(tablePieces.length / 2));
const tailPieces = tablePieces.slice(headPieces.length);
/**
 * Each module exports the text as an object whose `toString` joins its pieces, not as the joined
 * string: `precomputed.ts` only hands it to `JSON.parse`, which reads its argument as a string
 * (ToString), once. Joined at load and exported, the two texts (~570 KB of heap: the lexicons'
 * non-Latin scripts make them two-byte strings) stayed alive for the whole run (a heap snapshot
 * after the bench's calls, docs/performance.md, "Round 12: first call"); now they exist only while
 * parsed.
 */
const precomputedScanner = {
  name: 'precomputed-scanner',
  setup(/** @type {import('esbuild').PluginBuild} */ build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]scanner[\\/]precomputed-data\.ts$/ }, () => ({
      contents:
        `import { PRECOMPUTED_JSON_TAIL } from './precomputed-data-tail.ts';\n` +
        `export const PRECOMPUTED_JSON = { toString: () => [${headPieces.join(',')}, String(PRECOMPUTED_JSON_TAIL)].join('') };`,
      loader: 'js',
    }));
    build.onLoad(
      { filter: /[\\/]src[\\/]core[\\/]scanner[\\/]precomputed-data-tail\.ts$/ },
      () => ({
        contents: `export const PRECOMPUTED_JSON_TAIL = { toString: () => [${tailPieces.join(',')}].join('') };`,
        loader: 'js',
      }),
    );
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

/**
 * The SDK's Client and Server import its Ajv validator provider at their top level, and with it
 * Ajv, ajv-formats and fast-uri (~190 KB of JS: ~15 ms of CPU to load at every start). The gateway
 * validates with Ajv only an agent's elicitation answers (an approval prompt); its backends' Clients
 * get a validator that checks nothing. In the bundle the provider is a small class that loads the
 * SDK's own provider (AJV_PROVIDER, a CommonJS file built next to the chunks) the first time a
 * validator is asked for; the Ajv instance and its options are the SDK's, as before.
 */
const AJV_PROVIDER = 'ajv-provider.cjs';
const ajvOnFirstUse = {
  name: 'ajv-on-first-use',
  setup(/** @type {import('esbuild').PluginBuild} */ build) {
    build.onLoad(
      { filter: /[\\/]sdk[\\/]dist[\\/]esm[\\/]validation[\\/]ajv-provider\.js$/ },
      () => ({
        contents: `
        let Provider;
        export class AjvJsonSchemaValidator {
          #ajv; #real;
          constructor(ajv) { this.#ajv = ajv; }
          getValidator(schema) {
            // require: the bundle's own (its banner), resolving next to this chunk in dist/bundle/.
            Provider ??= require('./${AJV_PROVIDER}').AjvJsonSchemaValidator;
            this.#real ??= new Provider(this.#ajv);
            return this.#real.getValidator(schema);
          }
        }`,
        loader: 'js',
      }),
    );
    build.onResolve(
      { filter: new RegExp(`^\\./${AJV_PROVIDER.replace('.', '\\.')}$`) },
      (args) => ({
        path: args.path,
        external: true,
      }),
    );
  },
};

/**
 * The scanner's own code (its detectors, lexicons and their tables: ~0.5 MB of JS, ~50 ms of CPU
 * to compile and run at every start) is a second entry, dist/bundle/scanner-parts.js, that the
 * gateway loads when it first builds its scanner, not when gateway-parts loads: a warm start whose
 * first call needs no scan (its listings reviewed clean before, its words known quiet: the tool
 * cache) answers it without loading it, and it loads when the gateway is idle. Building the
 * scanner is synchronous, so it is loaded with require() of an ES module (Node 20.19 and later:
 * synchronous, and the modules gateway-parts already loaded, the keyword automaton among them,
 * are the same instances, not loaded twice). Only gateway-parts.ts's import is replaced; other
 * commands (`policy test`) import the scanner as before.
 */
const SCANNER_PARTS = 'scanner-parts.js';
const scannerOnFirstBuild = {
  name: 'scanner-on-first-build',
  setup(/** @type {import('esbuild').PluginBuild} */ build) {
    build.onResolve({ filter: /^\.\.\/core\/scanner\/scanner\.js$/ }, (args) =>
      /[\\/]src[\\/]gateway[\\/]gateway-parts\.ts$/.test(args.importer)
        ? { path: 'scanner-on-first-build', namespace: 'scanner-on-first-build' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'scanner-on-first-build' }, () => ({
      contents: `
        // require: the bundle's own (its banner), resolving next to this chunk in dist/bundle/.
        const load = () => {
          try {
            return require('./${SCANNER_PARTS}');
          } catch (error) {
            if (error?.code !== 'ERR_REQUIRE_ESM') throw error;
            throw new Error(
              'loading the scanner needs require() of ES modules (Node 20.19 or later, without --no-experimental-require-module)',
              { cause: error },
            );
          }
        };
        export const createScanner = (options) => load().createScanner(options);`,
      loader: 'js',
    }));
    build.onResolve(
      { filter: new RegExp(`^\\./${SCANNER_PARTS.replace('.', '\\.')}$`) },
      (args) => ({
        path: args.path,
        external: true,
      }),
    );
  },
};

// Chunk names carry a content hash: without a clean folder every rebuild would leave the previous
// chunks behind, and the published package would carry them too.
rmSync(path.join(ROOT, 'dist/bundle'), { recursive: true, force: true });

const result = await build({
  plugins: [
    packageInfo,
    scannerBuild,
    englishOnlyZod,
    ajvOnFirstUse,
    precomputedScanner,
    scannerOnFirstBuild,
  ],
  absWorkingDir: ROOT,
  entryPoints: {
    main: 'src/cli/main.ts',
    'scanner-parts': 'src/core/scanner/scanner.ts',
    // Never loaded itself: as an entry it cuts the scanner's shared code (533 KB in one chunk) in
    // two chunks of ~250 and ~280 KB. Node reads a module's file into one buffer and frees it; a
    // file larger than the largest other chunk (zod's, 289 KB) raises glibc's mmap and trim
    // thresholds for the rest of the run, as above (test/e2e/memory-round10.test.ts).
    'scanner-detectors': 'src/core/scanner/detectors.ts',
    // The same for the tool-definition rules (description intent and structure, ~100 KB): with
    // round 10's rules the remaining scanner chunk had grown past zod's again.
    'scanner-tools': 'src/core/scanner/scan-tool.ts',
    // The lexicons' detectors in other languages (multilingual.ts and what it reads): round 14's signals grew the
    // detectors' chunk to 316 KB, past zod's again.
    'scanner-lexicon': 'src/core/scanner/multilingual.ts',
    // The second half of the precomputed tables (above): never loaded itself either.
    'scanner-tables': 'src/core/scanner/precomputed-data-tail.ts',
  },
  entryNames: '[name]',
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

// What the bin runs before main.js: a `run` of a JSON config spawns its backends before the CLI's
// code loads (src/cli/launch-children.ts; `run`, in the main bundle, takes the children through the
// global object). One self-contained file (~10 KB): as an entry of the build above it was a graph of
// five chunks, and each module file costs Node's ES module loader ~1 ms of CPU before the spawn.
const launchBuild = await build({
  plugins: [packageInfo],
  absWorkingDir: ROOT,
  entryPoints: { launch: 'src/cli/launch-children.ts' },
  entryNames: '[name]',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  outdir: 'dist/bundle',
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'linked',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});
Object.assign(result.metafile.outputs, launchBuild.metafile.outputs);

// The SDK's Ajv provider with Ajv itself, as one CommonJS file, for ajvOnFirstUse.
const sdkRequire = createRequire(path.join(ROOT, 'package.json'));
const providerBuild = await build({
  absWorkingDir: ROOT,
  entryPoints: [sdkRequire.resolve('@modelcontextprotocol/sdk/validation/ajv')],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.19',
  outfile: `dist/bundle/${AJV_PROVIDER}`,
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'linked',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});
Object.assign(result.metafile.outputs, providerBuild.metafile.outputs);

if (process.argv.includes('--report')) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (!/\.c?js$/.test(file)) continue;
    console.log(`${(output.bytes / 1024).toFixed(0).padStart(6)} KB  ${file}`);
  }
}
