import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The files of the console page, by URL path, with their content types. */
const ASSETS: Readonly<Record<string, { readonly file: string; readonly type: string }>> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/assets/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/assets/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  '/assets/icon.svg': { file: 'icon.svg', type: 'image/svg+xml' },
};

/** A console asset ready to send. */
export interface ConsoleAsset {
  readonly body: Buffer;
  readonly type: string;
}

/**
 * Finds `assets/console/` of the installed package by walking up from this module: it sits at
 * the package root whether the code runs from `src/`, `dist/` or a bundle.
 */
const findAssetDir = async (): Promise<string> => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'assets', 'console');
    try {
      await access(path.join(candidate, 'index.html'));
      return candidate;
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir)
        throw new Error('the console page (assets/console/) is missing from the package');
      dir = parent;
    }
  }
};

/** Serves the console's static files from the package; each is read once, on first request. */
export class ConsoleAssets {
  private dir: Promise<string> | undefined;
  private readonly cache = new Map<string, ConsoleAsset>();

  /** The asset for a URL path, or undefined when there is none. */
  async get(urlPath: string): Promise<ConsoleAsset | undefined> {
    const known = ASSETS[urlPath];
    if (known === undefined) return undefined;
    const cached = this.cache.get(urlPath);
    if (cached !== undefined) return cached;
    this.dir ??= findAssetDir();
    const asset = { body: await readFile(path.join(await this.dir, known.file)), type: known.type };
    this.cache.set(urlPath, asset);
    return asset;
  }
}
