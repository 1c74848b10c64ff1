import { absoluteFolder, type PathResolution, type RelativeBase } from './argument-path.js';
import type { CompiledPolicy, PolicyCall } from './compiled-policy.js';
import { isInRange } from './ip-address.js';
import { hostOfUrl, parseUrl } from './url-host.js';

/** What the policy is told about a configured server, to know where its relative paths point. */
export type ServerLocation =
  | {
      readonly name: string;
      readonly kind: 'stdio';
      readonly command: string;
      readonly args: readonly string[];
      /** The backend's working directory, absolute. */
      readonly cwd: string;
    }
  | { readonly name: string; readonly kind: 'remote'; readonly url: string };

/** The MCP roots the agent has given one backend so far, as the gateway relayed them. */
export interface RootsView {
  /** A `roots/list` answer is on its way: until it lands, the backend's roots are unknown. */
  readonly pending: boolean;
  /** Every root URI (or path) any answer gave this backend, oldest first. */
  readonly uris: readonly string[];
  /** More roots than the gateway keeps: the backend's roots are unknown. */
  readonly overflowed: boolean;
}

/** A server's own base plus what adding roots means for it. */
export interface ServerPaths {
  /** Relative paths without any MCP roots. */
  readonly base: RelativeBase;
  /** Server-filesystem replaces its folders with the roots; other servers add them to the cwd. */
  readonly rootsReplaceFolders: boolean;
  /** Relative root paths resolve against this (the backend's working directory). */
  readonly cwd: string | undefined;
  /** The folders given on the command line (server-filesystem), kept when roots are added. */
  readonly folders: readonly string[];
}

/** `ServerPaths` compiled into the policy, with the resolutions calls to that server use. */
export interface ServerBase extends ServerPaths {
  /** The resolution for calls to it without roots. */
  readonly resolution: PathResolution;
  /** Resolutions with roots, remembered per roots view (a new view comes with every change). */
  readonly withRoots: WeakMap<RootsView, PathResolution>;
}

// The package, its bin, or its built entry point, as npx, a global install or node runs it.
const filesystemServer =
  /(?:^|[/\\])(?:@modelcontextprotocol[/\\]server-filesystem(?:@[^/\\]*)?|mcp-server-filesystem(?:\.cmd|\.exe|\.js)?|server-filesystem[/\\]dist[/\\]index\.js)$/i;

/**
 * Where a configured server resolves relative path arguments. A stdio server resolves them
 * against its working directory, except @modelcontextprotocol/server-filesystem, which resolves
 * them against its allowed folders (the arguments after the package, resolved against its cwd).
 * A remote server on a loopback or private address may share this machine's files, so its base
 * is unknown; any other remote server is elsewhere.
 */
export function serverPathsOf(server: ServerLocation, home: string): ServerPaths {
  if (server.kind === 'remote') {
    const url = parseUrl(server.url);
    const host = url === undefined ? '' : hostOfUrl(url);
    const local = host === '' || isInRange(host, 'private');
    return {
      base: local ? { kind: 'unknown' } : { kind: 'elsewhere' },
      rootsReplaceFolders: false,
      cwd: undefined,
      folders: [],
    };
  }
  const entry = [server.command, ...server.args].findIndex((part) => filesystemServer.test(part));
  if (entry === -1) {
    return {
      base: { kind: 'folders', folders: [server.cwd] },
      rootsReplaceFolders: false,
      cwd: server.cwd,
      folders: [],
    };
  }
  // server-filesystem (dist/index.js) takes every argument after it as an allowed folder and
  // runs path.resolve(expandHome(dir)) in its own working directory.
  const folders: string[] = [];
  for (const dir of server.args.slice(entry)) {
    const folder = absoluteFolder(dir, home, server.cwd);
    if (folder !== undefined) folders.push(folder);
  }
  return {
    // validatePath (dist/lib.js) resolves a relative path against the first allowed folder under
    // which it lands inside an allowed folder, else against the first one; with no folders at
    // all, against process.cwd(). Any of the folders can be the base.
    base: { kind: 'folders', folders: folders.length > 0 ? folders : [server.cwd] },
    rootsReplaceFolders: true,
    cwd: server.cwd,
    folders,
  };
}

/**
 * The base once the agent's MCP roots are counted: unknown while an answer is pending or when
 * too many were seen; otherwise the folders plus every root (server-filesystem swaps its folders
 * for valid roots, keeps them when none is valid, and roots change over time: the union covers
 * every folder it may be using).
 */
export function withRoots(server: ServerPaths, roots: RootsView, home: string): RelativeBase {
  if (server.base.kind !== 'folders') return server.base;
  if (roots.pending || roots.overflowed) return { kind: 'unknown' };
  const folders = new Set(server.rootsReplaceFolders ? server.folders : server.base.folders);
  if (folders.size === 0) folders.add(server.cwd ?? '/');
  for (const uri of roots.uris) {
    // server-filesystem's parseRootUri (dist/roots-utils.js): fileURLToPath for file:// URIs,
    // else the text as a path; then expandHome and path.resolve in its working directory.
    const folder = absoluteFolder(uri, home, server.cwd ?? '/');
    if (folder !== undefined) folders.add(folder);
  }
  return { kind: 'folders', folders: [...folders] };
}

/**
 * How this call's path arguments resolve: the server's base (the policy's own cwd for a server it
 * was not told about), with the agent's roots counted; remembered per server and per roots view.
 */
export function resolutionFor(
  policy: CompiledPolicy,
  call: Pick<PolicyCall, 'server' | 'roots'>,
): PathResolution {
  const server = policy.servers.get(call.server);
  if (server === undefined) return policy.resolution;
  const { roots } = call;
  if (roots === undefined || (!roots.pending && !roots.overflowed && roots.uris.length === 0))
    return server.resolution;
  let resolution = server.withRoots.get(roots);
  if (resolution === undefined) {
    resolution = {
      ...policy.resolution,
      relative: withRoots(server, roots, policy.resolution.home),
    };
    server.withRoots.set(roots, resolution);
  }
  return resolution;
}
