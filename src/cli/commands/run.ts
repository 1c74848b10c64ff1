import { killChildren, spawnEarly, type GuessedChildren } from '../../gateway/early-children.js';
import type { BackendStatus } from '../../gateway/gateway.js';
import { traceStartup } from '../../gateway/startup-trace.js';
import type { CliDeps, GlobalOptions } from '../context.js';
import { configFileToGuess, spawnFromConfigFile, takeLaunchChildren } from '../launch-children.js';
import type { Output } from '../output.js';

/** `run` (default): the stdio gateway for one agent, until stdin ends, a signal, or parent death. */
export const runCommand = async (options: GlobalOptions, deps: CliDeps): Promise<number> => {
  traceStartup('run command');
  // Backends first: the plainly written stdio servers of a JSON config given by path start now,
  // before the config code (zod, the schema, cosmiconfig, the policy compiler) loads; each child
  // is adopted only by a validated server with the same spec (backends/spawn-from-config-text.ts).
  // The bin may have spawned them already, before this code loaded (cli/launch-children.ts).
  const guessed = guessChildren(options, deps);
  if (guessed.size > 0) traceStartup(`backends spawned from the config text (${guessed.size})`);
  const [{ loadConfig }, { loadOptionsFor }, { createOutput, exitCodeFor, formatError }] =
    await Promise.all([
      import('../../config/load.js'),
      import('../context.js'),
      import('../output.js'),
    ]);
  const output = createOutput(deps.streams, { noColor: !options.color, env: deps.env });
  let config;
  try {
    config = await loadConfig(loadOptionsFor(options, deps));
  } catch (error) {
    killChildren(guessed);
    output.err(formatError(error, output.color));
    return exitCodeFor(error);
  }
  traceStartup('config read');
  // The other backends now: each child boots (its runtime, its SDK) while the gateway's code loads.
  const children = spawnEarly(config.servers, guessed);
  traceStartup('backends spawned');
  const modules = Promise.all([
    import('../../gateway/create-gateway.js'),
    import('../../gateway/serve-stdio.js'),
    import('../reload.js'),
    import('../shutdown.js'),
  ]);
  const logger = output.logger(config.logLevel);
  for (const warning of config.warnings)
    logger.warn(`${config.file ?? 'config'}: ${warning.path.join('.')}: ${warning.message}`);
  // Whatever a backend does, the agent's session stays up: log the bug, keep serving.
  process.on('unhandledRejection', (reason) => {
    logger.error(
      `internal error (please report): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    );
  });
  const [{ createGateway }, { serveStdio }, { reloadOnChange }, { serveUntilShutdown }] =
    await modules;
  traceStartup('gateway modules loaded');
  // On a terminal no agent will send initialize: start the backends right away. The agent's
  // `initialize` is answered while the rest of the gateway loads.
  const gateway = await createGateway({
    config,
    logger,
    standalone: (deps.stdin as { isTTY?: boolean }).isTTY === true,
    console: true,
    early: true,
    children,
  });
  await serveStdio(gateway);
  traceStartup('serving stdio');
  try {
    await gateway.ready();
    traceStartup('gateway built');
  } catch (error) {
    output.err(formatError(error, output.color));
    await gateway.close().catch(() => undefined);
    return exitCodeFor(error);
  }

  let stopping = false;
  if (output.interactive) {
    const longest = Math.max(0, ...config.servers.map((s) => s.startupTimeoutMs));
    void gateway.settled(longest + 1000).then(() => {
      if (stopping) return;
      printStartup(
        output,
        gateway.status(),
        gateway.catalog().tools.length,
        deps.binPath,
        config.file,
      );
    });
  }

  const reloader = reloadOnChange(
    config,
    () => loadConfig(loadOptionsFor(options, deps)),
    gateway,
    logger,
  );
  await serveUntilShutdown(gateway, deps.stdin, logger, () => {
    stopping = true;
    reloader.close();
    return Promise.resolve();
  });
  return 0;
};

const printStartup = (
  output: Output,
  status: readonly BackendStatus[],
  tools: number,
  binPath: string,
  file: string | undefined,
): void => {
  const { color } = output;
  output.err(
    color.bold(
      `mcp-gateway: ${tools} tools from ${status.filter((s) => s.state === 'ready').length}/${status.length} backends`,
    ),
  );
  for (const s of status) {
    if (s.state === 'ready')
      output.err(`  ${color.green('✓')} ${s.name}: ${s.tools} tools in ${s.startMs ?? '?'} ms`);
    else output.err(`  ${color.red('✗')} ${s.name}: ${s.error?.message ?? s.state}`);
  }
  const snippet = {
    mcpServers: {
      gateway: {
        command: process.execPath,
        args: [binPath, ...(file === undefined ? [] : ['--config', file])],
      },
    },
  };
  output.err('');
  output.err(
    'Serving MCP on stdin/stdout. To use it from Claude Desktop, add this to claude_desktop_config.json:',
  );
  output.err(JSON.stringify(snippet, null, 2));
  output.err(color.dim('Press Ctrl+C to stop.'));
};

/**
 * The children of the config file `--config` (or MCP_GATEWAY_CONFIG) names, if it is JSON: those
 * the bin spawned at launch for that file, or spawned now.
 */
const guessChildren = (options: GlobalOptions, deps: CliDeps): GuessedChildren => {
  const file = configFileToGuess(
    options.config ?? deps.env['MCP_GATEWAY_CONFIG'],
    options.profile ?? deps.env['MCP_GATEWAY_PROFILE'],
    deps.cwd,
  );
  return takeLaunchChildren(file) ?? spawnFromConfigFile(file);
};
