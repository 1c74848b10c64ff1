import { hash } from 'node:crypto';
import { RecordBytes } from '../core/audit/record-bytes.js';

/** Strings at least this long are copied by Buffer's native write, shorter ones by a loop. */
const NATIVE_MIN = 24;

/**
 * The log's records not yet in the file, as the bytes written for them: a Node Buffer reused
 * from write to write, so that sealing a record and writing it make no string of it.
 */
export class PendingBytes extends RecordBytes<Buffer> {
  constructor() {
    super((size) => Buffer.allocUnsafe(size));
  }

  override putAscii(text: string, at: number): void {
    if (text.length < NATIVE_MIN) {
      const { bytes } = this;
      for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
    } else this.bytes.write(text, at, 'latin1');
  }

  override asciiText(start: number, end: number): string {
    return this.bytes.toString('latin1', start, end);
  }

  /** Appends a line made as a string (records of other shapes, or re-queued after a failure). */
  writeText(text: string): void {
    this.reserve(Buffer.byteLength(text, 'utf8'));
    this.length += this.bytes.write(text, this.length, 'utf8');
  }

  /** The text of `bytes[start, end)`. */
  text(start: number, end: number): string {
    return this.bytes.toString('utf8', start, end);
  }
}

/**
 * Hex SHA-256 of `bytes[start, end)`: one-shot, no Hash object. The span is a plain Uint8Array
 * over the same memory: `subarray` of a Node Buffer makes a Buffer, through its species
 * constructor (a JavaScript class), twice per call.
 */
export const sha256HexOfBytes = (bytes: Uint8Array, start: number, end: number): string =>
  hash('sha256', new Uint8Array(bytes.buffer, bytes.byteOffset + start, end - start), 'hex');
