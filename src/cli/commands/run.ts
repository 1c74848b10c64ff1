import { loadConfig } from '../../config/load.js';
import type { BackendStatus } from '../../gateway.js';
import { inlineConfigFrom, type CliDeps, type GlobalOptions } from '../context.js';
import { createOutput, exitCodeFor, formatError, type Output } from '../output.js';

/** How often `run` checks that the agent that started it is still alive. */
const PARENT_CHECK_MS = 2000;

/** `run` (default): the stdio gateway for one agent, until stdin ends, a signal, or parent death. */
export const runCommand = async (options: GlobalOptions, deps: CliDeps): Promise<number> => {
  const output = createOutput(deps.streams, { noColor: !options.color, env: deps.env });
  let config;
  try {
    config = await loadConfig({
      configPath: options.config,
      cwd: deps.cwd,
      env: deps.env,
      inline: inlineConfigFrom(options),
    });
  } catch (error) {
    output.err(formatError(error, output.color));
    return exitCodeFor(error);
  }
  const logger = output.logger(config.logLevel);
  // Whatever a backend does, the agent's session stays up: log the bug, keep serving.
  process.on('unhandledRejection', (reason) => {
    logger.error(
      `internal error (please report): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    );
  });
  const { createGateway, serveStdio } = await import('../../gateway.js');
  const gateway = await createGateway({ config, logger });
  await serveStdio(gateway);

  if (output.interactive) {
    const longest = Math.max(0, ...config.servers.map((s) => s.startupTimeoutMs));
    void gateway.settled(longest + 1000).then(() => {
      printStartup(
        output,
        gateway.status(),
        gateway.catalog().tools.length,
        deps.binPath,
        config.file,
      );
    });
  }

  const reason = await waitForShutdown(deps.stdin);
  logger.debug(`shutting down (${reason})`);
  // A signal during the graceful shutdown (the client's own SIGTERM after its grace) means now.
  const hurry = () => {
    gateway.hurry();
  };
  process.on('SIGTERM', hurry);
  process.on('SIGINT', hurry);
  await gateway.close();
  return 0;
};

/** Resolves with what ended the session: stdin EOF, SIGINT, SIGTERM, SIGHUP-less parent death. */
const waitForShutdown = (stdin: NodeJS.ReadableStream): Promise<string> =>
  new Promise((resolve) => {
    const parent = process.ppid;
    const timer = setInterval(() => {
      // Re-parented to init (or a subreaper): the agent died without closing our stdin.
      if (process.ppid !== parent) done('parent exited');
    }, PARENT_CHECK_MS);
    timer.unref();
    const onSigint = () => {
      done('SIGINT');
    };
    const onSigterm = () => {
      done('SIGTERM');
    };
    const onEnd = () => {
      done('stdin closed');
    };
    function done(why: string): void {
      clearInterval(timer);
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
      stdin.off('end', onEnd);
      stdin.off('close', onEnd);
      resolve(why);
    }
    process.once('SIGINT', onSigint);
    process.once('SIGTERM', onSigterm);
    stdin.once('end', onEnd);
    stdin.once('close', onEnd);
  });

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
