import { KNOWN_SERVERS, type KnownServer } from './known-servers.js';

/** What identifies a backend: the command line it runs, or the URL it lives at. */
export type ServerIdentity =
  | { readonly kind: 'stdio'; readonly command: string; readonly args: readonly string[] }
  | { readonly kind: 'remote'; readonly url: string };

/** A recognised server and the token that gave it away, for explanations. */
export interface Recognition {
  readonly server: KnownServer;
  /** The package, image, binary or URL that matched. */
  readonly by: string;
}

const byPackage = new Map<string, KnownServer>();
for (const known of KNOWN_SERVERS) for (const name of known.packages) byPackage.set(name, known);

/**
 * Recognises a well-known server from what it runs (npm/PyPI package, container image, binary,
 * including a `node_modules/<package>` path) or its remote URL. The first command-line token that
 * names a known package wins, so a folder argument that happens to be called "github-mcp-server"
 * after the filesystem server's own package does not change what the server is.
 */
export function recognizeServer(identity: ServerIdentity): Recognition | undefined {
  if (identity.kind === 'remote') return recognizeUrl(identity.url);
  const tokens = [identity.command, ...identity.args];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] ?? '';
    // A stdio proxy to a remote server (`npx mcp-remote https://…`) is that remote server.
    if (/^https?:\/\//i.test(token)) {
      const remote = recognizeUrl(token);
      if (remote !== undefined) return remote;
      continue;
    }
    for (const name of packageNamesIn(token, index === 0)) {
      const known = byPackage.get(name) ?? byWord(name);
      if (known !== undefined) return { server: known, by: name };
    }
  }
  return undefined;
}

function recognizeUrl(text: string): Recognition | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  for (const known of KNOWN_SERVERS) {
    for (const entry of known.urls ?? []) {
      if (entry.host !== host) continue;
      if (entry.path !== undefined && !pathStartsWith(url.pathname, entry.path)) continue;
      return { server: known, by: `${host}${entry.path ?? ''}` };
    }
  }
  return undefined;
}

const pathStartsWith = (path: string, prefix: string): boolean =>
  path === prefix || path.startsWith(`${prefix}/`);

/**
 * The package names a command-line token can stand for: `@scope/name@1.2.3` → `@scope/name`,
 * `pkg==1.0` → `pkg`, `mcp_server_fetch` → `mcp-server-fetch`, an image `ghcr.io/o/n:tag` →
 * `ghcr.io/o/n` and `o/n`, `…/node_modules/@s/n/dist/index.js` → `@s/n`; a path only through
 * `node_modules`, or its file name when it is the command itself.
 */
export function packageNamesIn(token: string, isCommand: boolean): string[] {
  const text = token.trim().toLowerCase().replaceAll('\\', '/');
  if (text === '' || text.startsWith('-')) return [];
  const modules = text.lastIndexOf('node_modules/');
  if (modules !== -1) {
    const rest = text.slice(modules + 'node_modules/'.length).split('/');
    const name = rest[0]?.startsWith('@') === true ? `${rest[0]}/${rest[1] ?? ''}` : rest[0];
    return name === undefined || name === '' ? [] : [name];
  }
  if (/^(?:\/|\.\.?\/|~|[a-z]:\/)/.test(text)) {
    if (!isCommand) return [];
    const file = text.slice(text.lastIndexOf('/') + 1).replace(/\.(?:exe|cmd|bat|js|mjs|py)$/, '');
    return file === '' ? [] : [file];
  }
  const spec = text.replace(/^(?:npm|pypi|docker):/, '');
  if (spec.startsWith('@')) {
    // `@scope/name@version`: the second "@" starts the version.
    const at = spec.indexOf('@', 1);
    return [at === -1 ? spec : spec.slice(0, at)];
  }
  if (spec.includes('/')) return imageNames(spec);
  const bare = spec.split(/[=<>~!@[]/, 1)[0] ?? '';
  return bare === '' ? [] : [...new Set([bare, bare.replaceAll('_', '-')])];
}

/** `registry/owner/name:tag@sha256:…` → the reference without tag and digest, with and without registry. */
function imageNames(reference: string): string[] {
  let ref = reference;
  const digest = ref.indexOf('@');
  if (digest !== -1) ref = ref.slice(0, digest);
  const lastSlash = ref.lastIndexOf('/');
  const tag = ref.indexOf(':', lastSlash);
  if (tag !== -1) ref = ref.slice(0, tag);
  const first = ref.slice(0, ref.indexOf('/'));
  const names = [ref];
  // A first segment with a dot or port is a registry host (`ghcr.io`, `localhost:5000`).
  if (first.includes('.') || first.includes(':') || first === 'localhost')
    names.push(ref.slice(first.length + 1));
  return names;
}

/** A family word (`gmail`) in a name that also says it is an MCP server (`mcp`, `server`). */
function byWord(name: string): KnownServer | undefined {
  const words = name.split(/[^a-z0-9]+/);
  if (!words.includes('mcp') && !words.includes('server')) return undefined;
  for (const known of KNOWN_SERVERS) {
    if (known.packageWords?.some((word) => words.includes(word)) === true) return known;
  }
  return undefined;
}
