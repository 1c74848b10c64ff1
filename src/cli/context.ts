import path from 'node:path';
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
}

/** The CLI flags that override the config file. */
export const inlineConfigFrom = (options: GlobalOptions): InlineConfig => ({
  agent: options.agent,
  logLevel: options.logLevel,
  // A path typed on the command line is relative to where it was typed.
  stateDir: options.stateDir === undefined ? undefined : path.resolve(options.stateDir),
});
