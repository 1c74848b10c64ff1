import { isAscii } from 'node:buffer';
import { serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** A line the reader could not deliver: not JSON, or over the size cap. */
export class FramingError extends Error {
  constructor(
    message: string,
    readonly kind: 'not-json' | 'too-large',
  ) {
    super(message);
  }
}

/**
 * Newline-delimited JSON-RPC framing, as the SDK's ReadBuffer frames it (one message a line,
 * a trailing `\r` dropped, a size cap), with two differences that matter on the hot path:
 * only each new chunk is searched for the newline, so a 1 MB message arriving in 64 KB chunks
 * is scanned and copied once, not once per chunk; and a line is only `JSON.parse`d, not
 * validated, so the gateway validates just the messages it hands to the SDK (`toSdkMessage`).
 */
export class JsonLineReader {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly options: {
      /** Largest message accepted; a longer line is dropped whole and reported. */
      readonly maxMessageBytes: number;
      readonly onMessage: (message: unknown) => void;
      readonly onError: (error: Error) => void;
    },
  ) {}

  /** Feeds a chunk; every complete line in it is delivered before this returns. */
  append(chunk: Buffer): void {
    let start = 0;
    let newline = chunk.indexOf(10);
    while (newline !== -1) {
      const piece = chunk.subarray(start, newline);
      const dropping = this.pendingBytes > this.options.maxMessageBytes;
      const line = this.pending.length === 0 ? piece : Buffer.concat([...this.pending, piece]);
      this.pending = [];
      this.pendingBytes = 0;
      if (dropping || line.length > this.options.maxMessageBytes) {
        this.options.onError(
          new FramingError(
            `dropped a message over ${this.options.maxMessageBytes} bytes`,
            'too-large',
          ),
        );
      } else {
        this.deliver(line);
      }
      start = newline + 1;
      newline = chunk.indexOf(10, start);
    }
    if (start < chunk.length) {
      // Past the cap the rest of the line is only counted, never kept.
      if (this.pendingBytes <= this.options.maxMessageBytes)
        this.pending.push(chunk.subarray(start));
      this.pendingBytes += chunk.length - start;
    }
  }

  /** Forgets a partial line (the stream ended). */
  clear(): void {
    this.pending = [];
    this.pendingBytes = 0;
  }

  private deliver(line: Buffer): void {
    let end = line.length;
    if (end > 0 && line[end - 1] === 13) end--;
    if (end === 0) return;
    let message: unknown;
    try {
      message = JSON.parse(textOf(line, end));
    } catch (error) {
      this.options.onError(
        new FramingError(
          `ignored a line that is not JSON-RPC: ${(error as Error).message.slice(0, 200)}`,
          'not-json',
        ),
      );
      return;
    }
    this.options.onMessage(message);
  }
}

/**
 * Node keeps a string decoded from Latin-1 (or ASCII) outside the V8 heap, as an external
 * string, when it is longer than this (`EXTERN_APEX` in its string_bytes.cc); a UTF-8 decode is
 * always a heap string.
 */
const EXTERNAL_STRING_ABOVE = 0xfbee9;

/**
 * A line's text. A line of about 1 MB or more (a large result) that is plain ASCII is decoded
 * as Latin-1, which for ASCII is the same text, so that it is an external string: a heap string
 * that size is a large object the young generation cannot keep, promoted by the scavenge that
 * parsing it brings, and each such string brings the next full collection closer.
 */
const textOf = (line: Buffer, end: number): string =>
  end > EXTERNAL_STRING_ABOVE && isAscii(line.subarray(0, end))
    ? line.toString('latin1', 0, end)
    : line.toString('utf8', 0, end);

/**
 * A transport that can also write a message given as JSON text, at once and without a promise
 * (the hot path's calls and replies): on a pipe the write is synchronous, and a promise per
 * message (plus the `.catch` every caller hangs on it) cost more than the write's JavaScript.
 */
export interface JsonTextWriter {
  /**
   * Writes one message whose JSON is the concatenation of `parts`, as one line. Throws when the
   * other side is gone; false when the line was buffered over the stream's high-water mark.
   */
  writeJsonText(parts: readonly string[]): boolean;
}

/** Whether `transport` takes messages as JSON text too. */
export const isJsonTextWriter = (transport: object): transport is JsonTextWriter =>
  typeof (transport as Partial<JsonTextWriter>).writeJsonText === 'function';

/** One message in the wire format: what `JSON.stringify` of it writes, plus the newline. */
export const toLine = (message: JSONRPCMessage): string => serializeMessage(message);

/**
 * Checks a parsed message the way the SDK's own transports do before the SDK's Server or
 * Client sees it; messages the gateway handles itself skip this.
 */
export const toSdkMessage = (
  message: unknown,
): { ok: true; message: JSONRPCMessage } | { ok: false; error: Error } => {
  const parsed = JSONRPCMessageSchema.safeParse(message);
  return parsed.success
    ? { ok: true, message: parsed.data }
    : {
        ok: false,
        error: new Error(
          `ignored a line that is not JSON-RPC: ${parsed.error.message.slice(0, 200)}`,
        ),
      };
};

/** The fields of a JSON-RPC message the hot path looks at, before any validation. */
export interface RawMessage {
  readonly jsonrpc?: unknown;
  readonly id?: unknown;
  readonly method?: unknown;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: unknown;
}

/** A plain object, as every JSON-RPC message is. */
export const isRawMessage = (value: unknown): value is RawMessage =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
