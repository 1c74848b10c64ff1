import type { UserConfig } from './schema.js';

/** Identity helper that gives a programmatic config its types. */
export const defineConfig = (config: UserConfig): UserConfig => config;
