import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PublicExplorer } from 'cosmiconfig';
import type { z } from 'zod';
import { canonicalJson } from '../core/canonical-json.js';
import { GatewayError } from '../core/errors.js';
import { closest, knownKeysAt } from './known-keys.js';
import {
  resolveConfig,
  type ConfigIssue,
  type InlineConfig,
  type ResolvedConfig,
} from './resolve.js';
import { userConfigSchema } from './schema.js';

/** Where the search looks, in order, in each folder from the working directory upward. */
export const SEARCH_PLACES = [
  'mcp-gateway.config.json',
  '.mcp-gatewayrc',
  '.mcp-gatewayrc.json',
  '.mcp-gatewayrc.yaml',
  '.mcp-gatewayrc.yml',
  'package.json',
];

export interface LoadConfigOptions {
  /** `--config` or `MCP_GATEWAY_CONFIG`; skips the search. */
  readonly configPath?: string | undefined;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly inline?: InlineConfig;
}

// cosmiconfig (its module, its YAML and JSON parsers, and the search for its own meta config that
// creating an explorer runs: ~10-15 ms of CPU at start) is loaded only to search for the config,
// to read YAML or package.json, or to report a JSON file it cannot parse, in its own words.
let explorer: Promise<PublicExplorer> | undefined;
const getExplorer = (): Promise<PublicExplorer> =>
  (explorer ??= import('cosmiconfig').then((module) => {
    // A CommonJS package: in the bundle its dynamic import holds its exports under `default` only.
    const { cosmiconfig } = typeof module.cosmiconfig === 'function' ? module : module.default;
    return cosmiconfig('mcp-gateway', {
      searchPlaces: SEARCH_PLACES,
      packageProp: 'mcp-gateway',
      // Upward from the working directory to the home folder, then ~/.config/mcp-gateway/config.json.
      searchStrategy: 'global',
      cache: false,
    });
  }));

/** Finds, parses, validates and resolves the config; throws GatewayError with every issue. */
export const loadConfig = async (options: LoadConfigOptions): Promise<ResolvedConfig> => {
  const file = await locateConfigFile(options);
  return validateConfig(await readConfigFile(file), file, options);
};

/** The config file the gateway would use: `--config`, `MCP_GATEWAY_CONFIG`, else the search. */
export const locateConfigFile = async (
  options: Pick<LoadConfigOptions, 'configPath' | 'cwd' | 'env'>,
): Promise<string> => {
  const explicit = options.configPath ?? options.env['MCP_GATEWAY_CONFIG'];
  return explicit === undefined || explicit === ''
    ? search(options.cwd)
    : path.resolve(options.cwd, explicit);
};

/** A config file's parsed content, before validation; missing, unparseable or empty throws. */
export const readConfigFile = async (file: string): Promise<unknown> => {
  let raw: unknown;
  try {
    const direct = await readJsonDirectly(file);
    if (direct !== undefined) raw = direct.config;
    else {
      const loaded = await (await getExplorer()).load(file);
      raw = loaded?.isEmpty === true ? undefined : loaded?.config;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new GatewayError(
        'CONFIG_NOT_FOUND',
        `Config file ${file} does not exist. ${HOW_TO_CREATE}`,
        {
          cause: error,
          details: { file },
        },
      );
    }
    throw invalid(
      file,
      [{ path: [], message: `cannot be parsed: ${(error as Error).message}` }],
      error,
    );
  }
  if (raw === undefined) {
    throw invalid(file, [{ path: [], message: 'is empty; it needs at least {"servers": {}}' }]);
  }
  return raw;
};

/**
 * A `.json` config file (not package.json) as cosmiconfig would read it, without loading
 * cosmiconfig: the text, empty when blank, else `JSON.parse` of it. Undefined when cosmiconfig must
 * read it (`null` is empty, as there): another kind of file, text `JSON.parse` refuses (cosmiconfig's parser then reports it,
 * or accepts what it accepts: a byte-order mark), or an object with cosmiconfig's `$import`.
 * A missing or unreadable file throws as cosmiconfig's read throws.
 */
export const readJsonDirectly = async (file: string): Promise<{ config: unknown } | undefined> => {
  if (path.extname(file) !== '.json' || path.basename(file) === 'package.json') return undefined;
  const text = await readFile(file, 'utf8');
  if (text.trim() === '') return { config: undefined };
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    return undefined;
  }
  // cosmiconfig reads `null` as no config at all: empty.
  if (config === null) return { config: undefined };
  if (typeof config === 'object' && Object.hasOwn(config, '$import')) return undefined;
  return { config };
};

/** Validates an already-parsed config object (also used by `wrap`, which has no file). */
export const validateConfig = (
  raw: unknown,
  file: string | undefined,
  options: Pick<LoadConfigOptions, 'cwd' | 'env' | 'inline'>,
): ResolvedConfig => {
  const parsed = userConfigSchema.safeParse(raw);
  const label = file ?? '(inline config)';
  if (!parsed.success) throw invalid(label, parsed.error.issues.map(toConfigIssue));
  const dir = file === undefined ? options.cwd : path.dirname(file);
  const { config, issues } = resolveConfig(parsed.data, options.inline ?? {}, {
    file,
    dir,
    env: options.env,
    home: options.env['HOME'] ?? os.homedir(),
    realpath,
    digest: (value) => `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`,
  });
  if (issues.length > 0) throw invalid(label, issues);
  return config;
};

const realpath = (target: string): string | undefined => {
  try {
    return realpathSync.native(target);
  } catch {
    return undefined;
  }
};

const search = async (cwd: string): Promise<string> => {
  const found = await (await getExplorer()).search(cwd);
  if (found === null) {
    throw new GatewayError(
      'CONFIG_NOT_FOUND',
      `No mcp-gateway config found in ${cwd} or any folder above it, nor in ${path.join(os.homedir(), '.config', 'mcp-gateway')}. ${HOW_TO_CREATE}`,
      { details: { cwd } },
    );
  }
  return found.filepath;
};

const HOW_TO_CREATE =
  'Create mcp-gateway.config.json, for example {"servers": {"memory": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"]}}}, or pass --config PATH (or set MCP_GATEWAY_CONFIG).';

const invalid = (file: string, issues: readonly ConfigIssue[], cause?: unknown): GatewayError =>
  new GatewayError(
    'CONFIG_INVALID',
    `Config file ${file} is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'})`,
    {
      cause,
      details: { file, issues },
    },
  );

const toConfigIssue = (issue: z.core.$ZodIssue): ConfigIssue => {
  const at = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(userConfigSchema, issue.path);
    const hints = issue.keys.map((key) => {
      const guess = closest(key, known);
      return guess === undefined ? `"${key}"` : `"${key}" (did you mean "${guess}"?)`;
    });
    const allowed = known.length > 0 ? `; allowed keys: ${known.join(', ')}` : '';
    return { path: at, message: `unknown key ${hints.join(', ')}${allowed}` };
  }
  if (issue.code === 'invalid_key') {
    const key = at.at(-1);
    const reason = issue.issues.map((inner) => inner.message).join('; ');
    return { path: at, message: `invalid name ${JSON.stringify(key)}: ${reason}` };
  }
  return { path: at, message: issue.message };
};
