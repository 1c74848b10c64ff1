import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  killChildren,
  spawnFromConfigText,
  type GuessedChildren,
} from '../gateway/early-children.js';
import { traceStartup } from '../gateway/startup-trace.js';

/**
 * The JSON config file whose plainly written stdio servers `run` spawns before validating it
 * (backends/spawn-from-config-text.ts), or undefined: `given` is `--config` or
 * MCP_GATEWAY_CONFIG; a profile may leave servers out, and a searched-for or YAML config is
 * cosmiconfig's to read.
 */
export const configFileToGuess = (
  given: string | undefined,
  profile: string | undefined,
  cwd: string,
): string | undefined => {
  if (given === undefined || given === '' || (profile !== undefined && profile !== ''))
    return undefined;
  const file = path.resolve(cwd, given);
  if (!file.endsWith('.json') || path.basename(file) === 'package.json') return undefined;
  return file;
};

/** The children a config file's text names, spawned now (an empty map if none or unreadable). */
export const spawnFromConfigFile = (file: string | undefined): GuessedChildren => {
  if (file === undefined) return new Map();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // Missing or unreadable: loadConfig says so, with its fix.
    return new Map();
  }
  return spawnFromConfigText(file, text);
};

/** Options of the program (src/cli/program.ts) that take a value, as `-c x` or `--config=x`. */
const VALUED = new Set([
  '-c',
  '--config',
  '--log-level',
  '--agent',
  '--state-dir',
  '--entry-name',
  '--approve',
]);
/** Options without a value that change nothing about which servers start. */
const FLAGS = new Set(['--no-color', '--no-console']);
const LOG_LEVELS = new Set(['error', 'warn', 'info', 'debug']);

/**
 * The `--config` of a command line that is plainly `run` (the default command), or `null` for
 * one without it; undefined for anything else (another command, `--help`, `--version`,
 * `--profile`, an option this does not know, a value commander would refuse), which then goes
 * through commander alone. Only options that do not change which servers start are let through.
 */
export const plainRunConfig = (args: readonly string[]): string | null | undefined => {
  let config: string | null = null;
  let command = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === 'run' && !command) {
      command = true;
      continue;
    }
    if (FLAGS.has(arg)) continue;
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (!VALUED.has(name)) return undefined;
    const value = equals === -1 ? args[++i] : arg.slice(equals + 1);
    if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    if (name === '--log-level' && !LOG_LEVELS.has(value)) return undefined;
    if (name === '-c' || name === '--config') {
      // Given twice: commander's rule (the last wins) is not worth repeating here.
      if (config !== null) return undefined;
      config = value;
    }
  }
  return config;
};

interface Launched {
  readonly file: string;
  readonly children: GuessedChildren;
}

/**
 * Where the bin's spawn leaves its children for `run`: on the global object, because the bin loads
 * this module from `dist/bundle/launch.js`, a file of its own (one file to load before the spawn,
 * not a graph of chunks: each module file costs Node's ES module loader ~1 ms of CPU), while `run`
 * has its own copy in the main bundle.
 */
const LAUNCHED = Symbol.for('mcp-gateway.launch-children');
const slot = globalThis as { [LAUNCHED]?: Launched | undefined };

/**
 * Called by the bin (from `dist/bundle/launch.js`) before the CLI's code loads (commander, the program, the `run` command and
 * its config reader: ~16 ms of CPU after Node's own boot): when the command line is plainly a
 * `run` of a JSON config, its plainly written stdio servers are spawned now, so their boot
 * overlaps all of the gateway's. `run` takes them ({@link takeLaunchChildren}) and hands them
 * to the config check as it would its own guesses; whatever is not taken when the process
 * exits (a usage error, a crash before `run`) is killed then.
 */
export const spawnAtLaunch = (
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): void => {
  const config = plainRunConfig(args);
  if (config === undefined) return;
  const file = configFileToGuess(
    config ?? env['MCP_GATEWAY_CONFIG'],
    env['MCP_GATEWAY_PROFILE'],
    cwd,
  );
  if (file === undefined) return;
  const children = spawnFromConfigFile(file);
  if (children.size === 0) return;
  slot[LAUNCHED] = { file, children };
  traceStartup(`backends spawned at launch (${children.size})`);
  process.once('exit', () => {
    const untaken = slot[LAUNCHED];
    if (untaken !== undefined) killChildren(untaken.children);
  });
};

/**
 * The children spawned at launch for `file`, once; undefined if none were (and those spawned for
 * another file are killed: `run` guesses its own).
 */
export const takeLaunchChildren = (file: string | undefined): GuessedChildren | undefined => {
  const taken = slot[LAUNCHED];
  slot[LAUNCHED] = undefined;
  if (taken === undefined) return undefined;
  if (taken.file === file) return taken.children;
  killChildren(taken.children);
  return undefined;
};
