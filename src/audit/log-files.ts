import { open, readdir, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { AUDIT_GENESIS_HASH, type AuditRecord } from '../core/audit/audit-record.js';
import { sha256OfBytes } from './digest.js';

/** The last record of a chain: where the next record links. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

/** The head before any record. */
export const GENESIS_HEAD: ChainHead = { seq: 0, hash: AUDIT_GENESIS_HASH };

/** One file of a log: a rotated segment (with the first seq its name promises) or the active file. */
export interface LogFile {
  readonly path: string;
  readonly firstSeq: number | undefined;
}

const splitName = (path: string): { dir: string; stem: string; ext: string } => {
  const ext = extname(path);
  return { dir: dirname(path), stem: basename(path, ext), ext };
};

/** Where rotation moves the active file: `audit-000000000001.jsonl` for a file starting at seq 1. */
export const rotatedLogPath = (path: string, firstSeq: number): string => {
  const { dir, stem, ext } = splitName(path);
  // Zero-padded so a plain `ls` lists segments in chain order.
  return join(dir, `${stem}-${String(firstSeq).padStart(12, '0')}${ext}`);
};

/** Every file of the log in chain order: rotated segments by first seq, then the active file. */
export const listLogFiles = async (path: string): Promise<LogFile[]> => {
  const { dir, stem, ext } = splitName(path);
  const active = basename(path);
  const pattern = new RegExp(`^${escapeRegExp(stem)}-(\\d+)${escapeRegExp(ext)}$`);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const rotated = names
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((entry) => entry.match !== null)
    .map((entry) => ({ path: join(dir, entry.name), firstSeq: Number(entry.match?.[1]) }))
    .sort((a, b) => a.firstSeq - b.firstSeq);
  return names.includes(active) ? [...rotated, { path, firstSeq: undefined }] : rotated;
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The chain head as a parsed line shows it, if the line is a record at all. */
export const headOfLine = (text: string): ChainHead | undefined => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { seq, hash } = parsed as { seq?: unknown; hash?: unknown };
  return Number.isSafeInteger(seq) && typeof hash === 'string' && hash.startsWith('sha256:')
    ? { seq: seq as number, hash }
    : undefined;
};

/** A line as a record, or undefined for torn or foreign lines; only the chain fields are checked (verify is the checker). */
export const parseAuditLine = (text: string): AuditRecord | undefined =>
  headOfLine(text) === undefined ? undefined : (JSON.parse(text) as AuditRecord);

/** Bytes after the last good record that a crash left behind, as a recovery record names them. */
export interface TornTail {
  readonly offset: number;
  readonly length: number;
  readonly sha256: string;
}

/** What the end of the active file says about where to continue. */
export interface LogTail {
  readonly head: ChainHead;
  /** The file does not end with `\n`: the next write must start with one. */
  readonly needsNewline: boolean;
  readonly torn: TornTail | undefined;
}

const NEWLINE = 0x0a;

/** Reads backwards from the end of an open file to its last good record and any torn bytes. */
const readFileTail = async (
  handle: FileHandle,
  size: number,
): Promise<{ head: ChainHead | undefined; goodEnd: number }> => {
  // Grow the window until it holds a complete good line: big redacted results can be long.
  for (let window = Math.min(size, 64 * 1024); ; window = Math.min(size, window * 4)) {
    const start = size - window;
    const buffer = Buffer.alloc(window);
    await handle.read(buffer, 0, window, start);
    let end = window;
    // Walk lines from the last one back; a line is [lineStart, end).
    while (end > 0) {
      const newlineBefore = buffer.lastIndexOf(NEWLINE, end - 1);
      if (newlineBefore === -1 && start > 0) break; // the line may begin before the window
      const lineStart = newlineBefore + 1;
      const head = headOfLine(buffer.toString('utf8', lineStart, end));
      if (head !== undefined) {
        // goodEnd is just past the record's newline (or its last byte when it has none).
        const hasNewline = end < window && buffer[end] === NEWLINE;
        return { head, goodEnd: start + end + (hasNewline ? 1 : 0) };
      }
      end = newlineBefore === -1 ? 0 : newlineBefore;
    }
    if (start === 0) return { head: undefined, goodEnd: 0 };
  }
};

/** The last record of a whole file (a rotated segment), or undefined when it has none. */
const lastHeadOfFile = async (path: string): Promise<ChainHead | undefined> => {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    return (await readFileTail(handle, size)).head;
  } finally {
    await handle.close();
  }
};

