import type { Tool } from '@modelcontextprotocol/sdk/types.js';

/** What the cache remembers about one server's last successful listing. */
export interface CachedServer {
  tools: Tool[];
  instructions?: string;
  /**
   * The review key (`instructionsReviewKey`: the text, the scanner build, the scanning settings)
   * under which `instructions` scanned clean, so a later start can show them before its scanner
   * has loaded.
   */
  instructionsClean?: string;
  /**
   * The review key (`listingReviewKey`: the tools, their neighbours' names, the scanner build,
   * the scanning settings) under which every tool of `tools` scanned clean, so a later start can
   * serve them before its scanner is built.
   */
  toolsClean?: string;
  serverInfo?: { name: string; version: string };
  capabilities?: unknown;
  /** `serverFingerprint()` of the config the listing came from. */
  fingerprint: string;
  updatedAt: string;
}

/** The format version written in `cache.json`; other versions are ignored, not migrated. */
export const CACHE_FILE_VERSION = 1;

/** The outcome of reading `cache.json`: the usable entries, or why the whole file was ignored. */
export type ParsedCacheFile =
  | { ok: true; servers: Map<string, CachedServer>; skipped: string[] }
  | { ok: false; problem: string };

/** Checks the shape of a parsed `cache.json`; a malformed entry is skipped, not trusted. */
export const parseCacheFile = (json: unknown): ParsedCacheFile => {
  if (!isRecord(json)) return { ok: false, problem: 'it is not a JSON object' };
  if (json['v'] !== CACHE_FILE_VERSION) {
    return { ok: false, problem: `its version is ${JSON.stringify(json['v'])}, not 1` };
  }
  const servers = json['servers'];
  if (!isRecord(servers)) return { ok: false, problem: '"servers" is not an object' };
  const out = new Map<string, CachedServer>();
  const skipped: string[] = [];
  for (const [name, entry] of Object.entries(servers)) {
    const parsed = toCachedServer(entry);
    if (parsed === undefined) skipped.push(name);
    else out.set(name, parsed);
  }
  return { ok: true, servers: out, skipped };
};

/** The file's text for a set of entries, servers in name order so rewrites are stable. */
export const serializeCacheFile = (servers: ReadonlyMap<string, CachedServer>): string => {
  const sorted = [...servers.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify({ v: CACHE_FILE_VERSION, servers: Object.fromEntries(sorted) })}\n`;
};

const toCachedServer = (value: unknown): CachedServer | undefined => {
  if (!isRecord(value)) return undefined;
  const {
    tools,
    instructions,
    instructionsClean,
    toolsClean,
    serverInfo,
    capabilities,
    fingerprint,
    updatedAt,
  } = value;
  if (typeof fingerprint !== 'string' || typeof updatedAt !== 'string') return undefined;
  // Only what the gateway relies on is checked; the rest is relayed as the backend sent it.
  if (!Array.isArray(tools) || !tools.every(isToolLike)) return undefined;
  if (instructions !== undefined && typeof instructions !== 'string') return undefined;
  if (instructionsClean !== undefined && typeof instructionsClean !== 'string') return undefined;
  if (toolsClean !== undefined && typeof toolsClean !== 'string') return undefined;
  if (
    serverInfo !== undefined &&
    !(
      isRecord(serverInfo) &&
      typeof serverInfo['name'] === 'string' &&
      typeof serverInfo['version'] === 'string'
    )
  ) {
    return undefined;
  }
  const entry: CachedServer = { tools: tools as Tool[], fingerprint, updatedAt };
  if (instructions !== undefined) entry.instructions = instructions;
  if (instructionsClean !== undefined) entry.instructionsClean = instructionsClean;
  if (toolsClean !== undefined) entry.toolsClean = toolsClean;
  if (serverInfo !== undefined) {
    entry.serverInfo = serverInfo as { name: string; version: string };
  }
  if (capabilities !== undefined) entry.capabilities = capabilities;
  return entry;
};

const isToolLike = (value: unknown): boolean =>
  isRecord(value) && typeof value['name'] === 'string' && isRecord(value['inputSchema']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
