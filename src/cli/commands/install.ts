import { existsSync } from 'node:fs';
import path from 'node:path';
import { locateConfigFile, readConfigFile, validateConfig } from '../../config/load.js';
import { userConfigSchema } from '../../config/schema.js';
import { GatewayError } from '../../core/errors.js';
import { clientFactsById, nameLengthBudget } from '../../clients/client-facts.js';
import {
  backupFile,
  digestText,
  readInstallRecord,
  readTextIfExists,
  writeFileAtomic,
  writeInstallRecord,
} from '../../clients/client-file.js';
import type { GatewayServer } from '../../clients/convert-server.js';
import { editClientText, type EditOperation } from '../../clients/edit-client-file.js';
import { chooseLauncher, entryPath, gatewayEntry } from '../../clients/gateway-entry.js';
import { extractServers, parseClientText } from '../../clients/parse-client-file.js';
import { isGatewayEntry } from '../../clients/convert-server.js';
import { planInstall, valueAt } from '../../clients/plan-install.js';
import { locationContext } from '../../clients/read-sources.js';
import { targetLocation } from '../../clients/target-location.js';
import { DEFAULT_ENTRY_NAME } from '../../clients/build-gateway-config.js';
import { type CliDeps, type GlobalOptions, withErrors } from '../context.js';
import { withStandIns } from './init.js';
import { PACKAGE } from '../../package-info.js';

const pkg = PACKAGE;