/**
 * Finds where the chain continues: the last good record of the active file, or of the newest
 * rotated segment when the active file has none yet, and the torn bytes after it, if any.
 */
export const readLogTail = async (
  path: string,
  handle: FileHandle,
  size: number,
): Promise<LogTail> => {
  const { head, goodEnd } =
    size === 0 ? { head: undefined, goodEnd: 0 } : await readFileTail(handle, size);
  let tornInfo: TornTail | undefined;
  let needsNewline = false;
  if (goodEnd < size) {
    const junk = Buffer.alloc(size - goodEnd);
    await handle.read(junk, 0, junk.length, goodEnd);
    const terminated = junk[junk.length - 1] === NEWLINE;
    needsNewline = !terminated;
    // The verifier sees the torn bytes as lines without their final newline.
    const torn = terminated ? junk.subarray(0, junk.length - 1) : junk;
    tornInfo = { offset: goodEnd, length: torn.length, sha256: sha256OfBytes(torn) };
  } else if (size > 0) {
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    needsNewline = last[0] !== NEWLINE;
  }
  if (head !== undefined) return { head, needsNewline, torn: tornInfo };
  const segments = (await listLogFiles(path)).filter((file) => file.firstSeq !== undefined);
  for (const segment of segments.reverse()) {
    const segmentHead = await lastHeadOfFile(segment.path);
    if (segmentHead !== undefined) return { head: segmentHead, needsNewline, torn: tornInfo };
  }
  return { head: GENESIS_HEAD, needsNewline, torn: tornInfo };
};

/** The seq of the first record in an open file (what its rotated name will carry). */
export const readFirstSeq = async (handle: FileHandle): Promise<number | undefined> => {
  const { size } = await handle.stat();
  for (let window = Math.min(size, 4096); window > 0; window = Math.min(size, window * 4)) {
    const buffer = Buffer.alloc(window);
    await handle.read(buffer, 0, window, 0);
    const newline = buffer.indexOf(NEWLINE);
    if (newline !== -1 || window === size) {
      return headOfLine(buffer.toString('utf8', 0, newline === -1 ? window : newline))?.seq;
    }
  }
  return undefined;
};

/** How far back from the end `readLastSigner` looks: checkpoints come every 1000 records. */
const SIGNER_SEARCH_BYTES = 8 * 1024 * 1024;

/**
 * The key id that signs the chain at the end of an open file: the last checkpoint's `key_id`,
 * or the new key of a later `key_rotated` record. Undefined when the last 8 MiB hold neither.
 */
export const readLastSigner = async (
  handle: FileHandle,
  size: number,
): Promise<string | undefined> => {
  // Usually the last record is a checkpoint (every shutdown writes one): start small.
  for (let window = Math.min(size, 64 * 1024); window > 0;) {
    const start = size - window;
    const buffer = Buffer.alloc(window);
    await handle.read(buffer, 0, window, start);
    let end = window;
    while (end > 0) {
      const newlineBefore = buffer.lastIndexOf(NEWLINE, end - 1);
      // A line cut by the window's start is read whole by the next, larger window.
      if (newlineBefore === -1 && start > 0) break;
      const lineStart = newlineBefore + 1;
      const text = buffer.toString('utf8', lineStart, end);
      // Cheap filter first: only these two types name a key.
      if (text.includes('"checkpoint"') || text.includes('"key_rotated"')) {
        const signer = parseSignerLine(text);
        if (signer !== undefined) return signer;
      }
      end = newlineBefore === -1 ? 0 : newlineBefore;
    }
    if (start === 0 || window >= SIGNER_SEARCH_BYTES) return undefined;
    window = Math.min(size, window * 4, SIGNER_SEARCH_BYTES);
  }
  return undefined;
};

const parseSignerLine = (text: string): string | undefined => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as { type?: unknown; key_id?: unknown; new_key_id?: unknown };
  if (record.type === 'checkpoint' && typeof record.key_id === 'string') return record.key_id;
  if (record.type === 'key_rotated' && typeof record.new_key_id === 'string')
    return record.new_key_id;
  return undefined;
};
