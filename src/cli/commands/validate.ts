import { formatJsonPath } from '../output.js';
import { loadConfig } from '../../config/load.js';
import { loadOptionsFor, type CliDeps, type GlobalOptions, withErrors } from '../context.js';

/** `validate`: load and check the config; every problem with its JSON path; exit 0 or 2. */
export const validateCommand = async (options: GlobalOptions, deps: CliDeps): Promise<number> =>
  withErrors(options, deps, async (output) => {
    const config = await loadConfig(loadOptionsFor(options, deps));
    const names = config.servers.map((s) => (s.enabled ? s.name : `${s.name} (disabled)`));
    output.err(
      `${output.color.green('✓')} ${config.file ?? 'config'} is valid: ${names.length} server${names.length === 1 ? '' : 's'}${names.length > 0 ? ` (${names.join(', ')})` : ''}`,
    );
    for (const warning of config.warnings) {
      output.err(
        output.color.yellow(`  warning ${formatJsonPath(warning.path)}: ${warning.message}`),
      );
    }
    return 0;
  });
