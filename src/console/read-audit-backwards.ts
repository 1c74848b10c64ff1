import { open } from 'node:fs/promises';
import { listLogFiles } from '../audit/log-files.js';

/** Options of `readAuditBackwards`. */
export interface ReadBackwardsOptions {
  /** Stop after reading this many bytes in all (the console never reads a whole big log). */
  readonly maxBytes: number;
  /** Bytes read at a time (default 64 KiB). */
  readonly chunkBytes?: number;
}

const NEWLINE = 0x0a;

/**
 * The lines of an audit log and its rotated segments, newest first, read from the end in
 * chunks: the console shows the tail of a log of any size without loading it. Torn or foreign
 * lines come out too; the caller parses what it needs. `truncated` tells whether the budget
 * ran out before the oldest line.
 */
export async function* readAuditBackwards(
  path: string,
  options: ReadBackwardsOptions,
): AsyncGenerator<string, { truncated: boolean }> {
  const chunkBytes = options.chunkBytes ?? 64 * 1024;
  let budget = options.maxBytes;
  const files = (await listLogFiles(path)).reverse();
  for (const file of files) {
    let handle;
    try {
      handle = await open(file.path, 'r');
    } catch (error) {
      // Rotated away since the listing: its lines now live in the next segment we read.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    try {
      let end = (await handle.stat()).size;
      // A line may span chunks: the part after the first newline of a chunk waits here.
      let carry: Buffer = Buffer.alloc(0);
      while (end > 0) {
        if (budget <= 0) return { truncated: true };
        const start = Math.max(0, end - chunkBytes);
        const chunk = Buffer.alloc(end - start);
        await handle.read(chunk, 0, chunk.length, start);
        budget -= chunk.length;
        const data = carry.length === 0 ? chunk : Buffer.concat([chunk, carry]);
        let lineEnd = data.length;
        for (let at = data.lastIndexOf(NEWLINE, lineEnd - 1); at !== -1;) {
          if (lineEnd - at > 1) yield data.toString('utf8', at + 1, lineEnd);
          lineEnd = at;
          at = at === 0 ? -1 : data.lastIndexOf(NEWLINE, at - 1);
        }
        carry = Buffer.from(data.subarray(0, lineEnd));
        end = start;
      }
      if (carry.length > 0) yield carry.toString('utf8');
    } finally {
      await handle.close();
    }
  }
  return { truncated: false };
}
