import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../config/load.js';
import { GatewayError } from '../../core/errors.js';
import { isLoopback, startHttpFront } from '../../frontend/http-server.js';
import { loadOptionsFor, type CliDeps, type GlobalOptions } from '../context.js';
import { createOutput, exitCodeFor, formatError } from '../output.js';
import { reloadOnChange } from '../reload.js';
import { serveUntilShutdown } from '../shutdown.js';

/** Where `serve` reads a fixed bearer token from (else one is generated and printed). */
export const TOKEN_ENV = 'MCP_GATEWAY_TOKEN';

/** `serve --http HOST:PORT`: the same gateway over Streamable HTTP, one session per client. */
export const serveCommand = async (
  options: GlobalOptions & { http: string; auth: boolean },
  deps: CliDeps,
): Promise<number> => {
  const output = createOutput(deps.streams, { noColor: !options.color, env: deps.env });
  try {
    const { host, port } = parseListen(options.http);
    if (!options.auth && !isLoopback(host)) {
      throw new GatewayError(
        'USAGE',
        `--no-auth is only allowed on a loopback address (127.0.0.1, localhost, ::1), not ${host}`,
      );
    }
    const config = await loadConfig(loadOptionsFor(options, deps));
    const logger = output.logger(config.logLevel);
    const fromEnv = deps.env[TOKEN_ENV];
    const token = !options.auth
      ? undefined
      : fromEnv !== undefined && fromEnv !== ''
        ? fromEnv
        : randomBytes(24).toString('base64url');
    const { createGateway } = await import('../../gateway.js');
    const gateway = await createGateway({ config, logger, console: true });
    const front = await startHttpFront({
      host,
      port,
      token,
      openSession: () => gateway.openSession(),
      onError: (message) => {
        logger.error(message);
      },
    });
    output.err(`listening on ${front.url}`);
    if (token !== undefined && fromEnv !== token)
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
