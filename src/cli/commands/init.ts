import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { validateConfig } from '../../config/load.js';
import { GatewayError } from '../../core/errors.js';
import { buildGatewayConfig, type ImportResult } from '../../clients/build-gateway-config.js';
import { clientFactsById } from '../../clients/client-facts.js';
import { readTextIfExists, writeFileAtomic } from '../../clients/client-file.js';
import type { GatewayServer } from '../../clients/convert-server.js';
import { isInNpxCache } from '../../clients/gateway-entry.js';
import { requiredVariables } from '../../clients/plan-install.js';
import { locationContext, readSources } from '../../clients/read-sources.js';
import { type CliDeps, type GlobalOptions, withErrors } from '../context.js';
import type { Output } from '../output.js';

/** `init`'s own options. */
export interface InitOptions extends GlobalOptions {
  readonly from?: string[];
  readonly dryRun?: boolean;
  readonly force?: boolean;
  readonly json?: boolean;
}

/** The environment with a stand-in for every `${env:…}` the servers need: checks the file, not the shell. */
export const withStandIns = (
  env: Readonly<Record<string, string | undefined>>,
  servers: Readonly<Record<string, GatewayServer>>,
): Record<string, string | undefined> => ({
  ...env,
  ...Object.fromEntries(
    requiredVariables(servers)
      .filter((name) => (env[name] ?? '') === '')
      .map((name) => [name, 'stand-in']),
  ),
});

/** `init`: imports the MCP servers of the user's clients into a new mcp-gateway.config.json. */
export const initCommand = async (options: InitOptions, deps: CliDeps): Promise<number> =>
  withErrors(options, deps, async (output) => {
    const ctx = locationContext(deps.env, deps.cwd);
    const file = path.resolve(deps.cwd, options.config ?? 'mcp-gateway.config.json');
    if (!options.dryRun && !options.force && (await readTextIfExists(file)) !== undefined) {
      throw new GatewayError(
        'USAGE',
        `${file} already exists; nothing was changed. Pass --force to overwrite it, --config OTHER.json to write elsewhere, or --dry-run to see the result.`,
      );
    }
    const { sources, unreadable } = await readSources(options.from ?? [], ctx);
    const schema = schemaReference(deps.binPath, path.dirname(file));
    const result = buildGatewayConfig(sources, {
      platform: ctx.platform,
      home: ctx.home,
      cwd: ctx.cwd,
      inputs: [],
      ...(schema === undefined ? {} : { schema }),
    });
    // The written file must load: check it as the gateway will, with stand-ins for secrets.
    const servers = result.config['servers'] as Record<string, GatewayServer>;
    validateConfig(result.config, file, { cwd: deps.cwd, env: withStandIns(deps.env, servers) });
    const text = `${JSON.stringify(result.config, null, 2)}\n`;
    if (options.dryRun !== true) await writeFileAtomic(file, text);

    if (options.json === true) {
      output.out(
        JSON.stringify(
          {
            file,
            written: options.dryRun !== true,
            sources: sources.map((s) => ({ client: s.location.client, file: s.location.file })),
            unreadable,
            imported: result.imported,
            renamed: result.renamed,
            skipped: result.skipped,
            duplicates: result.duplicates,
            // Names and places only: a secret's value never leaves memory.
            secrets: result.secrets.map(({ name, server, field }) => ({ name, server, field })),
            prompted: result.prompted,
            otherProjects: result.otherProjects,
            config: result.config,
          },
          null,
          2,
        ),
      );
    } else if (options.dryRun === true) {
      output.out(text.trimEnd());
    }
    printSummary(output, {
      file,
      result,
      sources,
      unreadable,
      dryRun: options.dryRun === true,
      home: ctx.home,
    });
    return 0;
  });

/** `$schema` for editors, when this installation's schema file will stay where it is. */
const schemaReference = (binPath: string, outputDir: string): string | undefined => {
  const schemaFile = path.resolve(path.dirname(binPath), '..', 'schema', 'mcp-gateway.schema.json');
  if (isInNpxCache(binPath) || !existsSync(schemaFile)) return undefined;
  const relative = path.relative(outputDir, schemaFile).split(path.sep).join('/');
  // Inside the same tree a relative path survives moving the tree; elsewhere a file URL is clearer.
  return relative.startsWith('../') ? pathToFileURL(schemaFile).href : `./${relative}`;
};

const tilde = (file: string, home: string): string =>
  file === home || file.startsWith(`${home}${path.sep}`) ? `~${file.slice(home.length)}` : file;

