import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { JsonLineReader, toLine, type JsonTextWriter } from '../wire/json-lines.js';
import { TickBatch, type BatchTarget } from '../wire/tick-batch.js';
import {
  killGroup,
  spawnChild,
  type ChildExit,
  type ChildSpec,
  type SpawnedChild,
} from './spawn-child.js';

export type { ChildExit } from './spawn-child.js';

export interface ChildTransportOptions extends ChildSpec {
  /** Called with each line the child writes to stderr. */
  readonly onStderr: (line: string) => void;
  /** Largest single message accepted from the child. */
  readonly maxMessageBytes: number;
  /** Grace before each escalation step in close(): stdin EOF → SIGTERM → SIGKILL. */
  readonly shutdownGraceMs: number;
  /** A child already spawned for this backend (before the gateway loaded), to use instead of spawning. */
  readonly adopt?: (() => SpawnedChild | undefined) | undefined;
}

/**
 * An SDK Transport over a child process, with the SDK's newline-delimited framing.
 * Messages are delivered parsed but not validated: the backend's channel validates what the
 * SDK Client sees and takes tool results as they are. The child runs in its own process group
 * so that close() reaches anything it spawned (npx).
 */
export class ChildTransport implements Transport, JsonTextWriter {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: ((message: JSONRPCMessage) => void) | undefined;

  private child: SpawnedChild['child'] | undefined;
  private readonly reader: JsonLineReader;
  private stderrRemainder = '';
  private exitInfo: ChildExit | undefined;
  private exited: Promise<void> | undefined;
  private closing = false;
  private started: Promise<void> | undefined;
  /** Messages sent in the same tick leave in one write: fewer syscalls and wake-ups under load. */
  private readonly batch = new TickBatch(() => this.child?.stdin as BatchTarget);

  constructor(private readonly options: ChildTransportOptions) {
    this.reader = new JsonLineReader({
      maxMessageBytes: options.maxMessageBytes,
      onMessage: (message) => this.onmessage?.(message as JSONRPCMessage),
      onError: (error) => this.onerror?.(error),
    });
  }

  /** The child's pid once started. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** How the child ended, once it has. */
  get exit(): ChildExit | undefined {
    return this.exitInfo;
  }

  /** Spawns the child; idempotent, so the process can boot before the SDK Client connects. */
  start(): Promise<void> {
    this.started ??= this.spawn();
    return this.started;
  }

  private async spawn(): Promise<void> {
    const spawned = this.options.adopt?.() ?? (await spawnChild(this.options));
    const child = spawned.child;
    this.child = child;
    this.exited = spawned.closed.then((exit) => {
      this.exitInfo = exit;
      this.handleClose();
    });
    await spawned.spawned;
    child.on('error', (error) => this.onerror?.(error));
    child.stdout?.on('data', (chunk: Buffer) => {
      this.receive(chunk);
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.relayStderr(chunk);
    });
    child.stdin?.on('error', (error) => this.onerror?.(error));
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.writableStdin();
    if (!this.batch.text(toLine(message)))
      await new Promise<void>((resolve) => stdin.once('drain', resolve));
  }

  /** Writes one message given as JSON text (the hot path's calls), without a promise. */
  writeJsonText(parts: readonly string[]): boolean {
    this.writableStdin();
    return this.batch.line(parts);
  }

  private writableStdin(): NonNullable<SpawnedChild['child']['stdin']> {
    const stdin = this.child?.stdin ?? undefined;
    if (stdin === undefined || stdin.destroyed || !stdin.writable)
      throw new Error('Backend process is not running');
    return stdin;
  }

  /** Ends the child: stdin EOF, then SIGTERM, then SIGKILL, each after the grace period. */
  async close(): Promise<void> {
    if (this.closing) {
      await this.exited;
      return;
    }
    this.closing = true;
    const child = this.child;
    if (child === undefined || this.exitInfo !== undefined) {
      this.handleClose();
      return;
    }
    child.stdin?.end();
    if (await this.waitForExit(this.options.shutdownGraceMs)) return;
    this.signalGroup('SIGTERM');
    if (await this.waitForExit(this.options.shutdownGraceMs)) return;
    this.signalGroup('SIGKILL');
    await this.waitForExit(this.options.shutdownGraceMs);
  }

  /** Ends the child at once (SIGKILL to its process group), e.g. when the gateway must exit now. */
  kill(): void {
    if (this.child !== undefined && this.exitInfo === undefined) this.signalGroup('SIGKILL');
  }

  private signalGroup(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    if (!killGroup(pid, signal)) this.child?.kill(signal);
  }

  private async waitForExit(ms: number): Promise<boolean> {
    if (this.exitInfo !== undefined) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => {
        resolve(false);
      }, ms);
    });
    const done = this.exited?.then(() => true as const) ?? Promise.resolve(true as const);
    const result = await Promise.race([done, timeout]);
    clearTimeout(timer);
    return result;
  }

  private receive(chunk: Buffer): void {
    this.reader.append(chunk);
  }

  private relayStderr(chunk: string): void {
    const text = this.stderrRemainder + chunk;
    const lines = text.split('\n');
    this.stderrRemainder = lines.pop() ?? '';
    if (this.stderrRemainder.length > 8192) {
      lines.push(this.stderrRemainder);
      this.stderrRemainder = '';
    }
    for (const line of lines)
      if (line.trim() !== '') this.options.onStderr(line.replace(/\r$/, ''));
  }

  private handleClose(): void {
    if (this.stderrRemainder.trim() !== '') this.options.onStderr(this.stderrRemainder);
    this.stderrRemainder = '';
    this.reader.clear();
    const onclose = this.onclose;
    this.onclose = undefined;
    onclose?.();
  }
}
