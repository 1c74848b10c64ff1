import { createRequire } from 'node:module';

/** This package's name and version (the bundle inlines them; tsc's output reads package.json). */
export const PACKAGE = createRequire(import.meta.url)('../package.json') as {
  readonly name: string;
  readonly version: string;
};
