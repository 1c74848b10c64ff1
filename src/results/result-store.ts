import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toResultUri } from '../core/results/result-uri.js';
import type { Logger } from '../core/logger.js';
import { ensurePrivateDir } from '../audit/state-dir.js';

/** One kept text: whose it is, where it is, how big, and what it was the result of. */
export interface KeptResult {
  readonly id: string;
  readonly owner: object;
  readonly file: string;
  readonly bytes: number;
  readonly callId: string;
  readonly exposed: string;
}

/** A byte range of a kept text, moved to whole UTF-8 characters. */
export interface ResultSlice {
  readonly text: string;
  /** Where the slice starts and how many bytes it holds (after moving to character bounds). */
  readonly offset: number;
  readonly length: number;
  /** Bytes of the whole text. */
  readonly total: number;
  readonly kept: KeptResult;
}

export interface ResultStoreOptions {
  /** `<stateDir>/results`: each gateway process keeps its texts in its own folder under it. */
  readonly dir: string;
  /** Disk space for every kept text of this process (`limits.keptResults`). */
  readonly budgetBytes: number;
  readonly logger: Logger;
}

/** A read with no `length`: this many bytes, so one answer never floods a client. */
export const DEFAULT_READ_BYTES = 100_000;

/**
 * The full text of results cut for a client, kept in the state folder while the session that
 * received them lasts (DESIGN §14). A text is readable only by its session; the oldest texts
 * go first when the space runs out, and a session's texts go when it ends.
 */
export class ResultStore {
  private readonly kept = new Map<string, KeptResult>();
  private used = 0;
  private folder: Promise<string> | undefined;

  constructor(private readonly options: ResultStoreOptions) {}

  /** Keeps `text` for `owner`; says why when it cannot (too big for the space, a disk error). */
  async keep(
    owner: object,
    text: string,
    bytes: number,
    call: { readonly id: string; readonly exposed: string },
  ): Promise<{ readonly uri: string } | { readonly reason: string }> {
    if (bytes > this.options.budgetBytes)
      return {
        reason: `it is larger than limits.keptResults (${this.options.budgetBytes} bytes)`,
      };
    try {
      const dir = await this.ownFolder();
      const id = randomBytes(16).toString('hex');
      const file = path.join(dir, `${id}.txt`);
      // Reserve the space first, so parallel calls never overshoot the budget together.
      this.used += bytes;
      this.evictOver(this.options.budgetBytes);
      try {
        await writeFile(file, text, { encoding: 'utf8', mode: 0o600 });
      } catch (error) {
        this.used -= bytes;
        throw error;
      }
      this.kept.set(id, { id, owner, file, bytes, callId: call.id, exposed: call.exposed });
      return { uri: toResultUri(id) };
    } catch (error) {
      this.options.logger.warn(`could not keep a cut result: ${(error as Error).message}`);
      return { reason: 'the state folder could not be written' };
    }
  }

  /** The texts `owner` can read, oldest first. */
  listFor(owner: object): KeptResult[] {
    return [...this.kept.values()].filter((k) => k.owner === owner);
  }

  /**
   * Bytes `offset` to `offset + length` of a kept text (whole characters: the start moves back
   * and the end moves back to a character bound, so consecutive reads neither skip nor repeat).
   */
  async read(
    owner: object,
    id: string,
    offset = 0,
    length = DEFAULT_READ_BYTES,
  ): Promise<ResultSlice | { readonly error: string }> {
    // Another session's text is "not found" too: its existence is not this session's business.
    const found = this.kept.get(id);
    const kept = found?.owner === owner ? found : undefined;
    if (kept === undefined)
      return {
        error: `no kept result ${toResultUri(id)} in this session (results are kept only for the session that received them, and the oldest go first when limits.keptResults is reached)`,
      };
    const total = kept.bytes;
    if (offset > total)
      return { error: `offset ${offset} is past the end of the text (${total} bytes)` };
    // Up to 3 bytes before (to find the character's start) and 4 after (to finish one).
    const from = Math.max(0, offset - 3);
    const to = Math.min(total, offset + Math.max(1, length) + 4);
    const buffer = Buffer.alloc(to - from);
    const handle = await open(kept.file, 'r');
    try {
      await handle.read(buffer, 0, buffer.length, from);
    } finally {
      await handle.close();
    }
    const isContinuation = (i: number): boolean =>
      i < buffer.length && ((buffer[i] ?? 0) & 0xc0) === 0x80;
    let start = offset - from;
    while (start > 0 && isContinuation(start)) start--;
    let end = Math.min(buffer.length, offset + length - from);
    while (end > start && isContinuation(end)) end--;
    // A length shorter than one character still returns that character.
    if (end === start && start < buffer.length) {
      end = start + 1;
      while (isContinuation(end)) end++;
    }
    return {
      text: buffer.toString('utf8', start, end),
      offset: from + start,
      length: end - start,
      total,
      kept,
    };
  }

  /** Drops every text of `owner` (its session ended). */
  async release(owner: object): Promise<void> {
    const gone = this.listFor(owner);
    await Promise.all(gone.map((k) => this.drop(k)));
  }

  /** Drops everything this process kept, and its folder. */
  async close(): Promise<void> {
    const folder = this.folder;
    this.kept.clear();
    this.used = 0;
    if (folder === undefined) return;
    await rm(await folder.catch(() => ''), { recursive: true, force: true }).catch(() => undefined);
  }

  private evictOver(budget: number): void {
    for (const kept of this.kept.values()) {
      if (this.used <= budget) return;
      void this.drop(kept);
    }
  }

  private async drop(kept: KeptResult): Promise<void> {
    if (!this.kept.delete(kept.id)) return;
    this.used -= kept.bytes;
    await rm(kept.file, { force: true }).catch(() => undefined);
  }

  private ownFolder(): Promise<string> {
    this.folder ??= (async () => {
      const root = this.options.dir;
      await ensurePrivateDir(path.dirname(root));
      await mkdir(root, { recursive: true, mode: 0o700 });
      await removeAbandoned(root);
      const own = path.join(root, `${process.pid}-${randomBytes(4).toString('hex')}`);
      await mkdir(own, { mode: 0o700 });
      return own;
    })();
    return this.folder;
  }
}

/** Folders left by gateway processes that died without cleaning up (their pid is gone). */
const removeAbandoned = async (root: string): Promise<void> => {
  const entries = await readdir(root).catch(() => [] as string[]);
  await Promise.all(
    entries.map(async (name) => {
      const pid = Number(/^(\d+)-/.exec(name)?.[1]);
      if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) return;
      await rm(path.join(root, name), { recursive: true, force: true }).catch(() => undefined);
    }),
  );
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};
