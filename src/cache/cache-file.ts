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

/**
 * Single words the scanner found nothing in (`quietText`), and the scanner build that said so
 * (`SCANNER_BUILD`): a later start of the same build answers them without building its scanner.
 */
export interface QuietWords {
  scanner: string;
  words: string[];
}

/** Most words kept; past it new ones are not remembered (each is at most `QUIET_WORD_MAX` long). */
export const QUIET_WORDS_MAX = 1024;
/** Longest word remembered, as `createInertCheck` asks the scanner about at most 64 characters. */
export const QUIET_WORD_MAX = 64;

/** A word the cache may remember: 1–64 printable ASCII characters, no space. */
export const isRememberableWord = (text: string): boolean => {
  if (text.length === 0 || text.length > QUIET_WORD_MAX) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  return true;
};

/** The outcome of reading `cache.json`: the usable entries, or why the whole file was ignored. */
export type ParsedCacheFile =
  | { ok: true; servers: Map<string, CachedServer>; skipped: string[]; quiet?: QuietWords }
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
  const quiet = toQuietWords(json['quiet']);
  return quiet === undefined
    ? { ok: true, servers: out, skipped }
    : { ok: true, servers: out, skipped, quiet };
};

/** The file's text for a set of entries, servers in name order so rewrites are stable. */
export const serializeCacheFile = (
  servers: ReadonlyMap<string, CachedServer>,
  quiet?: QuietWords,
): string => {
  const sorted = [...servers.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const file: Record<string, unknown> = {
    v: CACHE_FILE_VERSION,
    servers: Object.fromEntries(sorted),
  };
  if (quiet !== undefined && quiet.words.length > 0) file['quiet'] = quiet;
  return `${JSON.stringify(file)}\n`;
};

/** Quiet words as read from a file: anything malformed, or a word no scan would be asked about, drops all of them. */
const toQuietWords = (value: unknown): QuietWords | undefined => {
  if (!isRecord(value)) return undefined;
  const { scanner, words } = value;
  if (typeof scanner !== 'string' || !Array.isArray(words) || words.length > QUIET_WORDS_MAX)
    return undefined;
  if (!words.every((word) => typeof word === 'string' && isRememberableWord(word)))
    return undefined;
  return { scanner, words: words as string[] };
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
