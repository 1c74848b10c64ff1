import { closeSync, fstatSync, fsync, openSync, statSync, writeSync } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type {
  AuditRecord,
  AuditRecordInput,
  CheckpointInput,
  KeyRotatedInput,
  RecoveryInput,
} from '../core/audit/audit-record.js';
import { renderCheckpointStatement, sealAuditRecord } from '../core/audit/chain.js';
import { sealRecordBytes } from '../core/audit/record-bytes.js';
import { GatewayError } from '../core/errors.js';
import { loadOrCreateAuditKey, type LoadedAuditKey } from './audit-key.js';
import { sha256Hex } from './digest.js';
import { createIsoTime } from './iso-time.js';
import {
  acquireFileLock,
  tryAcquireFileLockSync,
  type FileLockOptions,
  type SyncFileLock,
} from '../state-files/file-lock.js';
import { HEAD_FILE, readCheckpointAnchor, stageHeadFile, writeHeadFile } from './head-file.js';
import {
  readFirstSeq,
  readLastSigner,
  readLogTail,
  rotatedLogPath,
  type ChainHead,
  type LogTail,
} from './log-files.js';
import { PendingBytes, sha256HexOfBytes } from './pending-bytes.js';
import { ensurePrivateDir } from './state-dir.js';

/** How the gateway opens its audit log. */
export interface AuditLogOptions {
  /** Absolute path of the active `.jsonl` file. */
  path: string;
  /** Folder of the signing key and head.json. */
  stateDir: string;
  /** `sync`: callers await `appendDurable` before forwarding; `batch`: records reach disk within `flushIntervalMs`. */
  durability: 'batch' | 'sync';
  /** Default 50: how long written records may wait for their batched fsync. */
  flushIntervalMs?: number;
  /** Default 1000 records / 60 s. */
  checkpointEvery?: { records: number; seconds: number };
  /** Default 64 MiB; the active file is renamed to `<name>-<firstSeq>.jsonl` and seq/prev continue. */
  rotateBytes?: number;
  onError?: (error: Error) => void;
  /** Things the user should know that do not stop the log: a replaced signing key, a folder made private. */
  onWarning?: (message: string) => void;
  /**
   * Receives the records once they are in the file, as written (final seq and hash), in
   * order: the telemetry export of the log. Called after the reply that waited for them.
   */
  onWritten?: (records: readonly AuditRecord[]) => void;
  /** Lock tuning, for tests. */
  lock?: FileLockOptions;
  /**
   * Default 10: the period over which the hot path keeps the lock once it took it, so replies
   * need no lock file of their own; renewed while busy unless another process waits for the
   * lock; 0 releases it after every write.
   */
  leaseMs?: number;
}

/**
 * Where a record sits in the chain. If another process appends to the same file before this
 * record reaches the file, the writer re-chains it and updates this object in place; once
 * `written()` or `appendDurable` has settled for it, it is final.
 */
export interface AuditReceipt {
  readonly seq: number;
  readonly hash: string;
}

