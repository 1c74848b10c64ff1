import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson } from '../core/canonical-json.js';
import { withFileLock } from '../state-files/file-lock.js';
import { writeFileAtomic } from '../state-files/write-file-atomic.js';
import { SCANNER_BUILD } from '../review/scanner-build.js';
import {
  isRememberableWord,
  parseCacheFile,
  QUIET_WORDS_MAX,
  serializeCacheFile,
  type CachedServer,
  type QuietWords,
} from './cache-file.js';

export type { CachedServer } from './cache-file.js';
export { serverFingerprint } from './server-fingerprint.js';

/** The file name of the tool-definition cache inside the state folder. */
export const CACHE_FILE_NAME = 'cache.json';

const DEFAULT_DEBOUNCE_MS = 200;
// Cache writes take milliseconds; a lock held longer belongs to a stuck process, and waiting
// for it would only delay shutdown for a file that merely saves time.
const LOCK_TIMEOUT_MS = 2000;

/** The last known listing of every server, so `tools/list` can be answered before backends are up. */
export interface ToolCache {
  /** What was cached for a server, if its fingerprint (hash of the server's resolved config: command, args, env, url, headers...) still matches. */
  get(server: string, fingerprint: string): CachedServer | undefined;
  /** Remember a server's fresh listing; written atomically, debounced (at most one write per ~200 ms), only when something changed. */
  put(server: string, entry: Omit<CachedServer, 'updatedAt'>): void;
  /**
   * Records that a server's cached instructions scanned clean under `key`; kept while a new
   * listing brings the same text.
   */
  markClean(server: string, key: string): void;
  /** Records that a server's cached tools scanned clean under `key` (kept: the key names its tools). */
  markToolsClean(server: string, key: string): void;
  /**
   * True for a word this scanner build (`scannerBuild`) found nothing in at an earlier start or
   * in this one (`rememberQuietWord`), so it can be answered before the scanner is built.
   */
  isQuietWord(word: string): boolean;
  /** Records a word the scanner found nothing in (1–64 printable ASCII characters, up to 1024 words). */
  rememberQuietWord(word: string): void;
  /** Forget servers no longer configured. */
  retain(servers: readonly string[]): void;
  /** Flush pending writes. */
  close(): Promise<void>;
  /** Why the file was ignored or could not be written, each reason once (also sent to `onWarning`). */
  readonly warnings: readonly string[];
}

/** How the cache behaves; everything is optional. */
export interface ToolCacheOptions {
  /** `cache.enabled` of the config; when false nothing is read or written. */
  enabled?: boolean;
  /** Changes within this window are written together (default 200 ms). */
  debounceMs?: number;
  /** Called once per distinct problem; a broken cache never stops the gateway. */
  onWarning?: (message: string) => void;
  /** Injected for deterministic `updatedAt` values in tests. */
  now?: () => Date;
  /** The scanner build whose quiet words are kept (default `SCANNER_BUILD`); others' are dropped. */
  scannerBuild?: string;
}

