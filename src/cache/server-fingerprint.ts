import { createHash } from 'node:crypto';
import type { ResolvedServer } from '../config/resolve.js';
import { canonicalJson } from '../core/canonical-json.js';

// Bump when the fields below change meaning, so every old cache entry stops matching at once.
const FINGERPRINT_VERSION = 1;

/**
 * `sha256:…` of the parts of a server's resolved config that can change what it lists
 * (command, args, env, cwd, url, headers…); env and header values are secrets, so only this
 * hash is ever written to the cache file, never the values themselves.
 */
export const serverFingerprint = (server: ResolvedServer): string => {
  // Timeouts, tags, enabled and trustAnnotations change how the gateway treats a server,
  // not what the server lists, so they are left out.
  const material =
    server.kind === 'stdio'
      ? {
          v: FINGERPRINT_VERSION,
          kind: server.kind,
          command: server.command,
          args: server.args,
          env: server.env,
          cwd: server.cwd,
          inheritEnv: server.inheritEnv,
        }
      : {
          v: FINGERPRINT_VERSION,
          kind: server.kind,
          url: server.url,
          transport: server.transport,
          headers: server.headers,
        };
  return `sha256:${createHash('sha256').update(canonicalJson(material)).digest('hex')}`;
};
