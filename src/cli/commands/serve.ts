import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../config/load.js';
import { parseDuration } from '../../config/resolve.js';
import { GatewayError } from '../../core/errors.js';
import { DEFAULT_MAX_CONNECTIONS } from '../../frontend/connection-limit.js';
import {
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_SESSIONS,
  ListenError,
  isLoopback,
  startHttpFront,
} from '../../frontend/http-server.js';
import type { Gateway } from '../../gateway/gateway.js';
import { loadOptionsFor, type CliDeps, type GlobalOptions } from '../context.js';
import { createOutput, exitCodeFor, formatError } from '../output.js';
import { reloadOnChange } from '../reload.js';
import { serveUntilShutdown } from '../shutdown.js';

/** Where `serve` reads a fixed bearer token from (else one is generated and printed). */
export const TOKEN_ENV = 'MCP_GATEWAY_TOKEN';

/** Below this many characters a chosen token is easy to guess, so `serve` warns. */
export const MIN_TOKEN_LENGTH = 32;

/** What `serve` takes besides the global options. */
export interface ServeOptions {
  readonly http: string;
  readonly auth: boolean;
  readonly maxSessions?: string;
  readonly idleTimeout?: string;
  readonly maxConnections?: string;
}

/** `serve --http HOST:PORT`: the same gateway over Streamable HTTP, one session per client. */
export const serveCommand = async (
  options: GlobalOptions & ServeOptions,
  deps: CliDeps,
): Promise<number> => {
  const output = createOutput(deps.streams, { noColor: !options.color, env: deps.env });
  try {
    const { host, port } = parseListen(options.http);
    if (!options.auth && !isLoopback(host)) {
      throw new GatewayError(
        'USAGE',
        `--no-auth is only allowed on a loopback address (localhost, 127.x.x.x, ::1), not ${host}: a host name is not loopback, whatever it starts with`,
      );
    }
    const maxSessions = parseCount('--max-sessions', options.maxSessions, DEFAULT_MAX_SESSIONS);
    const maxConnections = parseCount(
      '--max-connections',
      options.maxConnections,
      DEFAULT_MAX_CONNECTIONS,
    );
    const idleTimeoutMs = parseIdleTimeout(options.idleTimeout);
    const config = await loadConfig(loadOptionsFor(options, deps));
    const logger = output.logger(config.logLevel);
    const fromEnv = deps.env[TOKEN_ENV];
    const chosen = fromEnv !== undefined && fromEnv !== '' ? fromEnv : undefined;
    const token = !options.auth ? undefined : (chosen ?? randomBytes(24).toString('base64url'));
    if (token !== undefined && chosen !== undefined && chosen.length < MIN_TOKEN_LENGTH) {
      logger.warn(
        `${TOKEN_ENV} is ${String(chosen.length)} characters long; use at least ${String(MIN_TOKEN_LENGTH)} random ones (e.g. openssl rand -base64 32), or unset it to get a generated one`,
      );
    }
    // Listen before starting any backend: a busy port or a bad host fails at once, with exit 2.
    let gateway: Gateway | undefined;
    let resolveGateway: (value: Gateway) => void = () => undefined;
    const ready = new Promise<Gateway>((resolve) => {
      resolveGateway = resolve;
    });
    const front = await startHttpFront({
      host,
      port,
      token,
      maxSessions,
      idleTimeoutMs,
      maxConnections,
      openSession: async () => (await ready).openSession(),
      onError: (message) => {
        logger.error(message);
      },
      onWarning: (message) => {
        logger.warn(message);
      },
    }).catch((error: unknown) => {
      throw error instanceof ListenError ? new GatewayError('USAGE', error.message) : error;
    });
    try {
      const { createGateway } = await import('../../gateway/create-gateway.js');
      gateway = await createGateway({ config, logger, console: true });
    } catch (error) {
      await front.close();
      throw error;
    }
    resolveGateway(gateway);
    output.err(`listening on ${front.url}`);
    if (token !== undefined && chosen === undefined)
      output.err(`bearer token (set ${TOKEN_ENV} to choose your own): ${token}`);
    const reloader = reloadOnChange(
      config,
      () => loadConfig(loadOptionsFor(options, deps)),
      gateway,
      logger,
    );
    await serveUntilShutdown(gateway, undefined, logger, () => {
      reloader.close();
      return front.close();
    });
    return 0;
  } catch (error) {
    output.err(formatError(error, output.color));
    return exitCodeFor(error);
  }
};

const parseListen = (value: string): { host: string; port: number } => {
  const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(value);
  const port = Number(match?.[2]);
  if (match?.[1] === undefined || !Number.isInteger(port) || port > 65535) {
    throw new GatewayError(
      'USAGE',
      `--http takes HOST:PORT, such as 127.0.0.1:8080 (port 0 picks a free one), not "${value}"`,
    );
  }
  const host = match[1].startsWith('[') ? match[1].slice(1, -1) : match[1];
  return { host, port };
};

const parseCount = (flag: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const count = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(count) || count < 1) {
    throw new GatewayError(
      'USAGE',
      `${flag} takes a whole number of at least 1, such as ${String(fallback)}, not "${value}"`,
    );
  }
  return count;
};

const parseIdleTimeout = (value: string | undefined): number => {
  if (value === undefined) return DEFAULT_IDLE_TIMEOUT_MS;
  let ms: number;
  try {
    ms = parseDuration(/^\d+$/.test(value) ? Number(value) : value);
  } catch {
    ms = Number.NaN;
  }
  if (!Number.isFinite(ms) || ms < 1000) {
    throw new GatewayError(
      'USAGE',
      `--idle-timeout takes a duration of at least 1s, such as "30m", "90s" or 60000 (ms), not "${value}"`,
    );
  }
  return ms;
};
