import { loadConfig } from '../../config/load.js';
import { inlineConfigFrom, type CliDeps, type GlobalOptions } from '../context.js';
import { createOutput, exitCodeFor, formatError } from '../output.js';

/** `validate`: load and check the config; every problem with its JSON path; exit 0 or 2. */
export const validateCommand = async (options: GlobalOptions, deps: CliDeps): Promise<number> => {
  const output = createOutput(deps.streams, { noColor: !options.color, env: deps.env });
  try {
    const config = await loadConfig({
      configPath: options.config,
      cwd: deps.cwd,
      env: deps.env,
      inline: inlineConfigFrom(options),
    });
    const names = config.servers.map((s) => (s.enabled ? s.name : `${s.name} (disabled)`));
    output.err(
      `${output.color.green('✓')} ${config.file ?? 'config'} is valid: ${names.length} server${names.length === 1 ? '' : 's'}${names.length > 0 ? ` (${names.join(', ')})` : ''}`,
    );
    return 0;
  } catch (error) {
    output.err(formatError(error, output.color));
    return exitCodeFor(error);
  }
};
