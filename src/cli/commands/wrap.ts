import { validateConfig } from '../../config/load.js';
import { GatewayError } from '../../core/errors.js';
import { inlineConfigFrom, type CliDeps, type GlobalOptions } from '../context.js';
import { createOutput, exitCodeFor, formatError } from '../output.js';
import { serveUntilShutdown } from '../shutdown.js';

/**
 * `wrap [--name NAME] -- COMMAND ARGS…`: one server, no config file, transparent names, the
 * same pipeline with default scanning and audit (state in ./.mcp-gateway unless --state-dir).
 */
export const wrapCommand = async (
  command: readonly string[],
  options: GlobalOptions & { name?: string; env?: string[]; inheritEnv?: boolean },
  deps: CliDeps,
): Promise<number> => {
  const output = createOutput(deps.streams, { noColor: !options.color, env: deps.env });
  try {
    const [executable, ...args] = command;
    if (executable === undefined)
      throw new GatewayError(
        'USAGE',
        'wrap needs the server command after "--", e.g. mcp-gateway wrap -- npx -y @modelcontextprotocol/server-memory',
      );
    const name = options.name ?? 'server';
    // Passed through by name: the rest of the environment stays with the gateway.
    const env = Object.fromEntries((options.env ?? []).map((key) => [key, `\${env:${key}}`]));
    const config = validateConfig(
      {
        servers: {
          [name]: {
            command: executable,
            args,
            env,
            ...(options.inheritEnv === true ? { inheritEnv: true } : {}),
          },
        },
        naming: { prefix: 'never' },
      },
      undefined,
      // One server and no config file: there is no profile to choose.
      {
        cwd: deps.cwd,
        env: deps.env,
        inline: { ...inlineConfigFrom(options, deps.env), profile: undefined },
      },
    );
    const logger = output.logger(config.logLevel);
    const [{ createGateway }, { serveStdio }] = await Promise.all([
      import('../../gateway/create-gateway.js'),
      import('../../gateway/serve-stdio.js'),
    ]);
    // The agent's `initialize` is answered while the rest of the gateway loads (see run).
    const gateway = await createGateway({ config, logger, console: true, early: true });
    await serveStdio(gateway);
    try {
      await gateway.ready();
    } catch (error) {
      await gateway.close().catch(() => undefined);
      throw error;
    }
    await serveUntilShutdown(gateway, deps.stdin, logger);
    return 0;
  } catch (error) {
    output.err(formatError(error, output.color));
    return exitCodeFor(error);
  }
};
