import { mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** What the replay server reports: a tools/call of `scripted` to answer, or anything else. */
export interface ReplayEvent {
  readonly hello?: number;
  readonly call?: Record<string, unknown>;
  readonly got?: Record<string, unknown>;
}

/**
 * The test's end of test/fixtures/servers/replay-server.mjs's control socket: every replay
 * server the gateway starts (and restarts) connects here; the test waits for the calls it is to
 * answer and tells the current server what bytes to write.
 */
export class ReplayControl {
  readonly socketPath: string;
  /** Pids that said hello, in order: one more after each restart. */
  readonly pids: number[] = [];
  /** Responses the gateway wrote to the server's own requests. */
  readonly got: Record<string, unknown>[] = [];
  private readonly server: net.Server;
  private current: net.Socket | undefined;
  private readonly calls: Record<string, unknown>[] = [];
  private waiters: (() => void)[] = [];

  private constructor(socketPath: string) {
    this.socketPath = socketPath;
    this.server = net.createServer((socket) => {
      this.current = socket;
      let pending = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          if (line === '') continue;
          const event = JSON.parse(line) as ReplayEvent;
          if (event.hello !== undefined) this.pids.push(event.hello);
          if (event.call !== undefined) this.calls.push(event.call);
          if (event.got !== undefined) this.got.push(event.got);
        }
        for (const waiter of this.waiters.splice(0)) waiter();
      });
      socket.on('error', () => undefined);
    });
  }

  /** Listens on a fresh socket in a temp folder. */
  static async open(): Promise<ReplayControl> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-gateway-replay-'));
    const control = new ReplayControl(path.join(dir, 'control.sock'));
    await new Promise<void>((resolve) => control.server.listen(control.socketPath, resolve));
    return control;
  }

  /** The next tools/call of `scripted` the server received, as it received it. */
  nextCall(timeoutMs = 15_000): Promise<Record<string, unknown>> {
    return this.until(() => this.calls.shift(), timeoutMs, 'the replay server saw no call');
  }

  /**
   * The pids once `count` servers have said hello. A restarted server's hello comes over this socket and its first
   * answer over the gateway's stdout, so the answer may be read first.
   */
  helloes(count: number, timeoutMs = 15_000): Promise<readonly number[]> {
    return this.until(
      () => (this.pids.length >= count ? this.pids : undefined),
      timeoutMs,
      `fewer than ${String(count)} replay servers said hello`,
    );
  }

  /** Polls `ready` whenever the socket brings news (and every 200 ms) until it gives a value. */
  private async until<T>(ready: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = ready();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${what} within ${String(timeoutMs)} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Forgets calls not yet taken (left by a failed run). */
  forget(): void {
    this.calls.splice(0);
  }

  /** Tells the current server to write these chunks to its stdout, `gapMs` apart. */
  write(chunks: readonly Buffer[], gapMs = 0): void {
    this.current?.write(
      `${JSON.stringify({ write: chunks.map((c) => c.toString('base64')), gapMs })}\n`,
    );
  }

  /** Tells the current server to exit with `code` (the gateway restarts it). */
  exit(code: number): void {
    this.current?.write(`${JSON.stringify({ exit: code })}\n`);
  }

  async close(): Promise<void> {
    this.current?.destroy();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }
}
