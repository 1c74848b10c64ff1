import { loadConfig } from '../../config/load.js';
import type { Gateway } from '../../gateway/gateway.js';
import { loadOptionsFor, type CliDeps, type GlobalOptions } from '../context.js';
import type { Output } from '../output.js';

/** Starts the gateway without an agent (for `tools`, `call`), waiting for every backend once. */
export const startStandalone = async (
  options: GlobalOptions & { audit?: boolean },
  deps: CliDeps,
  output: Output,
): Promise<Gateway> => {
  const config = await loadConfig(loadOptionsFor(options, deps));
  const { createGateway } = await import('../../gateway/create-gateway.js');
  const logger = output.logger(options.logLevel ?? 'warn');
  const gateway = await createGateway({
    config,
    logger,
    standalone: true,
    audit: options.audit ?? false,
  });
  const longest = Math.max(0, ...config.servers.map((s) => s.startupTimeoutMs));
  await gateway.settled(longest + 1000);
  return gateway;
};
