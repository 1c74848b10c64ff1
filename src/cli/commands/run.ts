import { spawnEarly } from '../../gateway/early-children.js';
import { traceStartup } from '../../gateway/startup-trace.js';
import { loadConfig } from '../../config/load.js';
import type { BackendStatus } from '../../gateway/gateway.js';
import { loadOptionsFor, type CliDeps, type GlobalOptions } from '../context.js';
import { createOutput, exitCodeFor, formatError, type Output } from '../output.js';
import { reloadOnChange } from '../reload.js';
import { serveUntilShutdown } from '../shutdown.js';

/** `run` (default): the stdio gateway for one agent, until stdin ends, a signal, or parent death. */
export const runCommand = async (options: GlobalOptions, deps: CliDeps): Promise<number> => {
  const output = createOutput(deps.streams, { noColor: !options.color, env: deps.env });
  traceStartup('run command');
  let config;
  try {
    config = await loadConfig(loadOptionsFor(options, deps));
  } catch (error) {
    output.err(formatError(error, output.color));
    return exitCodeFor(error);
  }
  traceStartup('config read');
  // Backends first: each child boots (its runtime, its SDK) while the gateway's code loads.
  const children = spawnEarly(config.servers);
  traceStartup('backends spawned');
  const modules = Promise.all([
    import('../../gateway/create-gateway.js'),
    import('../../gateway/serve-stdio.js'),
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
  const [{ createGateway }, { serveStdio }] = await modules;
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
