import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { FramingError, JsonLineReader, toLine, type JsonTextWriter } from '../wire/json-lines.js';
import { TickBatch } from '../wire/tick-batch.js';
import { answerWithoutId } from './invalid-message-answers.js';

/** Messages from an agent are small; this only bounds a broken one. */
const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
/** Up to this size a message given in parts is joined before it is written (see writeJsonText). */
const JOIN_BELOW_CHARS = 16 * 1024;

/** A transport that also writes a message given as parts of text and UTF-8 bytes. */
export interface JsonBytesWriter {
  /**
   * Writes one message whose JSON is the concatenation of `parts` (strings, and UTF-8 bytes
   * such as a large result's canonical JSON in chunks), as one line, each part as it is.
   */
  writeJsonBytes(parts: readonly (string | Uint8Array)[]): boolean;
}

/** Whether `transport` takes messages as parts of text and bytes too. */
export const isJsonBytesWriter = (transport: object): transport is JsonBytesWriter =>
  typeof (transport as Partial<JsonBytesWriter>).writeJsonBytes === 'function';

/**
 * The agent's stdio as an SDK Transport, with the SDK's newline-delimited framing. Messages are
 * delivered parsed but not validated (the tool-call lane validates what it hands to the SDK's
 * Server), and every message written in one tick leaves in one write: on Linux a pipe stdout
 * is synchronous, so each write is a syscall on the hot path.
 */
export class StdioFrontTransport implements Transport, JsonTextWriter, JsonBytesWriter {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: ((message: JSONRPCMessage) => void) | undefined;

  private readonly reader: JsonLineReader;
  /** This tick's lines, written to stdout as one when the tick ends. */
  private readonly batch: TickBatch;
  private closed = false;
  private readonly onData = (chunk: Buffer): void => {
    this.reader.append(chunk);
  };
  private readonly onError = (error: Error): void => {
    this.onerror?.(error);
  };
  constructor(
    private readonly stdin: NodeJS.ReadableStream,
    private readonly stdout: NodeJS.WritableStream & {
      cork(): void;
      uncork(): void;
    },
  ) {
    this.batch = new TickBatch(() => stdout);
    this.reader = new JsonLineReader({
      maxMessageBytes: MAX_MESSAGE_BYTES,
      onMessage: (message) => this.onmessage?.(message as JSONRPCMessage),
      onError: (error) => {
        this.onerror?.(error);
        // JSON-RPC answers a line it cannot read, with no id: there is none to read.
        if (error instanceof FramingError)
          void this.send(
            error.kind === 'not-json'
              ? answerWithoutId(ErrorCode.ParseError, `Parse error: ${error.message}`)
              : answerWithoutId(ErrorCode.InvalidRequest, `Invalid Request: ${error.message}`),
          );
      },
    });
  }

  start(): Promise<void> {
    this.stdin.on('data', this.onData);
    this.stdin.on('error', this.onError);
    return Promise.resolve();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return this.write(toLine(message));
  }

  /** Writes one message already serialised (with its newline). */
  write(line: string): Promise<void> {
    if (this.closed || this.batch.text(line)) return Promise.resolve();
    return new Promise((resolve) => this.stdout.once('drain', resolve));
  }

  /**
   * Writes one message given as JSON text in parts. A large one is not joined: its parts leave
   * in the tick's one (vectored) write, so a 1 MB result is not copied into a new string first.
   * A small one is: a vectored write of a few small pieces costs more than copying them.
   */
  writeJsonText(parts: readonly string[]): boolean {
    if (this.closed) return true;
    let length = 0;
    for (const part of parts) length += part.length;
    return length <= JOIN_BELOW_CHARS ? this.batch.line(parts) : this.batch.bytes(parts);
  }

  writeJsonBytes(parts: readonly (string | Uint8Array)[]): boolean {
    return this.closed || this.batch.bytes(parts);
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.stdin.off('data', this.onData);
    this.stdin.off('error', this.onError);
    if (this.stdin.listenerCount('data') === 0) this.stdin.pause();
    this.reader.clear();
    this.onclose?.();
    return Promise.resolve();
  }
}
