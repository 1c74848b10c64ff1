import { mkdir, open, rename, type FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type {
  AuditRecord,
  AuditRecordInput,
  CheckpointInput,
  RecoveryInput,
} from '../core/audit/audit-record.js';
import { renderCheckpointStatement, sealAuditRecord } from '../core/audit/chain.js';
import { GatewayError } from '../core/errors.js';
import { loadOrCreateAuditKey, type AuditKey } from './audit-key.js';
import { sha256Hex } from './digest.js';
import { acquireFileLock, type FileLockOptions } from './file-lock.js';
import { writeHeadFile } from './head-file.js';
import {
  readFirstSeq,
  readLogTail,
  rotatedLogPath,
  type ChainHead,
  type LogTail,
} from './log-files.js';

/** How the gateway opens its audit log. */
export interface AuditLogOptions {
  /** Absolute path of the active `.jsonl` file. */
  path: string;
  /** Folder of the signing key and head.json. */
  stateDir: string;
  /** `sync`: callers await `appendDurable` before forwarding; `batch`: records reach disk within `flushIntervalMs`. */
  durability: 'batch' | 'sync';
  /** Default 50. */
  flushIntervalMs?: number;
  /** Default 1000 records / 60 s. */
  checkpointEvery?: { records: number; seconds: number };
  /** Default 64 MiB; the active file is renamed to `<name>-<firstSeq>.jsonl` and seq/prev continue. */
  rotateBytes?: number;
  onError?: (error: Error) => void;
  /**
   * Receives the records of each batch once it is in the file, as written (final seq and
   * hash): the telemetry export of the log. Must not throw; it runs after every flush.
   */
  onWritten?: (records: readonly AuditRecord[]) => void;
  /** Lock tuning, for tests. */
  lock?: FileLockOptions;
}

/**
 * Where a record sits in the chain. If another process appends to the same file before this
 * record reaches disk, the writer re-chains it and updates this object in place; the receipt
 * `appendDurable` resolves with is final.
 */
export interface AuditReceipt {
  readonly seq: number;
  readonly hash: string;
}

/** An open audit log: cheap appends, batched durable writes, signed checkpoints. */
export interface AuditLog {
  /** Queue a record (seq, prev, ts, hash assigned now); written within flushIntervalMs. Cheap: no I/O on the caller's path. */
  append(record: AuditRecordInput): AuditReceipt;
  /** In `sync` durability, resolves once the record is on disk; in batch mode, like append + flush. */
  appendDurable(record: AuditRecordInput): Promise<AuditReceipt>;
  /** False after a write failed and until a later write succeeds (the gateway denies calls in enforce mode). */
  readonly healthy: boolean;
  flush(): Promise<void>;
  /** Flush, write a final checkpoint (and head.json), release everything. Idempotent. */
  close(): Promise<void>;
}

interface Receipt {
  seq: number;
  hash: string;
}

interface Entry {
  input: AuditRecordInput;
  readonly ts: string;
  prev: string;
  line: string;
  readonly receipt: Receipt;
  waiters:
    { resolve: (receipt: AuditReceipt) => void; reject: (error: Error) => void }[] | undefined;
}

/** What this writer last left at the end of the active file. */
interface DiskState {
  readonly head: ChainHead;
  readonly ino: number;
  readonly size: number;
}

const DEFAULT_ROTATE_BYTES = 64 * 1024 * 1024;

// `seal` signs checkpoints where they land in the chain; this only marks the entry's type.
const CHECKPOINT_PLACEHOLDER: CheckpointInput = {
  type: 'checkpoint',
  covers: { seq: 0, hash: '' },
  file: '',
  key_id: '',
  signature: '',
};

const writeAll = async (handle: FileHandle, data: Buffer): Promise<void> => {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
};

const toWriteError = (path: string, cause: unknown): GatewayError =>
  new GatewayError(
    'AUDIT_WRITE_FAILED',
    `Could not write the audit log ${path}: ${cause instanceof Error ? cause.message : String(cause)} (check the disk and the folder's permissions)`,
    { cause },
  );

/** Hands the written records to an observer; an observer's failure is never the log's. */
const observeWritten = (
  observer: (records: readonly AuditRecord[]) => void,
  entries: readonly Entry[],
): void => {
  try {
    // The line is what is on disk: the observer sees exactly the written record.
    observer(entries.map((entry) => JSON.parse(entry.line) as AuditRecord));
  } catch {
    // Telemetry is best-effort; the log is not.
  }
};

/** Opens (creating if needed) the audit log, recovering a torn last line left by a crash. */
export const openAuditLog = async (options: AuditLogOptions): Promise<AuditLog> => {
  const { path, stateDir } = options;
  const logName = basename(path);
  const lockPath = `${path}.lock`;
  const flushIntervalMs = options.flushIntervalMs ?? 50;
  const checkpointRecords = options.checkpointEvery?.records ?? 1000;
  const checkpointMs = (options.checkpointEvery?.seconds ?? 60) * 1000;
  const rotateBytes = options.rotateBytes ?? DEFAULT_ROTATE_BYTES;
  const onError = options.onError ?? (() => undefined);

  await mkdir(dirname(path), { recursive: true });
  const key: AuditKey = await loadOrCreateAuditKey(stateDir);

  let head: ChainHead;
  let disk: DiskState | undefined;
  let pending: Entry[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  let checkpointTimer: NodeJS.Timeout | undefined;
  let flushQueue: Promise<void> = Promise.resolve();
  let sinceCheckpoint = 0;
  let lastCheckpointAt = Date.now();
  let healthy = true;
  let closed = false;
  let closing: Promise<void> | undefined;

  const checkpointInput = (covers: ChainHead, ts: string): CheckpointInput => ({
    type: 'checkpoint',
    covers: { seq: covers.seq, hash: covers.hash },
    file: logName,
    key_id: key.keyId,
    signature: key.sign(
      renderCheckpointStatement({ seq: covers.seq, hash: covers.hash, ts, file: logName }),
    ),
  });

  const seal = (entry: Entry, after: ChainHead): ChainHead => {
    // A checkpoint signs what it covers, so moving it in the chain means signing again.
    if (entry.input.type === 'checkpoint') entry.input = checkpointInput(after, entry.ts);
    const sealed = sealAuditRecord(
      entry.input,
      { seq: after.seq + 1, ts: entry.ts, prev: after.hash },
      sha256Hex,
    );
    entry.prev = after.hash;
    entry.line = sealed.line;
    entry.receipt.seq = after.seq + 1;
    entry.receipt.hash = sealed.hash;
    // A snapshot: the receipt object itself changes if the entry is re-chained later.
    return { seq: after.seq + 1, hash: sealed.hash };
  };

  const createEntry = (input: AuditRecordInput, ts: string): Entry => {
    const entry: Entry = {
      input,
      ts,
      prev: '',
      line: '',
      receipt: { seq: 0, hash: '' },
      waiters: undefined,
    };
    head = seal(entry, head);
    return entry;
  };

  /** Re-chains entries from `after` when they no longer link to it; returns the new end. */
  const rechain = (entries: readonly Entry[], after: ChainHead): ChainHead => {
    const first = entries[0];
    if (first === undefined || (first.prev === after.hash && first.receipt.seq === after.seq + 1)) {
      const last = entries.at(-1);
      return last === undefined ? after : { seq: last.receipt.seq, hash: last.receipt.hash };
    }
    let end = after;
    for (const entry of entries) end = seal(entry, end);
    return end;
  };

  /** Reads where the chain really ends when the file is not as this writer left it. */
  const resolveTail = async (
    handle: FileHandle,
  ): Promise<{ tail: LogTail; ino: number; size: number }> => {
    const info = await handle.stat();
    if (disk?.ino === info.ino && disk.size === info.size) {
      return {
        tail: { head: disk.head, needsNewline: false, torn: undefined },
        ino: info.ino,
        size: info.size,
      };
    }
    return { tail: await readLogTail(path, handle, info.size), ino: info.ino, size: info.size };
  };

  const recoveryInput = (torn: NonNullable<LogTail['torn']>): RecoveryInput => ({
    type: 'recovery',
    torn: { file: logName, offset: torn.offset, length: torn.length, sha256: torn.sha256 },
  });

  const rotate = async (handle: FileHandle, state: DiskState): Promise<DiskState | undefined> => {
    if (state.size < rotateBytes) return state;
    const firstSeq = await readFirstSeq(handle);
    if (firstSeq === undefined) return state;
    await rename(path, rotatedLogPath(path, firstSeq));
    // The next flush finds a new (or no) active file and reads the head from the segment.
    return undefined;
  };

  const writeBatch = async (batch: Entry[]): Promise<Entry[]> => {
    const lock = await acquireFileLock(lockPath, options.lock);
    try {
      const handle = await open(path, 'a+', 0o600);
      try {
        const { tail, ino, size } = await resolveTail(handle);
        // After a failed partial write, records of this batch may already be on disk.
        const onDisk = batch.findIndex((entry) => entry.receipt.hash === tail.head.hash);
        const done = onDisk === -1 ? [] : batch.splice(0, onDisk + 1);
        if (tail.torn !== undefined) {
          batch.unshift(createDetachedEntry(recoveryInput(tail.torn)));
        }
        const end = rechain(batch, tail.head);
        // Records appended while this flush waited for the lock follow the batch.
        head = rechain(pending, end);
        if (batch.length === 0 && !tail.needsNewline) {
          disk = { head: end, ino, size };
          return done;
        }
        const text = (tail.needsNewline ? '\n' : '') + batch.map((entry) => entry.line).join('');
        const data = Buffer.from(text, 'utf8');
        await writeAll(handle, data);
        await handle.sync();
        disk = { head: end, ino, size: size + data.length };
        const checkpoint = batch.findLast((entry) => entry.input.type === 'checkpoint');
        if (checkpoint?.input.type === 'checkpoint') {
          await writeHeadFile(stateDir, {
            seq: checkpoint.input.covers.seq,
            hash: checkpoint.input.covers.hash,
            ts: checkpoint.ts,
            file: logName,
            keyId: key.keyId,
            signature: checkpoint.input.signature,
            publicKeyPem: key.publicKeyPem,
            checkpoint: { seq: checkpoint.receipt.seq, hash: checkpoint.receipt.hash },
          });
        }
        disk = await rotate(handle, disk);
        return [...done, ...batch];
      } finally {
        await handle.close();
      }
    } finally {
      await lock.release();
    }
  };

  // Recovery and checkpoint records made inside a flush are chained by `rechain`, not here.
  const createDetachedEntry = (input: AuditRecordInput): Entry => ({
    input,
    ts: new Date().toISOString(),
    prev: '',
    line: '',
    receipt: { seq: -1, hash: '' },
    waiters: undefined,
  });

  const isCheckpointDue = (force: boolean): boolean =>
    sinceCheckpoint > 0 &&
    (force ||
      sinceCheckpoint >= checkpointRecords ||
      Date.now() - lastCheckpointAt >= checkpointMs);

  const armCheckpointTimer = (): void => {
    if (checkpointTimer !== undefined || sinceCheckpoint === 0 || closed) return;
    const delay = Math.max(0, lastCheckpointAt + checkpointMs - Date.now());
    checkpointTimer = setTimeout(() => {
      checkpointTimer = undefined;
      flush().catch(() => undefined);
    }, delay);
    // An idle gateway must still be able to exit; close() writes the final checkpoint.
    checkpointTimer.unref();
  };

  const runFlush = async (forceCheckpoint: boolean): Promise<void> => {
    if (isCheckpointDue(forceCheckpoint)) {
      // Appended like any record, so it never shifts receipts already handed out.
      pending.push(createEntry(CHECKPOINT_PLACEHOLDER, new Date().toISOString()));
      sinceCheckpoint = 0;
      lastCheckpointAt = Date.now();
    }
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    try {
      const written = await writeBatch(batch);
      healthy = true;
      if (options.onWritten !== undefined) observeWritten(options.onWritten, written);
      for (const entry of written) {
        for (const waiter of entry.waiters ?? []) waiter.resolve(entry.receipt);
      }
    } catch (error) {
      const failure = toWriteError(path, error);
      healthy = false;
      // Keep the records, in order, for the next attempt; their callers learn it failed now.
      // A recovery record is dropped: the next attempt re-reads the tail and names it again.
      pending = [...batch.filter((entry) => entry.input.type !== 'recovery'), ...pending];
      for (const entry of batch) {
        for (const waiter of entry.waiters ?? []) waiter.reject(failure);
        entry.waiters = undefined;
      }
      if (!closed) scheduleFlush();
      onError(failure);
      throw failure;
    } finally {
      armCheckpointTimer();
    }
  };

  const flush = (forceCheckpoint = false): Promise<void> => {
    if (flushTimer !== undefined) {
      clearTimeout(flushTimer);
      flushTimer = undefined;
    }
    const run = flushQueue.then(() => runFlush(forceCheckpoint));
    flushQueue = run.catch(() => undefined);
    return run;
  };

  const scheduleFlush = (): void => {
    if (flushTimer !== undefined) return;
    flushTimer = setTimeout(() => {
      flushTimer = undefined;
      flush().catch(() => undefined);
    }, flushIntervalMs);
  };

  const appendEntry = (record: AuditRecordInput): Entry => {
    if (closed) {
      throw new GatewayError('AUDIT_WRITE_FAILED', `The audit log ${path} is closed`);
    }
    const entry = createEntry(record, new Date().toISOString());
    pending.push(entry);
    sinceCheckpoint++;
    scheduleFlush();
    return entry;
  };

  // Open: under the lock, find the head and name any torn bytes a crash left behind.
  {
    const lock = await acquireFileLock(lockPath, options.lock);
    try {
      const handle = await open(path, 'a+', 0o600);
      try {
        const info = await handle.stat();
        const tail = await readLogTail(path, handle, info.size);
        head = tail.head;
        let text = tail.needsNewline ? '\n' : '';
        if (tail.torn !== undefined) {
          text += createEntry(recoveryInput(tail.torn), new Date().toISOString()).line;
          sinceCheckpoint++;
        }
        let size = info.size;
        if (text !== '') {
          const data = Buffer.from(text, 'utf8');
          await writeAll(handle, data);
          await handle.sync();
          size += data.length;
        }
        disk = { head, ino: info.ino, size };
      } finally {
        await handle.close();
      }
    } finally {
      await lock.release();
    }
  }

  return {
    append: (record) => appendEntry(record).receipt,
    async appendDurable(record) {
      const entry = appendEntry(record);
      const done = new Promise<AuditReceipt>((resolve, reject) => {
        (entry.waiters ??= []).push({ resolve, reject });
      });
      // A failed flush rejects `done` too; report it once, through `done`.
      await flush().catch(() => undefined);
      return done;
    },
    get healthy() {
      return healthy;
    },
    flush: () => flush(),
    close() {
      if (closing === undefined) {
        closed = true;
        if (checkpointTimer !== undefined) clearTimeout(checkpointTimer);
        closing = flush(true);
      }
      return closing;
    },
  };
};
