// @ts-check
// The scanner's tables the CLI bundle carries (src/core/scanner/precomputed.ts): the scanner is
// bundled from the sources being bundled (not from dist/, which may be older), built once with
// recording on, and what it computed (lexicon keyword lists, keyword tries) is returned as the JSON the bundle embeds. Used by
// scripts/bundle.js; `node scripts/precompute-scanner.js` prints a summary.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The tables as JSON text, computed from the scanner's current sources. */
export async function precomputeScannerTables() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-gateway-precompute-'));
  try {
    const outfile = path.join(dir, 'record.mjs');
    await build({
      absWorkingDir: ROOT,
      stdin: {
        contents: `
          import { recordTables } from './src/core/scanner/precomputed.ts';
          import { createScanner } from './src/core/scanner/scanner.ts';
          // A scanner with every rule on reads every lexicon detector's keywords.
          export const tables = recordTables(() => createScanner());`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20.19',
      outfile,
      logLevel: 'warning',
    });
    writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
    const { tables } = await import(pathToFileURL(outfile).href);
    return JSON.stringify(tables);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const json = await precomputeScannerTables();
  /** @type {{ keywords: [string, string[]][], texts: [string, string][] }} */
  const { keywords, texts } = JSON.parse(json);
  const total = keywords.reduce((n, [, list]) => n + list.length, 0);
  const trieChars = texts.reduce((n, [, text]) => n + text.length, 0);
  console.log(
    `${keywords.length} keyword lists, ${total} keywords; ${texts.length} tries, ${trieChars} characters; ${json.length} bytes of JSON`,
  );
}
