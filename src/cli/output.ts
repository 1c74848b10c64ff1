import { Chalk, type ChalkInstance } from 'chalk';
import type { LogLevel } from '../config/resolve.js';
import { isGatewayError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';

/** Where a command writes: stdout for results, stderr for everything else. */
export interface Streams {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Human output for one command: colours decided once from the stream written to. */
export interface Output {
  readonly color: ChalkInstance;
  readonly streams: Streams;
  /** True when stderr is a terminal (progress and hints are shown). */
  readonly interactive: boolean;
  out(line: string): void;
  err(line: string): void;
  logger(level: LogLevel): Logger;
}

const LEVELS: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** Colour only on a TTY, never with NO_COLOR or --no-color (DESIGN §2). */
export const createOutput = (
  streams: Streams,
  options: { noColor: boolean; env: Readonly<Record<string, string | undefined>> },
): Output => {
  const noColor = options.noColor || (options.env['NO_COLOR'] ?? '') !== '';
  const color = new Chalk({ level: !noColor && streams.stderr.isTTY === true ? 1 : 0 });
  const err = (line: string): void => {
    streams.stderr.write(`${line}\n`);
  };
  return {
    color,
    streams,
    interactive: streams.stderr.isTTY === true,
    out: (line) => {
      streams.stdout.write(`${line}\n`);
    },
    err,
    logger: (level) => {
      const max = LEVELS[level];
      const at = (l: LogLevel, paint: (s: string) => string) => (message: string) => {
        if (LEVELS[l] <= max) err(paint(`mcp-gateway ${l}: ${message}`));
      };
      return {
        error: at('error', color.red),
        warn: at('warn', color.yellow),
        info: at('info', (s) => s),
        debug: at('debug', color.dim),
        backend: (server, line) => {
          if (max >= LEVELS.info) err(`${color.cyan(`[${server}]`)} ${line}`);
        },
      };
    },
  };
};

/** 0 ok, 1 runtime failure, 2 usage or config error. */
export const exitCodeFor = (error: unknown): number => {
  if (!isGatewayError(error)) return 1;
  return error.code === 'CONFIG_INVALID' ||
    error.code === 'CONFIG_NOT_FOUND' ||
    error.code === 'USAGE'
    ? 2
    : 1;
};

/** An error as the user should read it: what, where (file and JSON path), and the fix. */
export const formatError = (error: unknown, color: ChalkInstance): string => {
  if (!isGatewayError(error)) {
    return color.red(
      `mcp-gateway: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  const lines = [color.red(`mcp-gateway: ${error.message}`)];
  const issues = error.details?.['issues'];
  if (Array.isArray(issues)) {
    for (const issue of issues as { path: (string | number)[]; message: string }[]) {
      lines.push(`  ${color.bold(formatJsonPath(issue.path))}: ${issue.message}`);
    }
  }
  return lines.join('\n');
};

/** `servers.fs.args[0]`-style path; `(root)` for the top level. */
export const formatJsonPath = (path: readonly (string | number)[]): string => {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(segment))
      out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
};

/** Left-aligned columns, for `tools` and friends. */
export const formatTable = (
  rows: readonly (readonly string[])[],
  header: readonly string[],
  color: ChalkInstance,
): string[] => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  return [color.bold(line(header)), ...rows.map(line)];
};
