import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { traceStartup } from '../backends/startup-trace.js';
import type { precomputedUse } from '../core/scanner/precomputed.js';
import type { createScanner } from '../core/scanner/scanner.js';

// In the CLI bundle the scanner (detector tables, lexicons, keyword automaton: ~0.55 MB of JS)
// is not an ES module chunk but a CommonJS script beside the chunks (`dist/bundle/scanner.cjs`,
// scripts/bundle.js), compiled here with V8's code cache: Node 20 keeps no compiled code across
// runs for ES modules (`module.enableCompileCache` is Node 22.1+), and compiling that chunk, and
// the functions its tables and the scanner's build run, was ~30 ms of CPU on the first call's
// path at every start. The cache is V8's own serialised bytecode, kept in the state folder under
// the script's digest, Node's version and the architecture; V8 itself refuses data made by
// another V8, other flags or another source (then the script compiles as before and the cache
// is written again). Unbundled (tests, the library API) the scanner is an ordinary import.

/** What the scanner script exports: the two functions gateway-parts.ts takes from the scanner. */
export interface ScannerScript {
  readonly createScanner: typeof createScanner;
  readonly precomputedUse: typeof precomputedUse;
}

let cacheDir: string | undefined;

/** Keeps the scanner script's compiled code in `stateDir` (set before the scanner is built). */
export const scannerCodeCacheIn = (stateDir: string): void => {
  cacheDir = path.join(stateDir, 'code-cache');
};

/** The file name of the scanner's code cache for the script with digest `id`. */
export const scannerCacheName = (id: string): string =>
  `scanner-${id}-node${process.versions.node}-${process.arch}.bin`;

/**
 * Compiles and runs the scanner script at `url` (its digest `id`), with the code cache when there
 * is a usable one; when there is none, the cache is written once the scanner has been built (so
 * the functions the build ran are in it), off the build's own path.
 */
export function loadScannerScript(url: URL, id: string): ScannerScript {
  const file = fileURLToPath(url);
  const source = readFileSync(file, 'utf8');
  const cacheFile = cacheDir === undefined ? undefined : path.join(cacheDir, scannerCacheName(id));
  let cached: Buffer | undefined;
  if (cacheFile !== undefined) {
    try {
      cached = readFileSync(cacheFile);
    } catch {
      // none yet (or unreadable): compiled from the source below, and written
    }
  }
  // One line with the wrapper, so the script's own line numbers (and its source map) still hold.
  const script = new Script(`(function (module, exports) {${source}\n})`, {
    filename: file,
    ...(cached === undefined ? {} : { cachedData: cached }),
  });
  const usable = cached !== undefined && !script.cachedDataRejected;
  traceStartup(
    usable
      ? `scanner: script compiled with its code cache (${Math.round((cached?.length ?? 0) / 1024)} KB)`
      : `scanner: script compiled (${cached === undefined ? 'no code cache' : 'code cache refused'})`,
  );
  const module: { exports: Partial<ScannerScript> } = { exports: {} };
  (script.runInThisContext() as (m: typeof module, e: unknown) => void)(module, module.exports);
  const { createScanner: create, precomputedUse: use } = module.exports;
  if (create === undefined || use === undefined)
    throw new Error(`${file} does not export createScanner and precomputedUse: rebuild the CLI`);
  let written = usable || cacheFile === undefined;
  return {
    precomputedUse: use,
    createScanner: (...args) => {
      const scanner = create(...args);
      if (!written && cacheFile !== undefined) {
        written = true;
        // After the reply this build may be holding up: serialising takes a few ms.
        setImmediate(() => {
          void writeCodeCache(cacheFile, script.createCachedData());
        });
      }
      return scanner;
    },
  };
}

/** Writes the cache beside its place and renames it there: a reader sees a whole file or none. */
async function writeCodeCache(file: string, data: Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(temporary, data, { mode: 0o600 });
    await rename(temporary, file);
    // Caches of other builds of the scanner (an upgrade, another Node) would only take space.
    for (const name of await readdir(path.dirname(file)))
      if (/^scanner-.*\.bin$/.test(name) && name !== path.basename(file))
        await rm(path.join(path.dirname(file), name), { force: true });
    traceStartup(`scanner: code cache written (${Math.round(data.length / 1024)} KB)`);
  } catch (error) {
    // A cache nobody can write only costs the next start its compile.
    await rm(temporary, { force: true }).catch(() => undefined);
    traceStartup(`scanner: code cache not written (${(error as Error).message})`);
  }
}
