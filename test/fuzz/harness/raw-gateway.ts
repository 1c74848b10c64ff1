import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BIN } from '../../helpers/paths.js';

/**
 * The built CLI on raw pipes: the test writes bytes to its stdin (no client library reframes or
 * validates them) and reads every line it writes to stdout, each parsed as JSON.
 */
export class RawGateway {
  readonly child: ChildProcessWithoutNullStreams;
  /** Every message read from stdout, in order; lines that are not JSON fail the test. */
  readonly messages: Record<string, unknown>[] = [];
  /** Lines on stdout that were not JSON objects: stdout must carry JSON-RPC only. */
  readonly garbage: string[] = [];
  private stderrText = '';
  private pending = '';
  private waiters: (() => void)[] = [];
  exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  constructor(args: readonly string[], options: { cwd?: string; env?: Record<string, string> }) {
    // FUZZ_BIN points the fuzzing at another build (e.g. main's, to see what a fix fixed).
    this.child = spawn(process.execPath, [process.env['FUZZ_BIN'] ?? BIN, ...args], {
      cwd: options.cwd,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        NO_COLOR: '1',
        ...options.env,
      },
    });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      const lines = (this.pending + chunk).split('\n');
      this.pending = lines.pop() ?? '';
      for (const line of lines) {
        try {
          const value = JSON.parse(line) as unknown;
          if (typeof value === 'object' && value !== null && !Array.isArray(value))
            this.messages.push(value as Record<string, unknown>);
          else this.garbage.push(line.slice(0, 200));
        } catch {
          this.garbage.push(line.slice(0, 200));
        }
      }
      this.wake();
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      // The tail is enough to explain a failure; a fuzzed 10 MB line must not be kept.
      this.stderrText = (this.stderrText + chunk).slice(-20_000);
    });
    this.child.on('exit', (code, signal) => {
      this.exited = { code, signal };
      this.wake();
    });
    // A write after the gateway died is reported by the exit check, not as an unhandled error.
    this.child.stdin.on('error', () => undefined);
  }

  get stderr(): string {
    return this.stderrText;
  }

  /** Writes bytes; resolves once the pipe took them (backpressure respected). */
  write(bytes: Buffer | string): Promise<void> {
    if (this.exited !== undefined) return Promise.resolve();
    return new Promise((resolve) => {
      if (this.child.stdin.write(bytes)) {
        resolve();
        return;
      }
      // A gateway that died never drains: its exit ends the wait (and the test reports it).
      const done = () => {
        this.child.stdin.off('drain', done);
        this.child.off('exit', done);
        resolve();
      };
      this.child.stdin.once('drain', done);
      this.child.once('exit', done);
    });
  }

  /** Sends one message as a line. */
  send(message: unknown): Promise<void> {
    return this.write(`${JSON.stringify(message)}\n`);
  }

  /** Takes every message read so far. */
  drain(): Record<string, unknown>[] {
    return this.messages.splice(0);
  }

  /** Waits until `done` holds over the messages read so far; throws after `timeoutMs`. */
  async waitUntil(
    done: (messages: readonly Record<string, unknown>[]) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.messages)) {
      if (this.exited !== undefined)
        throw new Error(
          `the gateway exited (${JSON.stringify(this.exited)}) waiting for ${what}; stderr:\n${this.stderr.slice(-3000)}`,
        );
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no ${what} within ${timeoutMs} ms; stderr:\n${this.stderr.slice(-3000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Sends a request and waits for the response with its id. */
  async request(
    id: string | number,
    method: string,
    params: unknown,
    timeoutMs = 15_000,
  ): Promise<Record<string, unknown>> {
    await this.send({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });
    await this.waitUntil(
      (m) => m.some((x) => x['id'] === id && !('method' in x)),
      timeoutMs,
      `answer to ${String(id)}`,
    );
    const index = this.messages.findIndex((x) => x['id'] === id && !('method' in x));
    const [answer] = this.messages.splice(index, 1);
    if (answer === undefined) throw new Error(`lost the answer to ${String(id)}`);
    return answer;
  }

  /** Initializes a session as an agent would. */
  async initialize(): Promise<void> {
    const answer = await this.request('init', 'initialize', {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'fuzz', version: '1.0.0' },
    });
    if (!('result' in answer)) throw new Error(`initialize failed: ${JSON.stringify(answer)}`);
    await this.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  }

  /** Ends stdin and waits for the process to exit (SIGKILL after `timeoutMs`). */
  async close(timeoutMs = 10_000): Promise<void> {
    if (this.exited !== undefined) return;
    this.child.stdin.end();
    const exited = new Promise<void>((resolve) => {
      this.child.once('exit', () => {
        resolve();
      });
    });
    const timer = setTimeout(() => {
      this.child.kill('SIGKILL');
    }, timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
