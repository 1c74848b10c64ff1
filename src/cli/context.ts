import path from 'node:path';
import type { LoadConfigOptions } from '../config/load.js';
import { createOutput, exitCodeFor, formatError, type Output } from './output.js';
import type { InlineConfig, LogLevel } from '../config/resolve.js';
import type { Streams } from './output.js';

/** What every command gets from the outside world; tests pass their own. */
export interface CliDeps {
  readonly streams: Streams;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Absolute path of the executable entry, for the client snippet. */
  readonly binPath: string;
  /** Where `run` reads the agent's messages; process.stdin in production. */
  readonly stdin: NodeJS.ReadableStream;
}

/** Options that work before or after any command. */
export interface GlobalOptions {
  readonly config?: string;
  readonly logLevel?: LogLevel;
  readonly color: boolean;
  readonly agent?: string;
  readonly stateDir?: string;
  /** `--approve RULE_ID` (repeatable). */
  readonly approve?: string[];
  /** False with `--no-console`. */
  readonly console?: boolean;
}

/** The CLI flags that override the config file. */
export const inlineConfigFrom = (options: GlobalOptions): InlineConfig => ({
  agent: options.agent,
  logLevel: options.logLevel,
  // A path typed on the command line is relative to where it was typed.
  stateDir: options.stateDir === undefined ? undefined : path.resolve(options.stateDir),
  approve: options.approve,
  // Commander defaults a negatable flag to true: only an explicit --no-console overrides the file.
  console: options.console === false ? false : undefined,
});

/** How every command loads the config: the flags, the working directory and the environment. */
export const loadOptionsFor = (options: GlobalOptions, deps: CliDeps): LoadConfigOptions => ({
  configPath: options.config,
  cwd: deps.cwd,
  env: deps.env,
  inline: inlineConfigFrom(options),
});

/** Runs a command body with its output; any error is printed with its fix and becomes the exit code. */
export const withErrors = async (
  options: GlobalOptions,
  deps: CliDeps,
  body: (output: Output) => Promise<number>,
): Promise<number> => {
  const output = createOutput(deps.streams, { noColor: !options.color, env: deps.env });
  try {
    return await body(output);
  } catch (error) {
    output.err(formatError(error, output.color));
    return exitCodeFor(error);
  }
};
