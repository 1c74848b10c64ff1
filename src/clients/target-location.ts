import path from 'node:path';
import { GatewayError } from '../core/errors.js';
import { isClientId, CLIENT_IDS } from './client-facts.js';
import { clientLocations, type ClientLocation, type LocationContext } from './client-locations.js';

/** The one file `install`/`uninstall` edit: the client's user file, its project file, or `--file`. */
export const targetLocation = (
  client: string,
  ctx: LocationContext,
  options: { readonly project?: boolean; readonly file?: string },
): ClientLocation => {
  if (!isClientId(client)) {
    throw new GatewayError('USAGE', `Unknown client "${client}"; one of ${CLIENT_IDS.join(', ')}.`);
  }
  const scope = options.project === true ? 'project' : 'user';
  const location = clientLocations(client, ctx).find(
    (candidate) => candidate.writable && candidate.scope === scope,
  );
  if (location === undefined) {
    throw new GatewayError('USAGE', `${client} has no ${scope} config file; drop --project.`);
  }
  if (options.file === undefined) return location;
  const file = path.resolve(ctx.cwd, options.file);
  return { ...location, file, ...(scope === 'project' ? { projectDir: path.dirname(file) } : {}) };
};
