import { Command, Option } from 'commander';
import type { CliDeps, GlobalOptions } from './context.js';
import type { ServeOptions } from './commands/serve.js';

import { PACKAGE } from '../package-info.js';

const { version } = PACKAGE;

/**
 * Builds the commander tree; no side effects on import. Each action stores its exit code,
 * which `runCli` returns.
 */
export const createProgram = (deps: CliDeps): { program: Command; exitCode: () => number } => {
  let code = 0;
  const program = new Command('mcp-gateway')
    .description(
      'One MCP entry in front of many MCP servers: one policy, content scanning, one audit log.',
    )
    .version(version, '-v, --version')
    .option(
      '-c, --config <path>',
      'config file (default: search from the working directory; also MCP_GATEWAY_CONFIG)',
    )
    .addOption(
      new Option('--log-level <level>', 'stderr verbosity').choices([
        'error',
        'warn',
        'info',
        'debug',
      ]),
    )
    .option('--no-color', 'no colours on stderr (also NO_COLOR)')
    .option('--agent <name>', 'the principal that policy rules match with "agents"')
    .option(
      '--state-dir <path>',
      'folder for the audit log, pins and cache (default: .mcp-gateway next to the config)',
    )
    .option(
      '--profile <name>',
      'run only the servers and tools of profiles.<name> in the config (also MCP_GATEWAY_PROFILE)',
    )
    .option(
      '--entry-name <name>',
      'the name the client gave the gateway\'s entry, counted in prefixes like mcp__<name>__ (default "gateway"; also MCP_GATEWAY_ENTRY_NAME)',
    )
    .option(
      '--approve <rule-id>',
      'pre-approve an "ask" rule: its calls run without asking (repeatable; for CI)',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('--no-console', 'do not serve the local console (run, wrap, serve)')
    .configureOutput({
      writeOut: (text) => deps.streams.stdout.write(text),
      writeErr: (text) => deps.streams.stderr.write(text),
    })
    .showSuggestionAfterError()
    // Before any subcommand is added, so every subcommand inherits it (usage errors exit 2).
    .exitOverride();

  const globals = (command: Command): GlobalOptions => command.optsWithGlobals<GlobalOptions>();

  program
    .command('run', { isDefault: true })
    .description('serve the gateway over stdio (what an MCP client starts)')
    .action(async (_options: unknown, command: Command) => {
      const { runCommand } = await import('./commands/run.js');
      code = await runCommand(globals(command), deps);
    });

  program
    .command('wrap')
    .description(
      'one server, no config file: transparent names, the same scanning, policy and audit',
    )
    .option('--name <name>', 'server name for the audit log and policy (default "server")')
    .option(
      '--env <name...>',
      'environment variables to pass to the server (it gets a minimal environment otherwise)',
    )
    .option('--inherit-env', 'pass the whole environment to the server')
    .argument('<command...>', 'the server command, after --')
    .action(async (command: string[], _options: unknown, cmd: Command) => {
      const { wrapCommand } = await import('./commands/wrap.js');
      code = await wrapCommand(command, globals(cmd), deps);
    });

  program
    .command('serve')
    .description('the same gateway over Streamable HTTP at /mcp, one session per client')
    .requiredOption('--http <host:port>', 'where to listen, e.g. 127.0.0.1:8080')
    .option('--no-auth', 'no bearer token (only on a loopback address)')
    .option('--max-sessions <n>', 'most sessions open at once; more get 503 (default 64)')
    .option(
      '--idle-timeout <duration>',
      'close a session after this long without a request, e.g. 30m, 90s (default 30m)',
    )
    .option(
      '--max-connections <n>',
      'most TCP connections held at once; idle ones are closed to make room (default 256)',
    )
    .action(async (_options: unknown, command: Command) => {
      const { serveCommand } = await import('./commands/serve.js');
      code = await serveCommand(globals(command) as GlobalOptions & ServeOptions, deps);
    });

  program
    .command('init')
    .description(
      'write mcp-gateway.config.json from the MCP servers your clients already have (exit 0, 2)',
    )
    .option(
      '--from <client|file>',
      'claude-desktop, claude-code, cursor, vscode, windsurf, codex, or a config file (repeatable; default: every client found)',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--dry-run', 'print the config instead of writing it')
    .option('--force', 'overwrite an existing config file')
    .option('--json', 'machine-readable summary on stdout')
    .action(async (_options: unknown, command: Command) => {
      const { initCommand } = await import('./commands/init.js');
      code = await initCommand(globals(command), deps);
    });

  const clientOption = () =>
    new Option('--client <client>', 'the client whose config to edit')
      .choices(['claude-desktop', 'claude-code', 'cursor', 'vscode', 'windsurf', 'codex'])
      .makeOptionMandatory();
  program
    .command('install')
    .description("add the gateway's one entry to a client's config, keeping a backup (exit 0, 2)")
    .addOption(clientOption())
    .option('--replace', 'also remove the servers the gateway now runs from the client')
    .option(
      '--project',
      "the project's file (.mcp.json, .cursor/, .vscode/, .codex/) instead of the user's",
    )
    .option('--file <path>', "this file instead of the client's usual one")
    .option('--name <name>', 'the entry name in the client (default "gateway")')
    .option('--npx', 'start the published package with npx instead of this installation')
    .option('--dry-run', 'show the change without writing')
    .option('--json', 'machine-readable summary on stdout')
    .action(async (_options: unknown, command: Command) => {
      const { installCommand } = await import('./commands/install.js');
      code = await installCommand(globals(command) as never, deps);
    });

  program
    .command('uninstall')
    .description("undo install: restore the client's config from the backup (exit 0, 2)")
    .addOption(clientOption())
    .option('--project', "the project's file instead of the user's")
    .option('--file <path>', "this file instead of the client's usual one")
    .option('--dry-run', 'show the change without writing')
    .option('--json', 'machine-readable summary on stdout')
    .action(async (_options: unknown, command: Command) => {
      const { uninstallCommand } = await import('./commands/uninstall.js');
      code = await uninstallCommand(globals(command) as never, deps);
    });

  program
    .command('validate')
    .description(
      'load and check the config; print every problem with its JSON path (exit 0 ok, 2 invalid)',
    )
    .action(async (_options: unknown, command: Command) => {
      const { validateCommand } = await import('./commands/validate.js');
      code = await validateCommand(globals(command), deps);
    });

  program
    .command('tools')
    .description('start the backends and list every exposed tool (exit 1 if a backend failed)')
    .option('--json', 'machine-readable output on stdout')
    .option(
      '--client <client>',
      'as this client would see them: its names, its tool cap (a client id such as cursor, or a clientInfo.name)',
    )
    .action(async (_options: unknown, command: Command) => {
      const { toolsCommand } = await import('./commands/tools.js');
      code = await toolsCommand(globals(command), deps);
    });

  program
    .command('doctor')
    .description(
      'check each server: command, env vars, start and timings, with a fix for each problem (exit 0 ok, 1 problems)',
    )
    .option('--json', 'machine-readable report on stdout')
    .option(
      '--client <client>',
      'report only what this client would be offered (a client id such as cursor, or a clientInfo.name)',
    )
    .action(async (_options: unknown, command: Command) => {
      const { doctorCommand } = await import('./commands/doctor.js');
      code = await doctorCommand(globals(command), deps);
    });

  program
    .command('call')
    .description('call one tool through the full pipeline (exit 0 ok, 1 tool error or denied)')
    .argument('<tool>', 'exposed tool name, e.g. memory__read_graph')
    .option('--args <json>', 'arguments as a JSON object', '{}')
    .option('--json', 'print the whole result as JSON')
    .action(async (tool: string, _options: unknown, command: Command) => {
      const { callCommand } = await import('./commands/call.js');
      code = await callCommand(tool, globals(command), deps);
    });

  const policy = program
    .command('policy')
    .description('check what the policy decides, without running anything');
  const accessOption = new Option(
    '--access <class>',
    "treat the tool as read or write (default: the policy's access overrides, else write)",
  ).choices(['read', 'write']);
  policy
    .command('test')
    .description(
      'the decision for one call, with the rules that made it (exit 0 allow, 1 deny or ask)',
    )
    .requiredOption('--call <json>', 'e.g. \'{"tool":"fs/write_file","args":{"path":"/tmp/x"}}\'')
    .addOption(accessOption)
    .option(
      '--after <labels>',
      'the session has already read content with these labels, e.g. untrusted,sensitive',
    )
    .option(
      '--history <file>',
      'earlier calls of the session (JSON array, JSONL or an audit log), replayed first',
    )
    .option('--json', 'machine-readable output')
    .action(async (_options: unknown, command: Command) => {
      const { policyTestCommand } = await import('./commands/policy.js');
      code = await policyTestCommand(globals(command) as GlobalOptions & { call: string }, deps);
    });
  policy
    .command('explain')
    .description('every rule and limit that can apply to a tool')
    .argument('<tool>', 'server/tool or the exposed server__tool')
    .addOption(accessOption)
    .option('--json', 'machine-readable output')
    .action(async (tool: string, _options: unknown, command: Command) => {
      const { policyExplainCommand } = await import('./commands/policy.js');
      code = await policyExplainCommand(tool, globals(command), deps);
    });

  program
    .command('scan')
    .description('scan every tool definition of every server, for CI (exit 0 clean, 1 findings)')
    .addOption(
      new Option('--fail-on <severity>', 'lowest severity that fails')
        .choices(['low', 'medium', 'high'])
        .default('medium'),
    )
    .option('--json', 'machine-readable report')
    .action(async (_options: unknown, command: Command) => {
      const { scanCommand } = await import('./commands/scan.js');
      code = await scanCommand(globals(command), deps);
    });

  const pins = program
    .command('pins')
    .description('tool-definition pins: a tool changed after it was trusted is held back');
  for (const [action, description] of [
    ['list', 'every pinned tool and whether it drifted (exit 1 on drift)'],
    ['diff', 'what changed in drifted tools (exit 1 on drift)'],
    ['approve', 'accept the changed definitions as the new pins'],
  ] as const) {
    pins
      .command(action)
      .description(description)
      .argument('[target]', 'SERVER or SERVER/TOOL')
      .option('--json', 'machine-readable output')
      .action(async (target: string | undefined, _options: unknown, command: Command) => {
        const { pinsCommand } = await import('./commands/pins.js');
        code = await pinsCommand(action, target, globals(command), deps);
      });
  }

  program
    .command('approvals')
    .description(
      'calls waiting for a human in the running gateways: list, approve ID, deny ID (exit 0; 1 when none runs or ID is unknown)',
    )
    .argument('[action]', 'list (default), approve or deny')
    .argument('[id]', 'the approval id that list shows')
    .addOption(
      new Option('--scope <scope>', 'what an approval covers')
        .choices(['once', 'session'])
        .default('once'),
    )
    .option('--reason <text>', 'with deny: a sentence the agent gets')
    .option('--all', 'every gateway of yours on this machine, whatever its config')
    .option('--json', "machine-readable output (the console API's own JSON)")
    .action(
      async (
        action: string | undefined,
        id: string | undefined,
        _options: unknown,
        command: Command,
      ) => {
        const { approvalsCommand } = await import('./commands/approvals.js');
        code = await approvalsCommand(action, id, globals(command), deps);
      },
    );

  program
    .command('console')
    .description(
      'list the running gateways of this config and open the console of the newest with a one-time link (exit 0; 1 when none runs)',
    )
    .option('--pid <pid>', "open this gateway's console instead of the newest")
    .option('--all', 'list every gateway of yours on this machine, whatever its config')
    .option('--no-open', 'only print the links')
    .option('--json', 'machine-readable output')
    .action(async (_options: unknown, command: Command) => {
      const { consoleCommand } = await import('./commands/console.js');
      code = await consoleCommand(globals(command) as never, deps);
    });

  const audit = program
    .command('audit')
    .description('the audit log: verify its chain, read it, show its key');
  audit
    .command('verify')
    .description(
      'recompute hashes, links, sequence, pairing, signatures and truncation (exit 0 ok, 1 tampered, 2 warnings only)',
    )
    .option('--anchor <file>', 'a head.json or checkpoint exported earlier, kept off this machine')
    .option('--json', 'machine-readable report')
    .action(async (_options: unknown, command: Command) => {
      const { auditVerifyCommand } = await import('./commands/audit.js');
      code = await auditVerifyCommand(globals(command), deps);
    });
  audit
    .command('tail')
    .description('the most recent records, readable')
    .option('-n, --lines <n>', 'how many records', '20')
    .option('-f, --follow', 'keep printing new records')
    .option('--json', 'one JSON record a line')
    .action(async (_options: unknown, command: Command) => {
      const { auditTailCommand } = await import('./commands/audit.js');
      code = await auditTailCommand(globals(command), deps);
    });
  audit
    .command('key')
    .description('print the public key that verifies the checkpoints (created on first use)')
    .option('--json', 'machine-readable output')
    .action(async (_options: unknown, command: Command) => {
      const { auditKeyCommand } = await import('./commands/audit.js');
      code = await auditKeyCommand(globals(command), deps);
    });

  return { program, exitCode: () => code };
};

/** Parses argv, runs the command, and returns the process exit code. */
export const runCli = async (argv: readonly string[], deps: CliDeps): Promise<number> => {
  const { program, exitCode } = createProgram(deps);
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    const commanderError = error as { code?: string; exitCode?: number };
    if (
      commanderError.code === 'commander.helpDisplayed' ||
      commanderError.code === 'commander.version'
    )
      return 0;
    if (typeof commanderError.exitCode === 'number')
      return commanderError.exitCode === 1 ? 2 : commanderError.exitCode;
    throw error;
  }
  return exitCode();
};
