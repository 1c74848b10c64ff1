import { open, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuditRecord } from '../core/audit/audit-record.js';
import { listLogFiles, parseAuditLine } from './log-files.js';

/** Options of `followAuditLog`. */
export interface FollowAuditLogOptions {
  /** Start at the beginning of the active file and skip records up to this seq (gapless hand-off after `readAuditRecords`). Default: only records appended from now on. */
  readonly afterSeq?: number;
  /** Default 200. */
  readonly pollMs?: number;
}

const sizeAndIno = async (path: string): Promise<{ size: number; ino: number } | undefined> => {
  try {
    const info = await stat(path);
    return { size: info.size, ino: info.ino };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

/** Reads `[from, to)` of a file; an empty buffer when the file is gone. */
const readRange = async (path: string, from: number, to: number): Promise<Buffer> => {
  if (to <= from) return Buffer.alloc(0);
  const handle = await open(path, 'r').catch(() => undefined);
  if (handle === undefined) return Buffer.alloc(0);
  try {
    const buffer = Buffer.alloc(to - from);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, from);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

/**
 * Calls `onRecord` for each record appended to the log until `signal` aborts, following the
 * active file across rotation (it polls: cheap, and the same on every platform).
 */
export const followAuditLog = async (
  path: string,
  onRecord: (record: AuditRecord) => void,
  signal: AbortSignal,
  options: FollowAuditLogOptions = {},
): Promise<void> => {
  const pollMs = options.pollMs ?? 200;
  const afterSeq = options.afterSeq ?? -Infinity;
  let current = await sizeAndIno(path);
  let ino = current?.ino;
  let position = options.afterSeq === undefined ? (current?.size ?? 0) : 0;
  let carry = Buffer.alloc(0);

  const emit = (chunk: Buffer): void => {
    const data = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    let start = 0;
    for (let newline = data.indexOf(0x0a); newline !== -1; newline = data.indexOf(0x0a, start)) {
      const record = parseAuditLine(data.toString('utf8', start, newline));
      if (record !== undefined && record.seq > afterSeq) onRecord(record);
      start = newline + 1;
    }
    carry = Buffer.from(data.subarray(start));
  };

  while (!signal.aborted) {
    current = await sizeAndIno(path);
    if (current !== undefined && ino !== undefined && current.ino !== ino) {
      // Rotated: finish the old file (now a segment) before starting on the new one.
      const segments = await listLogFiles(path);
      for (const segment of segments.filter((file) => file.firstSeq !== undefined)) {
        const info = await sizeAndIno(segment.path);
        if (info?.ino === ino) emit(await readRange(segment.path, position, info.size));
      }
      position = 0;
      carry = Buffer.alloc(0);
    }
    ino = current?.ino;
    if (current !== undefined && current.size > position) {
      const chunk = await readRange(path, position, current.size);
      position += chunk.length;
      emit(chunk);
    }
    try {
      await sleep(pollMs, undefined, { signal });
    } catch {
      return;
    }
  }
};