/** An open audit log: cheap appends, a write before each reply, batched fsync, signed checkpoints. */
export interface AuditLog {
  /** Queue a record (seq, prev, ts, hash assigned now). Cheap: no I/O on the caller's path. */
  append(record: AuditRecordInput): AuditReceipt;
  /** In `sync` durability, resolves once the record is on disk; in batch mode, like append + flush. */
  appendDurable(record: AuditRecordInput): Promise<AuditReceipt>;
  /**
   * Puts every record appended so far into the file (a `write`, no fsync), so that a process
   * killed after a reply leaves has not lost what the reply's receipt names. Undefined when
   * there is nothing to write; otherwise one promise shared by every caller in this turn of the
   * event loop (one write for all of them). Never rejects: a failed write marks the log
   * unhealthy, is reported through `onError` and is retried.
   */
  written(): Promise<void> | undefined;
  /**
   * Puts every record appended so far into the file now when the hot path's synchronous write
   * can (see `AuditSink.writeNow`): true when nothing is left to write (a failure is reported
   * through `onError` and retried, as with `written()`); false when only the slow path could,
   * or when other replies of this turn already wait for the shared write, and `written()`
   * then waits with them.
   */
  writeNow(): boolean;
  /** False after a write failed and until a later write succeeds (the gateway denies calls in enforce mode). */
  readonly healthy: boolean;
  /** The highest seq this log has written to its file (-1 before any): receipts up to it are final. */
  writtenSeq(): number;
  /** Writes and fsyncs everything appended so far. */
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
  /**
   * Queued in `pending`: its line is `pendingBytes[start, end)` and `line` is empty. Taken out
   * (a write on the slow path, the records of opening): `line`, and `start` is -1.
   */
  line: string;
  start: number;
  end: number;
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

/**
 * A receipt, made apart from its entry: receipts outlive their entries (the console keeps the
 * last calls' receipts), and V8 decides per allocation site whether what it makes there is
 * allocated straight in the old generation. Made in the entry's literal, entries were too.
 */
const newReceipt = (): Receipt => ({ seq: 0, hash: '' });

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

const writeAllSync = (fd: number, data: Buffer, length = data.length): void => {
  let offset = 0;
  while (offset < length) offset += writeSync(fd, data, offset, length - offset);
};

const toWriteError = (path: string, cause: unknown): GatewayError =>
  new GatewayError(
    'AUDIT_WRITE_FAILED',
    `Could not write the audit log ${path}: ${cause instanceof Error ? cause.message : String(cause)} (check the disk and the folder's permissions)`,
    { cause },
  );

// Records appended in the same millisecond share one timestamp string, and those of the same
// second its text up to the seconds: formatting a Date costs about as much as hashing a small
// record, and a busy gateway appends many per millisecond.
const isoTime = createIsoTime();
let isoMs = -1;
let isoText = '';
const isoNow = (): string => {
  const ms = Date.now();
  if (ms !== isoMs) {
    isoMs = ms;
    isoText = isoTime(ms);
  }
  return isoText;
};

/** Hands written records to an observer; an observer's failure is never the log's. */
const observeWritten = (
  observer: (records: readonly AuditRecord[]) => void,
  entries: readonly Entry[],
): void => {
  try {
    // The line is what is in the file: the observer sees exactly the written record.
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
  const leaseMs = options.leaseMs ?? 10;
  const onError = options.onError ?? (() => undefined);
  const onWarning = options.onWarning ?? (() => undefined);

  for (const dir of new Set([stateDir, dirname(path)])) {
    const notice = await ensurePrivateDir(dir);
    if (notice !== undefined) onWarning(notice);
  }
  const key: LoadedAuditKey = await loadOrCreateAuditKey(stateDir);

  let head: ChainHead;
  let disk: DiskState | undefined;
  // Appended, not yet in the file; their lines, in order, are `pendingBytes[0, length)`.
  let pending: Entry[] = [];
  const pendingBytes = new PendingBytes();
  // The highest seq written to the file by this log: a receipt at or below it is final.
  let writtenSeq = -1;
  // In the file, not yet fsynced: how many, and those that need something once they are (an
  // `appendDurable` caller, a checkpoint for head.json). Keeping every record until its fsync
  // kept ~50 ms of records alive, long enough to be promoted to the old generation.
  let unsyncedCount = 0;
  let unsynced: Entry[] = [];
  // Records taken out of `pending` by a write still running.
  let writingCount = 0;
  let writing = false;
  let writeQueue: Promise<void> = Promise.resolve();
  // The write before the replies of this turn: a promise shared by all of them, and its resolve.
  let barrier: Promise<void> | undefined;
  let releaseBarrier: (() => void) | undefined;
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

  /**
   * Chains a record after `after`: into `pendingBytes` when `queued` (the two records of a call
   * without a string of them, record-bytes.ts; any other as its line), else as its line.
   */
  const seal = (entry: Entry, after: ChainHead, queued: boolean): ChainHead => {
    // A checkpoint signs what it covers, so moving it in the chain means signing again.
    if (entry.input.type === 'checkpoint') entry.input = checkpointInput(after, entry.ts);
    const seq = after.seq + 1;
    let hash: string | undefined;
    if (queued) {
      const start = pendingBytes.length;
      hash = sealRecordBytes(
        pendingBytes,
        entry.input,
        seq,
        entry.ts,
        after.hash,
        sha256HexOfBytes,
      );
      if (hash === undefined) {
        const sealed = sealAuditRecord(
          entry.input,
          { seq, ts: entry.ts, prev: after.hash },
          sha256Hex,
        );
        pendingBytes.writeText(sealed.line);
        hash = sealed.hash;
      }
      entry.line = '';
      entry.start = start;
      entry.end = pendingBytes.length;
    } else {
      const sealed = sealAuditRecord(
        entry.input,
        { seq, ts: entry.ts, prev: after.hash },
        sha256Hex,
      );
      hash = sealed.hash;
      entry.line = sealed.line;
      entry.start = -1;
      entry.end = -1;
    }
    entry.prev = after.hash;
    entry.receipt.seq = seq;
    entry.receipt.hash = hash;
    // A snapshot: the receipt object itself changes if the entry is re-chained later.
    return { seq, hash };
  };

  const createEntry = (input: AuditRecordInput, ts: string, queued: boolean): Entry => {
    const entry: Entry = {
      input,
      ts,
      prev: '',
      line: '',
      start: -1,
      end: -1,
      receipt: newReceipt(),
      waiters: undefined,
    };
    head = seal(entry, head, queued);
    return entry;
  };

  /** Gives queued entries their lines as strings, before `pendingBytes` is reused. */
  const detach = (entries: readonly Entry[]): void => {
    for (const entry of entries) {
      if (entry.start < 0) continue;
      entry.line = pendingBytes.text(entry.start, entry.end);
      entry.start = -1;
      entry.end = -1;
    }
  };

  /** Makes `entries` the queue again, in this order (after a failed write on the slow path). */
  const requeue = (entries: Entry[]): void => {
    detach(entries);
    pendingBytes.clear();
    for (const entry of entries) {
      entry.start = pendingBytes.length;
      pendingBytes.writeText(entry.line);
      entry.end = pendingBytes.length;
      entry.line = '';
    }
    pending = entries;
  };

  // Recovery records made inside a write are chained by `rechain`, not here.
  const createDetachedEntry = (input: AuditRecordInput): Entry => ({
    input,
    ts: new Date().toISOString(),
    prev: '',
    line: '',
    start: -1,
    end: -1,
    receipt: { seq: -1, hash: '' },
    waiters: undefined,
  });

  /**
   * Re-chains entries from `after` when they no longer link to it; returns the new end. The
   * queue (`queued`) is written again into `pendingBytes`, from the start.
   */
  const rechain = (entries: readonly Entry[], after: ChainHead, queued: boolean): ChainHead => {
    const first = entries[0];
    if (first === undefined || (first.prev === after.hash && first.receipt.seq === after.seq + 1)) {
      const last = entries.at(-1);
      return last === undefined ? after : { seq: last.receipt.seq, hash: last.receipt.hash };
    }
    if (queued) pendingBytes.clear();
    let end = after;
    for (const entry of entries) end = seal(entry, end, queued);
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

  const rejectWaiters = (entries: readonly Entry[], failure: Error): void => {
    for (const entry of entries) {
      for (const waiter of entry.waiters ?? []) waiter.reject(failure);
      entry.waiters = undefined;
    }
  };

  // Written records waiting to be shown to `onWritten`, one hand-over per turn of the event loop.
  let observed: Entry[] = [];
  const handOver = (): void => {
    const batch = observed;
    observed = [];
    if (batch.length > 0 && options.onWritten !== undefined) {
      observeWritten(options.onWritten, batch);
    }
  };
  const markWritten = (entries: readonly Entry[]): void => {
    const last = entries.at(-1);
    if (last !== undefined && last.receipt.seq > writtenSeq) writtenSeq = last.receipt.seq;
    unsyncedCount += entries.length;
    for (const entry of entries)
      if (entry.waiters !== undefined || entry.input.type === 'checkpoint') unsynced.push(entry);
    if (options.onWritten === undefined || entries.length === 0) return;
    // The observer reads the lines later, after `pendingBytes` has been reused.
    detach(entries);
    // Off the reply path: the write before a reply is synchronous, the export need not be.
    if (observed.length === 0) setImmediate(handOver);
    observed.push(...entries);
  };

  // An append-only descriptor of the active file for the hot path, kept open between writes;
  // `fdIno` says which file it is, since rotation renames the file under it.
  let fd: number | undefined;
  let fdIno = -1;

  // While an fsync of the descriptor runs, it is closed only once that is done: its number,
  // reused by the next open, must not get the fsync meant for the log.
  let fdSyncing = 0;
  let fdsToClose: number[] = [];

  const releaseFd = (): void => {
    if (fd !== undefined) {
      if (fdSyncing > 0) fdsToClose.push(fd);
      else closeSync(fd);
    }
    fd = undefined;
    fdIno = -1;
  };

  const fdFor = (ino: number): number | undefined => {
    if (fd !== undefined && fdIno === ino) return fd;
    releaseFd();
    const opened = openSync(path, 'a', 0o600);
    const openedIno = fstatSync(opened).ino;
    if (openedIno !== ino) {
      closeSync(opened);
      return undefined;
    }
    fd = opened;
    fdIno = openedIno;
    return fd;
  };

  // The lock as a lease: creating and deleting the lock file costs more CPU (~12 µs) than
  // everything else a reply does to the log, so the hot path keeps it once it took it, checking
  // before each write that it is still its own. Every `leaseMs` the lease ends unless it was
  // used and nobody waits: another process waiting for the lock leaves a marker, and then the
  // lease is dropped and for as long each write takes and drops the lock as before, so the
  // waiter's next poll finds it free. This process's own slow paths drop the lease first.
  let lease: SyncFileLock | undefined;
  let leaseTimer: NodeJS.Timeout | undefined;
  let leaseUsed = false;
  /** Until then (performance.now()), writes lock one at a time: someone else wanted the lock. */
  let shareUntil = 0;
  /**
   * When (Date.now(), taken just before) this process last made the lock file fresh: the wall
   * clock, as other processes judge the file's age by it (a suspended machine stops the
   * monotonic one, not this).
   */
  let leaseFreshAt = 0;
  // Other gateway processes take a lock over only once it looks stale: its file untouched for
  // `staleMs` (5 s). Made fresh this recently, the lease is still ours, so a write skips the
  // check (a `stat` of the lock file); the lease's timer still checks it every period.
  const leaseTrustMs = Math.min(1000, (options.lock?.staleMs ?? 5000) / 5);

  // While head.json is being renamed under the lease (`writeHead`), the lease is pinned: a
  // release asked for meanwhile happens once the rename is done.
  let leasePins = 0;
  let releaseDeferred = false;

  // Changes whenever the lock is taken or let go. While it has not changed since this process
  // last wrote, nobody else can have written, rotated or replaced the file (they would need
  // the lock), so the hot path's write trusts `disk` without a `stat` of the log, checking it
  // once per lease period all the same (someone deleting the file by hand is noticed then).
  let leaseEpoch = 0;
  let diskEpoch = -1;
  let diskCheckedAt = 0;

  const releaseLease = (): void => {
    if (leasePins > 0) {
      releaseDeferred = true;
      return;
    }
    releaseDeferred = false;
    leaseEpoch++;
    if (leaseTimer !== undefined) clearTimeout(leaseTimer);
    leaseTimer = undefined;
    const held = lease;
    lease = undefined;
    try {
      held?.release();
    } catch (error) {
      // The lock file stays behind; its holder (this process) is alive, so others wait until
      // it goes stale. Say so rather than fail the write that already happened.
      onError(toWriteError(lockPath, error));
    }
  };

  const armLease = (): void => {
    leaseUsed = false;
    leaseTimer = setTimeout(endLease, leaseMs);
    // An idle gateway must still be able to exit; close() releases it too.
    leaseTimer.unref();
  };

  /** At the end of each lease period: keep the lock while busy and alone, else let it go. */
  function endLease(): void {
    leaseTimer = undefined;
    const held = lease;
    if (held === undefined) return;
    try {
      // Pinned, it is kept whoever waits: the rename under it takes a few milliseconds at most.
      const keep = leasePins > 0 || (leaseUsed && !held.othersWaiting());
      if (keep && held.held()) {
        const renewedAt = Date.now();
        held.renew();
        leaseFreshAt = renewedAt;
        armLease();
        return;
      }
      if (leaseUsed) shareUntil = performance.now() + leaseMs;
    } catch {
      // Cannot tell (the lock file went away): give it up.
    }
    releaseLease();
  }

  /**
   * True when this process holds the lock now, taking it without waiting if it is free: as a
   * lease, or (while sharing) for this one write, which `trySyncWrite` then releases.
   */
  const takeLease = (): boolean => {
    if (lease !== undefined) {
      const age = Date.now() - leaseFreshAt;
      if ((age >= 0 && age < leaseTrustMs) || lease.held()) {
        leaseUsed = true;
        return true;
      }
      // Judged stale by another writer (this process stalled for seconds) and taken over.
      clearTimeout(leaseTimer);
      leaseTimer = undefined;
      lease = undefined;
      leaseEpoch++;
    }
    const takenAt = Date.now();
    const lock = tryAcquireFileLockSync(lockPath);
    if (lock === undefined) return false;
    leaseEpoch++;
    lease = lock;
    leaseFreshAt = takenAt;
    if (leaseMs > 0 && performance.now() >= shareUntil) armLease();
    return true;
  };

  /**
   * The hot path's write: when the file is exactly as this writer left it and this process
   * holds (or can take at once) the lock, a few synchronous system calls (stat, one write) cost
   * less than the async round trips they replace. Returns false to defer to `writeBatchAsync`.
   */
  const trySyncWrite = (): boolean => {
    const first = pending[0];
    if (first === undefined) return true;
    if (disk?.head.hash !== first.prev) return false;
    if (!takeLease()) return false;
    let wrote = false;
    try {
      const now = performance.now();
      let target: number | undefined;
      if (
        diskEpoch === leaseEpoch &&
        fd !== undefined &&
        fdIno === disk.ino &&
        now - diskCheckedAt < leaseMs
      ) {
        target = fd;
      } else {
        // The path, not the descriptor: another process may have rotated or replaced the file.
        const info = statSync(path, { throwIfNoEntry: false });
        if (info?.ino !== disk.ino || info.size !== disk.size) return false;
        target = fdFor(info.ino);
        if (target === undefined) return false;
        diskCheckedAt = now;
      }
      const { ino, size } = disk;
      const batch = pending;
      // The queue's lines, as they were sealed: no string is made to write them.
      const bytes = pendingBytes.length;
      try {
        writeAllSync(target, pendingBytes.bytes, bytes);
      } catch (error) {
        // Part of it may be in the file; the next write reads the tail and recovers. The queue
        // stays as it is, bytes included.
        disk = undefined;
        releaseFd();
        throw error;
      }
      pending = [];
      const last = batch.at(-1) ?? first;
      disk = { head: { seq: last.receipt.seq, hash: last.receipt.hash }, ino, size: size + bytes };
      markWritten(batch);
      pendingBytes.clear();
      wrote = true;
      return true;
    } finally {
      // The slow path takes the lock its own way; a failed write starts again from scratch; a
      // lock taken for this write alone (no lease timer) is dropped now.
      if (!wrote || leaseTimer === undefined) releaseLease();
      else diskEpoch = leaseEpoch;
    }
  };

  /** Takes the lock (waiting, stealing a stale one), finds the real tail, re-chains, writes. */
  const writeBatchAsync = async (): Promise<void> => {
    const batch = pending;
    detach(batch);
    pending = [];
    pendingBytes.clear();
    writingCount = batch.length;
    const done: Entry[] = [];
    releaseLease();
    try {
      const lock = await acquireFileLock(lockPath, options.lock);
      try {
        const handle = await open(path, 'a+', 0o600);
        try {
          const { tail, ino, size } = await resolveTail(handle);
          // After a failed partial write, records of this batch may already be in the file.
          const inFile = batch.findIndex((entry) => entry.receipt.hash === tail.head.hash);
          if (inFile !== -1) done.push(...batch.splice(0, inFile + 1));
          if (tail.torn !== undefined) {
            batch.unshift(createDetachedEntry(recoveryInput(tail.torn)));
          }
          const end = rechain(batch, tail.head, false);
          // Records appended while this write waited for the lock follow the batch.
          head = rechain(pending, end, true);
          let written = size;
          if (batch.length > 0 || tail.needsNewline) {
            const text =
              (tail.needsNewline ? '\n' : '') + batch.map((entry) => entry.line).join('');
            const data = Buffer.from(text, 'utf8');
            // Until the write is complete, the size this writer would expect is unknown.
            disk = undefined;
            await writeAll(handle, data);
            written += data.length;
          }
          disk = { head: end, ino, size: written };
          done.push(...batch);
          batch.length = 0;
        } finally {
          await handle.close();
        }
      } finally {
        await lock.release();
      }
    } catch (error) {
      // Keep the records, in order, for the next attempt. A recovery record is dropped: the
      // next attempt re-reads the tail and names the torn bytes again.
      requeue([...batch.filter((entry) => entry.input.type !== 'recovery'), ...pending]);
      throw error;
    } finally {
      markWritten(done);
      writingCount = 0;
    }
  };

  const writeFailed = (error: unknown): GatewayError => {
    const failure = toWriteError(path, error);
    healthy = false;
    // Callers waiting for disk learn it failed now; the records stay queued and are retried.
    rejectWaiters(pending, failure);
    if (!closed) scheduleFlush();
    onError(failure);
    return failure;
  };

  /** Runs one write step in order with the others; never two at once. */
  const enqueueWrite = <T>(step: () => Promise<T>): Promise<T> => {
    const run = writeQueue.then(async () => {
      writing = true;
      try {
        return await step();
      } finally {
        writing = false;
      }
    });
    writeQueue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };

  /** Writes everything pending: synchronously when it can, else through the lock's slow path. */
  const writePending = (): Promise<void> =>
    enqueueWrite(async () => {
      if (pending.length === 0) return;
      try {
        if (!trySyncWrite()) await writeBatchAsync();
        healthy = true;
      } catch (error) {
        throw writeFailed(error);
      }
    });

  /**
   * The barrier's write, once the replies of this turn have appended their records: the
   * synchronous write when it can, else the queued one; never rejects (writeFailed reports).
   */
  const settleBarrier = (): void => {
    const release = releaseBarrier ?? (() => undefined);
    barrier = undefined;
    releaseBarrier = undefined;
    if (!writing) {
      try {
        if (trySyncWrite()) {
          healthy = true;
          scheduleFlush();
          release();
          return;
        }
      } catch (error) {
        // Reported by writeFailed; the reply still goes: the call already happened.
        writeFailed(error);
        release();
        return;
      }
    }
    writePending()
      .then(scheduleFlush, () => undefined)
      .then(release, release);
  };

  /** fsyncs what is in the file; the data is there already, so no lock is needed. */
  const syncFile = async (): Promise<void> => {
    // The hot path's descriptor, while it is of the file last written: an fsync of any
    // descriptor of a file syncs the file, so no open and close per flush (two more system
    // calls on the thread pool and a FileHandle's promises on the main thread, every 50 ms).
    const target = fd !== undefined && fdIno === disk?.ino ? fd : undefined;
    if (target !== undefined) {
      fdSyncing++;
      try {
        await new Promise<void>((resolve, reject) => {
          fsync(target, (error) => {
            if (error === null) resolve();
            else reject(error);
          });
        });
      } finally {
        fdSyncing--;
        if (fdSyncing === 0 && fdsToClose.length > 0) {
          const retired = fdsToClose;
          fdsToClose = [];
          for (const old of retired) closeSync(old);
        }
      }
      return;
    }
    const handle = await open(path, 'a', 0o600);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  };

  /**
   * Replaces head.json, never with an older checkpoint than the one another process wrote. The
   * new file is written and fsynced first, without the lock; under the lock, head.json is only
   * read and the new one renamed into place. While this process holds the lock as its lease,
   * that happens under the lease, pinned until the rename is done, and replies go on writing
   * meanwhile (neither an fsync nor a rename, which can take milliseconds, holds them up);
   * otherwise it queues with the writes.
   */
  const writeHead = async (checkpoint: Entry): Promise<void> => {
    if (checkpoint.input.type !== 'checkpoint') return;
    const { covers, signature } = checkpoint.input;
    const headPath = join(stateDir, HEAD_FILE);
    const staged = await stageHeadFile(stateDir, {
      seq: covers.seq,
      hash: covers.hash,
      ts: checkpoint.ts,
      file: logName,
      keyId: key.keyId,
      signature,
      publicKeyPem: key.publicKeyPem,
      checkpoint: { seq: checkpoint.receipt.seq, hash: checkpoint.receipt.hash },
    });
    const commitIfNewer = async (): Promise<void> => {
      const current = await readCheckpointAnchor(headPath).catch(() => undefined);
      if (current?.file !== logName || current.seq <= covers.seq) await staged.commit();
    };
    try {
      if (!writing && takeLease()) {
        leasePins++;
        try {
          await commitIfNewer();
        } finally {
          leasePins--;
          // Released now if asked for meanwhile, or if it was taken for this step alone.
          if (leasePins === 0 && (releaseDeferred || leaseTimer === undefined)) releaseLease();
        }
        return;
      }
      await enqueueWrite(async () => {
        releaseLease();
        const lock = await acquireFileLock(lockPath, options.lock);
        try {
          await commitIfNewer();
        } finally {
          await lock.release();
        }
      });
    } finally {
      await staged.discard();
    }
  };

  /** Renames a full active file; fsyncs it first, since later syncs open the new file. */
  const rotateIfFull = (): Promise<void> =>
    enqueueWrite(async () => {
      if (disk === undefined || disk.size < rotateBytes) return;
      releaseLease();
      const lock = await acquireFileLock(lockPath, options.lock);
      try {
        const handle = await open(path, 'a+', 0o600);
        try {
          const info = await handle.stat();
          if (info.size < rotateBytes) return;
          const firstSeq = await readFirstSeq(handle);
          if (firstSeq === undefined) return;
          await handle.sync();
          await rename(path, rotatedLogPath(path, firstSeq));
          // The next write finds a new (or no) active file and reads the head from the segment.
          disk = undefined;
          releaseFd();
        } finally {
          await handle.close();
        }
      } finally {
        await lock.release();
      }
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
    try {
      if (isCheckpointDue(forceCheckpoint)) {
        // Appended like any record, so it never shifts receipts already handed out.
        pending.push(createEntry(CHECKPOINT_PLACEHOLDER, new Date().toISOString(), true));
        sinceCheckpoint = 0;
        lastCheckpointAt = Date.now();
      }
      await writePending();
      if (unsyncedCount === 0) return;
      const batch = unsynced;
      const count = unsyncedCount;
      unsynced = [];
      unsyncedCount = 0;
      try {
        await syncFile();
      } catch (error) {
        unsynced = [...batch, ...unsynced];
        unsyncedCount += count;
        const failure = toWriteError(path, error);
        healthy = false;
        rejectWaiters(batch, failure);
        if (!closed) scheduleFlush();
        onError(failure);
        throw failure;
      }
      for (const entry of batch) {
        for (const waiter of entry.waiters ?? []) waiter.resolve(entry.receipt);
        entry.waiters = undefined;
      }
      const checkpoint = batch.findLast((entry) => entry.input.type === 'checkpoint');
      if (checkpoint !== undefined) await writeHead(checkpoint);
      await rotateIfFull();
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
    const entry = createEntry(record, isoNow(), true);
    pending.push(entry);
    sinceCheckpoint++;
    scheduleFlush();
    return entry;
  };

  /**
   * A `key_rotated` record when the log's last signer is not this key: the log itself says
   * which key signed it last (head.json when the file has no checkpoint near its end).
   */
  const keyRotation = async (
    handle: FileHandle,
    size: number,
  ): Promise<KeyRotatedInput | undefined> => {
    const headFile = await readCheckpointAnchor(join(stateDir, HEAD_FILE)).catch(() => undefined);
    const signer =
      (await readLastSigner(handle, size)) ??
      (headFile?.file === logName ? headFile.keyId : undefined);
    if (signer === undefined || signer === key.keyId) return undefined;
    const replaced = key.created?.replaced;
    const oldPublicKey =
      replaced?.keyId === signer
        ? replaced.publicKeyPem
        : headFile?.keyId === signer
          ? (headFile.publicKeyPem ?? null)
          : null;
    return {
      type: 'key_rotated',
      old_key_id: signer,
      old_public_key: oldPublicKey,
      new_key_id: key.keyId,
      reason:
        key.created === undefined
          ? `the key in ${stateDir} is not the one that signed the last checkpoint`
          : `the private key was missing from ${stateDir}, so a new one was created`,
    };
  };

  // Open: under the lock, find the head, name any torn bytes a crash left behind, and record a
  // signing key that is not the one that signed the log so far.
  {
    const lock = await acquireFileLock(lockPath, options.lock);
    try {
      const handle = await open(path, 'a+', 0o600);
      try {
        const info = await handle.stat();
        const tail = await readLogTail(path, handle, info.size);
        head = tail.head;
        const opening: Entry[] = [];
        if (tail.torn !== undefined) {
          opening.push(createEntry(recoveryInput(tail.torn), new Date().toISOString(), false));
        }
        const rotation = await keyRotation(handle, info.size);
        if (rotation !== undefined) {
          onWarning(
            `audit log: the signing key changed: ${rotation.old_key_id} signed the log so far, ${rotation.new_key_id} signs from now on (${rotation.reason}). A key_rotated record says so in ${logName}; if nobody here removed the key, treat the log as suspect.`,
          );
          const now = new Date().toISOString();
          opening.push(createEntry(rotation, now, false));
          // Signed at once with the new key, so the rotation record itself is covered.
          opening.push(createEntry(CHECKPOINT_PLACEHOLDER, now, false));
        }
        sinceCheckpoint += opening.length;
        let size = info.size;
        const text = (tail.needsNewline ? '\n' : '') + opening.map((e) => e.line).join('');
        if (text !== '') {
          const data = Buffer.from(text, 'utf8');
          await writeAll(handle, data);
          await handle.sync();
          size += data.length;
        }
        disk = { head, ino: info.ino, size };
        const checkpoint = opening.findLast((entry) => entry.input.type === 'checkpoint');
        if (checkpoint?.input.type === 'checkpoint') {
          sinceCheckpoint = 0;
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
    written() {
      // After close() began, its final flush writes whatever is left.
      if (closed) return closing?.catch(() => undefined);
      if (pending.length === 0 && writingCount === 0) return undefined;
      // One write per turn of the event loop, for every reply completed in it: an immediate
      // runs after the poll phase has handled everything that was readable (the agent's
      // requests, every backend's answers), so all their replies share the write. (A tick
      // would write once per chunk of output read: measured, more writes per call with 16 in
      // flight and no less CPU one call at a time.)
      if (barrier === undefined) {
        barrier = new Promise<void>((resolve) => {
          releaseBarrier = resolve;
        });
        setImmediate(settleBarrier);
      }
      return barrier;
    },
    writeNow() {
      // Other replies of this turn wait for the shared write: this one joins them, so the
      // replies of a turn still leave together (answering one early splits the agent's batch:
      // measured at 16 in flight, twice the writes and reads per call).
      if (barrier !== undefined) return false;
      if (pending.length === 0 && writingCount === 0) return true;
      // A queued write, or close(): records go in order behind it, through written().
      if (closed || writing) return false;
      try {
        if (!trySyncWrite()) return false;
      } catch (error) {
        // As settleBarrier: reported, retried by the next write; the reply still goes.
        writeFailed(error);
        return true;
      }
      healthy = true;
      scheduleFlush();
      return true;
    },
    get healthy() {
      return healthy;
    },
    writtenSeq: () => writtenSeq,
    flush: () => flush(),
    close() {
      if (closing === undefined) {
        closed = true;
        if (checkpointTimer !== undefined) clearTimeout(checkpointTimer);
        // The last records reach the observer before close() resolves.
        closing = flush(true).finally(() => {
          releaseLease();
          releaseFd();
          handOver();
        });
      }
      return closing;
    },
  };
};