const printSummary = (
  output: Output,
  summary: {
    file: string;
    result: ImportResult;
    sources: readonly {
      location: { client: Parameters<typeof clientFactsById>[0]; file: string };
      found: { servers: unknown[] };
    }[];
    unreadable: readonly { file: string; message: string }[];
    dryRun: boolean;
    home: string;
  },
): void => {
  const { result, home } = summary;
  const { color } = output;
  const say = (line = ''): void => {
    output.err(line);
  };
  const at = (file: string) => tilde(file, home);

  if (summary.sources.length === 0 && summary.unreadable.length === 0) {
    say(
      'No MCP client config was found (Claude Desktop, Claude Code, Cursor, VS Code, Windsurf, Codex).',
    );
    say('The config has no servers yet: add them under "servers", or run init --from FILE.');
  } else {
    say(
      color.bold(`Read ${summary.sources.length} file${summary.sources.length === 1 ? '' : 's'}:`),
    );
    for (const source of summary.sources) {
      const title = clientFactsById(source.location.client).title;
      say(
        `  ${at(source.location.file)} (${title}, ${source.found.servers.length} server${source.found.servers.length === 1 ? '' : 's'})`,
      );
    }
    for (const bad of summary.unreadable)
      say(color.yellow(`  skipped ${at(bad.file)}: ${bad.message}`));
  }

  say();
  const verb = summary.dryRun ? 'Would write' : 'Wrote';
  say(
    color.bold(
      `${verb} ${summary.file} with ${result.imported.length} server${result.imported.length === 1 ? '' : 's'}:`,
    ),
  );
  for (const server of result.imported) {
    const renamed = result.renamed.find((r) => r.to === server.name && r.file === server.file);
    const origin =
      renamed === undefined
        ? ''
        : ` (was "${renamed.from}": names are 1-32 letters, digits or "-", unique)`;
    const off = server.enabled
      ? ''
      : color.dim(' — disabled in the client, imported with "enabled": false');
    say(`  ${color.green('✓')} ${server.name}${origin}${off}`);
    for (const note of server.notes) say(color.dim(`      ${note}`));
  }
  for (const duplicate of result.duplicates) {
    say(
      color.dim(
        `  = ${duplicate.name} in ${at(duplicate.file)}: the same server as "${duplicate.sameAs}"`,
      ),
    );
  }
  if (result.skipped.length > 0) {
    say();
    say(color.bold('Not imported (the gateway cannot run them):'));
    for (const skip of result.skipped)
      say(`  ${color.red('✗')} ${skip.name} (${at(skip.file)}): ${skip.reason}`);
  }
  for (const other of result.otherProjects) {
    say(
      color.dim(
        `  Claude Code servers of ${other.dir} (${other.names.join(', ')}) were left out: run init in that folder.`,
      ),
    );
  }

  if (result.secrets.length > 0 || result.prompted.length > 0) {
    say();
    say(
      color.bold(
        'Secrets: moved out of the config into environment variables (values are not in the file):',
      ),
    );
    for (const secret of result.secrets)
      say(`  ${secret.name}  ${color.dim(`← ${secret.server} ${secret.field}`)}`);
    for (const variable of result.prompted) {
      const what =
        variable.input?.description === undefined ? '' : ` (${variable.input.description})`;
      say(
        `  ${variable.name}  ${color.dim(`← ${variable.server}: a value VS Code prompted for${what}`)}`,
      );
    }
    say('  Provide them:');
    say(
      '   - to a client: `mcp-gateway install --client NAME` copies each value from that client’s own',
    );
    say('     file into the env of the gateway’s entry there (the same file they were in);');
    say('   - in a terminal: export NAME=… before `mcp-gateway validate`, `tools` or `call`.');
  }

  say();
  say(color.bold('Starter policy:'));
  say(
    '  - reads run: tools their server marks read-only (readOnlyHint). Every imported server has',
  );
  say(
    '    "trustAnnotations": true so that mark counts; remove it to ask for every tool of a server.',
  );
  say(
    '  - everything else asks you first ("default": "ask"), through the client’s approval dialog',
  );
  say(
    '    (MCP elicitation), else in the local console or `mcp-gateway approvals` (docs/approvals.md);',
  );
  say('    add an "allow" rule for what you trust (docs/policy.md).');
  say(
    '  - flow control is on: after a session reads untrusted content (web pages, issues, mail), a',
  );
  say('    call that can send data out asks first, and one that carries text a private-data tool');
  say('    returned in that session is refused (docs/flows.md).');
  say('  - tool definitions are pinned and scanned, every call goes to the audit log.');

  say();
  say(color.bold('Next:'));
  say('  mcp-gateway validate');
  const clients = [...new Set(summary.sources.map((s) => s.location.client))];
  for (const client of clients.length > 0 ? clients : ['claude-desktop']) {
    say(
      `  mcp-gateway install --client ${client}            (add --replace to move the servers behind the gateway)`,
    );
  }
};