/** `install`'s own options. */
export interface InstallOptions extends GlobalOptions {
  readonly client: string;
  readonly project?: boolean;
  readonly file?: string;
  readonly name?: string;
  readonly replace?: boolean;
  readonly npx?: boolean;
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

/** `install`: writes the gateway's one entry into a client's config, keeping a backup. */
export const installCommand = async (options: InstallOptions, deps: CliDeps): Promise<number> =>
  withErrors(options, deps, async (output) => {
    const ctx = locationContext(deps.env, deps.cwd);
    const location = targetLocation(options.client, ctx, options);
    const entryName = options.name ?? DEFAULT_ENTRY_NAME;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(entryName)) {
      throw new GatewayError('USAGE', `--name "${entryName}": use letters, digits, "-" or "_".`);
    }

    // The gateway config must load before a client is pointed at it; secrets need not be set.
    const configFile = await locateConfigFile({
      configPath: options.config,
      cwd: deps.cwd,
      env: deps.env,
    });
    const raw = await readConfigFile(configFile);
    const parsed = userConfigSchema.safeParse(raw);
    const gatewayServers = (
      parsed.success ? (parsed.data.servers ?? parsed.data.mcpServers ?? {}) : {}
    ) as Record<string, GatewayServer>;
    const config = validateConfig(raw, configFile, {
      cwd: deps.cwd,
      env: withStandIns(deps.env, gatewayServers),
    });

    const text = await readTextIfExists(location.file);
    if (text === undefined && options.project !== true && options.file === undefined) {
      const dir = path.dirname(location.file);
      if (!existsSync(dir)) {
        throw new GatewayError(
          'USAGE',
          `${clientFactsById(location.client).title} does not seem to be installed: ${dir} does not exist. Start it once, or pass --file PATH.`,
        );
      }
    }
    // A file the gateway cannot parse is never touched.
    const data =
      text === undefined || text.trim() === ''
        ? {}
        : parseClientText(text, location.format, location.file);
    const found = extractServers(data, location);
    const at = entryPath(location, entryName);
    const existing = valueAt(data, at);
    if (
      existing !== undefined &&
      !(
        typeof existing === 'object' &&
        existing !== null &&
        isGatewayEntry(existing as Record<string, unknown>)
      )
    ) {
      throw new GatewayError(
        'USAGE',
        `${location.file} already has a server named "${entryName}" that is not mcp-gateway; nothing was changed. Pass --name OTHER.`,
      );
    }

    const launcher = chooseLauncher({
      binPath: deps.binPath,
      execPath: process.execPath,
      platform: ctx.platform,
      packageName: pkg.name,
      version: pkg.version,
      preferNpx: options.npx === true,
    });
    const plan = planInstall({
      location,
      found,
      data,
      entryName,
      entry: gatewayEntry(location, launcher, configFile, {}),
      gatewayServers,
      replace: options.replace === true,
      convert: { platform: ctx.platform, home: ctx.home, cwd: ctx.cwd, inputs: [] },
    });
    const facts = clientFactsById(location.client);
    const budget =
      facts.nameBudget.note === undefined ? nameLengthBudget(facts, entryName) : undefined;
    const nameWarning =
      budget !== undefined && config.naming.maxLength > budget
        ? `${facts.title} puts its own prefix before each tool name and accepts 64 characters in all: set "naming": { "maxLength": ${budget} } in ${configFile}, or longer tool names will fail there.`
        : undefined;

    let backup: string | null = null;
    if (!plan.unchanged) {
      const edited = editClientText(text, location.format, plan.operations, location.file);
      if (options.dryRun !== true) {
        const record = await readInstallRecord(location.file);
        const untouchedSinceLastInstall =
          record !== undefined && text !== undefined && digestText(text) === record.written;
        backup =
          text === undefined
            ? (record?.backup ?? null)
            : record !== undefined && untouchedSinceLastInstall
              ? record.backup
              : await backupFile(location.file, new Date());
        await writeFileAtomic(location.file, edited);
        await writeInstallRecord(location.file, {
          version: 1,
          client: location.client,
          file: location.file,
          entryName,
          // The first backup is the state before the gateway; later ones only guard edits.
          backup: record?.backup ?? backup,
          written: digestText(edited),
          restorable: record === undefined ? true : record.restorable && untouchedSinceLastInstall,
          removed: [...(record?.removed ?? []), ...plan.removed.map((r) => r.path)],
          installedAt: new Date().toISOString(),
        });
      }
    }

    if (options.json === true) {
      output.out(
        JSON.stringify(
          {
            client: location.client,
            file: location.file,
            entryName,
            changed: !plan.unchanged,
            written: !plan.unchanged && options.dryRun !== true,
            backup,
            launcher: launcher.kind,
            removed: plan.removed,
            kept: plan.kept,
            carried: plan.carried,
            missing: plan.missing,
            warnings: nameWarning === undefined ? [] : [nameWarning],
          },
          null,
          2,
        ),
      );
    }
    const { color } = output;
    const title = facts.title;
    if (plan.unchanged) {
      output.err(
        `${color.green('✓')} ${title} already starts the gateway from ${location.file}; nothing changed.`,
      );
    } else {
      output.err(
        `${color.green('✓')} ${options.dryRun === true ? 'Would add' : 'Added'} the gateway to ${location.file} as "${entryName}":`,
      );
      const set = plan.operations.find(
        (op): op is Extract<EditOperation, { kind: 'set' }> => op.kind === 'set',
      );
      if (set !== undefined) {
        const shown = structuredClone(set.value) as Record<string, unknown>;
        if (typeof shown['env'] === 'object' && shown['env'] !== null) {
          // Print the names, never the values.
          shown['env'] = Object.fromEntries(Object.keys(shown['env']).map((name) => [name, '…']));
        }
        output.err(JSON.stringify(shown, null, 2).replace(/^/gm, '  '));
      }
      output.err(
        launcher.kind === 'local'
          ? color.dim(
              '  (absolute paths to node and to this installation: the client needs no PATH and no network to start it)',
            )
          : color.dim(
              `  (the published package ${pkg.name}@${pkg.version} through npx: this copy runs from npx's cache, which can be cleared)`,
            ),
      );
      if (backup !== null) output.err(`  Backup of the previous file: ${backup}`);
    }
    for (const removed of plan.removed) {
      output.err(
        `  ${color.green('→')} removed "${removed.name}" from ${title}: reached through the gateway as "${removed.as}"`,
      );
    }
    for (const kept of plan.kept) output.err(color.dim(`  kept "${kept.name}": ${kept.reason}`));
    if (plan.carried.length > 0) {
      output.err(
        `  Secrets in the entry's env (taken from this file, where they already were): ${plan.carried.join(', ')}`,
      );
    }
    if (plan.missing.length > 0) {
      output.err(
        color.yellow(
          `  Not set for the gateway: ${plan.missing.join(', ')}. Add them to the entry's "env" in ${location.file}, or the gateway will refuse its config.`,
        ),
      );
    }
    if (nameWarning !== undefined) output.err(color.yellow(`  ${nameWarning}`));
    if (!plan.unchanged && options.dryRun !== true) {
      output.err(
        `  Restart ${title} to load it. Undo with: mcp-gateway uninstall --client ${location.client}${options.project === true ? ' --project' : ''}`,
      );
    }
    return 0;
  });
