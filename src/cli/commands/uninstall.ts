import { rm } from 'node:fs/promises';
import { GatewayError } from '../../core/errors.js';
import { DEFAULT_ENTRY_NAME } from '../../clients/build-gateway-config.js';
import { clientFactsById } from '../../clients/client-facts.js';
import {
  digestText,
  readInstallRecord,
  readTextIfExists,
  resolveTarget,
  writeFileAtomic,
  writeInstallRecord,
} from '../../clients/client-file.js';
import { isGatewayEntry } from '../../clients/convert-server.js';
import { editClientText, type EditOperation } from '../../clients/edit-client-file.js';
import { entryPath } from '../../clients/gateway-entry.js';
import { parseClientText } from '../../clients/parse-client-file.js';
import { valueAt } from '../../clients/plan-install.js';
import { locationContext } from '../../clients/read-sources.js';
import { targetLocation } from '../../clients/target-location.js';
import { type CliDeps, type GlobalOptions, withErrors } from '../context.js';

/** `uninstall`'s own options. */
export interface UninstallOptions extends GlobalOptions {
  readonly client: string;
  readonly project?: boolean;
  readonly file?: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

/**
 * `uninstall`: puts the client's file back as it was before `install`. Unchanged since then:
 * the backup is restored byte for byte. Changed by someone else: only the gateway's entry is
 * taken out and the servers `--replace` removed are put back from the backup.
 */
export const uninstallCommand = async (options: UninstallOptions, deps: CliDeps): Promise<number> =>
  withErrors(options, deps, async (output) => {
    const ctx = locationContext(deps.env, deps.cwd);
    const location = targetLocation(options.client, ctx, options);
    const title = clientFactsById(location.client).title;
    const record = await readInstallRecord(location.file);
    const text = await readTextIfExists(location.file);
    const dry = options.dryRun === true;
    let how: 'restored' | 'deleted' | 'edited' | 'nothing';
    let restoredServers: string[] = [];

    if (text === undefined) {
      how = 'nothing';
    } else if (record?.restorable === true && digestText(text) === record.written) {
      if (record.backup === null) {
        // install created the file: removing it is the state before.
        if (!dry) await rm(await resolveTarget(location.file));
        how = 'deleted';
      } else {
        const backupText = await readTextIfExists(record.backup);
        if (backupText === undefined) {
          throw new GatewayError(
            'USAGE',
            `The backup ${record.backup} is gone; nothing was changed. Remove the "${record.entryName}" entry from ${location.file} by hand.`,
          );
        }
        if (!dry) await writeFileAtomic(location.file, backupText);
        how = 'restored';
      }
    } else {
      // A file the gateway cannot parse is never touched.
      const data = text.trim() === '' ? {} : parseClientText(text, location.format, location.file);
      const entryName = record?.entryName ?? DEFAULT_ENTRY_NAME;
      const operations: EditOperation[] = [];
      const at = entryPath(location, entryName);
      const current = valueAt(data, at);
      if (
        typeof current === 'object' &&
        current !== null &&
        isGatewayEntry(current as Record<string, unknown>)
      ) {
        operations.push({ kind: 'remove', path: at });
      }
      if (record !== undefined && record.backup !== null && record.removed.length > 0) {
        const backupText = await readTextIfExists(record.backup);
        const before =
          backupText === undefined
            ? {}
            : parseClientText(backupText, location.format, record.backup);
        for (const removed of record.removed) {
          const value = valueAt(before, removed);
          if (value !== undefined && valueAt(data, removed) === undefined) {
            operations.push({ kind: 'set', path: removed, value });
            restoredServers.push(removed.at(-1) ?? '');
          }
        }
      }
      if (operations.length === 0) {
        how = 'nothing';
      } else {
        const edited = editClientText(text, location.format, operations, location.file);
        if (!dry) await writeFileAtomic(location.file, edited);
        how = 'edited';
      }
    }
    if (!dry && record !== undefined) await writeInstallRecord(location.file, undefined);
    if (how !== 'edited') restoredServers = [];

    if (options.json === true) {
      output.out(
        JSON.stringify(
          {
            client: location.client,
            file: location.file,
            result: how,
            written: !dry && how !== 'nothing',
            backup: record?.backup ?? null,
            restoredServers,
          },
          null,
          2,
        ),
      );
    }
    const would = dry ? 'Would have ' : '';
    switch (how) {
      case 'restored':
        output.err(
          `✓ ${dry ? 'Would restore' : 'Restored'} ${location.file} from ${record?.backup ?? ''} (as it was before install).`,
        );
        break;
      case 'deleted':
        output.err(
          `✓ ${dry ? 'Would delete' : 'Deleted'} ${location.file}: install had created it.`,
        );
        break;
      case 'edited':
        output.err(
          `✓ ${would}${dry ? 'removed' : 'Removed'} the gateway's entry from ${location.file}${restoredServers.length > 0 ? ` and put back ${restoredServers.join(', ')}` : ''}. The file changed after install, so the rest of it was left as it is${record?.backup ? ` (the old backup stays at ${record.backup})` : ''}.`,
        );
        break;
      case 'nothing':
        output.err(`${title}: the gateway is not installed in ${location.file}; nothing changed.`);
        break;
    }
    if (how !== 'nothing' && !dry) output.err(`  Restart ${title} to load it.`);
    return 0;
  });
