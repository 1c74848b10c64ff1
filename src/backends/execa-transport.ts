import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { execa } from 'execa';
import { getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import { JsonLineReader, toLine } from '../wire/json-lines.js';

/** Extra variables a child always gets on top of the SDK's list (DESIGN §3). */
const EXTRA_INHERITED = ['TMPDIR', 'LANG', 'LC_ALL', 'TZ'];
const EXTRA_INHERITED_WINDOWS = ['PATHEXT', 'COMSPEC', 'SYSTEMROOT', 'PROGRAMDATA', 'APPDATA'];

/** The minimal environment every backend child gets: the agent's secrets are not passed on. */
export const safeBaseEnv = (
  env: Readonly<Record<string, string | undefined>> = process.env,
): Record<string, string> => {
  const base: Record<string, string> = { ...getDefaultEnvironment() };
  const extra =
    process.platform === 'win32'
      ? [...EXTRA_INHERITED, ...EXTRA_INHERITED_WINDOWS]
      : EXTRA_INHERITED;
  for (const key of extra) {
    const value = env[key];
    if (value !== undefined && !value.startsWith('()')) base[key] = value;
  }
  return base;
};

export interface ExecaTransportOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly inheritEnv: boolean;
  /** Called with each line the child writes to stderr. */
  readonly onStderr: (line: string) => void;
  /** Largest single message accepted from the child. */
  readonly maxMessageBytes: number;
  /** Grace before each escalation step in close(): stdin EOF → SIGTERM → SIGKILL. */
  readonly shutdownGraceMs: number;
}

/** Children still running; killed synchronously if the gateway exits without closing them. */
const liveChildren = new Set<number>();
let exitHookInstalled = false;
const installExitHook = (): void => {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Detached children escape execa's own cleanup, so the last word on exit is ours.
  process.on('exit', () => {
    for (const pid of liveChildren) {
      try {
        process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
};

const spawnChild = ({ command, args, env, cwd, inheritEnv }: ExecaTransportOptions) =>
  execa(command, [...args], {
    stdin: 'pipe',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    extendEnv: inheritEnv,
    env: inheritEnv ? { ...env } : { ...safeBaseEnv(), ...env },
    cwd,
    cleanup: true,
    // Its own process group, so close() can reach whatever it spawned (npx → node).
    detached: process.platform !== 'win32',
    windowsHide: true,
    stripFinalNewline: false,
  });
type Child = ReturnType<typeof spawnChild>;

/** What the child did when it went away. */
export interface ChildExit {
  readonly code: number | undefined;
  readonly signal: string | undefined;
}

/**
 * An SDK Transport over an execa child process, with the SDK's newline-delimited framing.
 * Messages are delivered parsed but not validated: the backend's channel validates what the
 * SDK Client sees and takes tool results as they are. The child runs in its own process group
 * so that close() reaches anything it spawned (npx).
 */
export class ExecaTransport implements Transport {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: ((message: JSONRPCMessage) => void) | undefined;

  private child: Child | undefined;
  private readonly reader: JsonLineReader;
  private stderrRemainder = '';
  private exitInfo: ChildExit | undefined;
  private exited: Promise<void> | undefined;
  private closing = false;
  private started: Promise<void> | undefined;
  private corked = false;
  private readonly uncork = (): void => {
    this.corked = false;
    this.child?.stdin.uncork();
  };

  constructor(private readonly options: ExecaTransportOptions) {
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
    const child = spawnChild(this.options);
    this.child = child;
    installExitHook();
    if (child.pid !== undefined) liveChildren.add(child.pid);
    this.exited = child.then((result) => {
      if (child.pid !== undefined) liveChildren.delete(child.pid);
      this.exitInfo = { code: result.exitCode, signal: result.signal };
      this.handleClose();
    });

    await new Promise<void>((resolve, reject) => {
      child.once('spawn', () => {
        resolve();
      });
      child.once('error', (error) => {
        reject(error);
      });
    });
    child.on('error', (error) => this.onerror?.(error));
    child.stdout.on('data', (chunk: Buffer) => {
      this.receive(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      this.relayStderr(chunk);
    });
    child.stdin.on('error', (error) => this.onerror?.(error));
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child?.stdin;
    if (stdin === undefined || stdin.destroyed || !stdin.writable)
      throw new Error('Backend process is not running');
    // Messages sent in the same tick leave in one write: fewer syscalls and wake-ups under load.
    if (!this.corked) {
      this.corked = true;
      stdin.cork();
      process.nextTick(this.uncork);
    }
    if (!stdin.write(toLine(message))) {
      await new Promise<void>((resolve) => stdin.once('drain', resolve));
    }
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
    child.stdin.end();
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
    try {
      // A negative pid signals the whole process group the child leads.
      process.kill(process.platform === 'win32' ? pid : -pid, signal);
    } catch {
      this.child?.kill(signal);
    }
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