/** Opens `cache.json` in the state folder; a missing, unreadable or corrupt file gives an empty cache. */
export const openToolCache = async (
  stateDir: string,
  options: ToolCacheOptions = {},
): Promise<ToolCache> => {
  const {
    enabled = true,
    debounceMs = DEFAULT_DEBOUNCE_MS,
    onWarning,
    now = () => new Date(),
    scannerBuild = SCANNER_BUILD,
  } = options;
  if (!enabled) return disabledCache;

  const path = join(stateDir, CACHE_FILE_NAME);
  const warnings: string[] = [];
  const warn = (message: string): void => {
    if (warnings.includes(message)) return;
    warnings.push(message);
    onWarning?.(message);
  };

  const loaded = await readCacheFile(path);
  if (loaded.warning !== undefined) warn(loaded.warning);
  const entries = loaded.servers;
  const quiet = new Set(loaded.quiet?.scanner === scannerBuild ? loaded.quiet.words : []);
  // Servers put or removed since the last write; only these are merged into the file.
  const dirty = new Set<string>();
  // Quiet words learnt since the last write; merged with the file's own of the same build.
  let quietDirty = false;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  let closed = false;

  const flush = async (): Promise<void> => {
    if (dirty.size === 0 && !quietDirty) return;
    const updates = new Map([...dirty].map((server) => [server, entries.get(server)]));
    dirty.clear();
    const learnt = quietDirty;
    quietDirty = false;
    try {
      await mkdir(stateDir, { recursive: true, mode: 0o700 });
      await withFileLock(
        `${path}.lock`,
        async () => {
          // Another gateway on the same state folder may have cached its servers meanwhile:
          // re-read under the lock and change only ours. A file broken since we opened it is
          // replaced by what we know.
          const fresh = await readCacheFile(path);
          const merged = fresh.ignored ? new Map(entries) : fresh.servers;
          for (const [server, entry] of updates) {
            if (entry === undefined) merged.delete(server);
            else merged.set(server, entry);
          }
          const words = new Set(fresh.quiet?.scanner === scannerBuild ? fresh.quiet.words : []);
          for (const word of quiet) {
            if (words.size >= QUIET_WORDS_MAX) break;
            words.add(word);
          }
          // Another build's words stay unless this one learnt some (one build's words at a time).
          const keptQuiet: QuietWords | undefined =
            learnt || fresh.quiet?.scanner === scannerBuild
              ? { scanner: scannerBuild, words: [...words] }
              : fresh.quiet;
          await writeFileAtomic(path, serializeCacheFile(merged, keptQuiet));
        },
        { timeoutMs: LOCK_TIMEOUT_MS },
      );
    } catch (error) {
      // The cache only saves time: a failed write is reported and retried with the next change.
      for (const server of updates.keys()) dirty.add(server);
      quietDirty ||= learnt;
      warn(`Could not write the tool cache ${path}: ${describe(error)}`);
    }
  };

  const schedule = (): void => {
    if (timer !== undefined || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      writing = writing.then(flush);
    }, debounceMs);
    // A pending cache write must not keep the process alive; close() flushes it on shutdown.
    timer.unref();
  };

  return {
    warnings,

    get(server, fingerprint) {
      const entry = entries.get(server);
      return entry?.fingerprint === fingerprint ? entry : undefined;
    },

    put(server, entry) {
      if (closed) return;
      const next = toCachedServer(entry, now().toISOString());
      const current = entries.get(server);
      if (
        next.instructionsClean === undefined &&
        current?.instructionsClean !== undefined &&
        current.instructions === next.instructions
      )
        next.instructionsClean = current.instructionsClean;
      // The key covers the tools themselves: a changed listing simply no longer matches it.
      if (next.toolsClean === undefined && current?.toolsClean !== undefined)
        next.toolsClean = current.toolsClean;
      if (current !== undefined && sameListing(current, next)) return;
      entries.set(server, next);
      dirty.add(server);
      schedule();
    },

    markClean(server, key) {
      const current = entries.get(server);
      if (closed || current?.instructions === undefined || current.instructionsClean === key)
        return;
      entries.set(server, { ...current, instructionsClean: key });
      dirty.add(server);
      schedule();
    },

    markToolsClean(server, key) {
      const current = entries.get(server);
      if (closed || current === undefined || current.toolsClean === key) return;
      entries.set(server, { ...current, toolsClean: key });
      dirty.add(server);
      schedule();
    },

    isQuietWord(word) {
      return quiet.has(word);
    },

    rememberQuietWord(word) {
      if (closed || quiet.has(word) || quiet.size >= QUIET_WORDS_MAX) return;
      if (!isRememberableWord(word)) return;
      quiet.add(word);
      quietDirty = true;
      schedule();
    },

    retain(servers) {
      if (closed) return;
      const keep = new Set(servers);
      for (const server of [...entries.keys()]) {
        if (keep.has(server)) continue;
        entries.delete(server);
        dirty.add(server);
      }
      if (dirty.size > 0) schedule();
    },

    async close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      writing = writing.then(flush);
      await writing;
    },
  };
};

const disabledCache: ToolCache = {
  warnings: [],
  get: () => undefined,
  put: () => undefined,
  markClean: () => undefined,
  markToolsClean: () => undefined,
  isQuietWord: () => false,
  rememberQuietWord: () => undefined,
  retain: () => undefined,
  close: () => Promise.resolve(),
};

const readCacheFile = async (
  path: string,
): Promise<{
  servers: Map<string, CachedServer>;
  ignored: boolean;
  warning?: string;
  quiet?: QuietWords | undefined;
}> => {
  const ignore = (reason: string) => ({
    servers: new Map<string, CachedServer>(),
    ignored: true,
    warning: `Ignoring the tool cache ${path}: ${reason}; it will be rewritten from the servers' fresh listings.`,
  });
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { servers: new Map(), ignored: false };
    }
    return ignore(`it cannot be read (${describe(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return ignore(`it is not valid JSON (${describe(error)})`);
  }
  const parsed = parseCacheFile(json);
  if (!parsed.ok) return ignore(parsed.problem);
  if (parsed.skipped.length === 0)
    return { servers: parsed.servers, ignored: false, quiet: parsed.quiet };
  return {
    servers: parsed.servers,
    ignored: false,
    quiet: parsed.quiet,
    warning: `Ignoring malformed entries of the tool cache ${path}: ${parsed.skipped.join(', ')}.`,
  };
};

const toCachedServer = (
  entry: Omit<CachedServer, 'updatedAt'>,
  updatedAt: string,
): CachedServer => {
  const out: CachedServer = { tools: entry.tools, fingerprint: entry.fingerprint, updatedAt };
  if (entry.instructions !== undefined) out.instructions = entry.instructions;
  if (entry.instructionsClean !== undefined) out.instructionsClean = entry.instructionsClean;
  if (entry.toolsClean !== undefined) out.toolsClean = entry.toolsClean;
  if (entry.serverInfo !== undefined) out.serverInfo = entry.serverInfo;
  if (entry.capabilities !== undefined) out.capabilities = entry.capabilities;
  return out;
};

// updatedAt is left out: a re-listing that finds nothing new must not cost a write.
const sameListing = (a: CachedServer, b: CachedServer): boolean => {
  try {
    return canonicalJson({ ...a, updatedAt: '' }) === canonicalJson({ ...b, updatedAt: '' });
  } catch {
    // Values JSON cannot hold never compare equal; the write then reports the real problem.
    return false;
  }
};

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
