import type { NotifyDesktop } from '../approvals/desktop-notifier.js';
import { PendingApprovals, type PendingApprovalView } from '../approvals/pending-approvals.js';
import type { Logger } from '../core/logger.js';
import { CallFeed } from './call-feed.js';
import {
  removeConsoleEntry,
  removeUserPointer,
  writeConsoleEntry,
  writeUserPointer,
} from './console-registry.js';
import type { ConsoleServer } from './console-server.js';
import type { ConsoleSource } from './console-source.js';

export interface GatewayConsoleOptions {
  readonly enabled: boolean;
  readonly port: number;
  readonly stateDir: string;
  /** The per-user folder of pointers to running gateways (`console --all`); undefined: none. */
  readonly userDir: string | undefined;
  readonly version: string;
  readonly configFile: string | undefined;
  readonly logger: Logger;
  readonly notify: NotifyDesktop;
}

/** A login link in a desktop notification stays good this long. */
const NOTIFICATION_LINK_MS = 10 * 60_000;

/**
 * The gateway's side of the console: the call feed and pending approvals (which exist even
 * with the console off), and the server's lifecycle with its entry in the state folder.
 */
export class GatewayConsole {
  readonly feed = new CallFeed();
  readonly pending = new PendingApprovals();
  private server: ConsoleServer | undefined;
  private closed = false;
  private starting: Promise<void> = Promise.resolve();

  constructor(private readonly options: GatewayConsoleOptions) {}

  /**
   * Starts the page in the background when enabled (the agent's initialize is not held up);
   * a console that cannot start is reported, never fatal.
   */
  start(source: Omit<ConsoleSource, 'feed' | 'approvals'>): void {
    if (!this.options.enabled || this.closed) return;
    this.starting = this.serve(source);
  }

  /** Resolves once the console serves, or could not start. */
  ready(): Promise<void> {
    return this.starting;
  }

  private async serve(source: Omit<ConsoleSource, 'feed' | 'approvals'>): Promise<void> {
    const { options } = this;
    try {
      // Loaded only when a console runs: one-shot commands never pay for it.
      const { startConsoleServer } = await import('./console-server.js');
      const server = await startConsoleServer({
        source: { ...source, feed: this.feed, approvals: this.pending },
        port: options.port,
        logger: options.logger,
      });
      if (this.closed) {
        await server.close();
        return;
      }
      this.server = server;
      const loginUrl = server.loginUrl();
      await writeConsoleEntry(options.stateDir, {
        pid: process.pid,
        port: server.port,
        url: server.url,
        loginUrl,
        apiToken: server.apiToken,
        configFile: options.configFile ?? null,
        version: options.version,
        startedAt: new Date().toISOString(),
      });
      if (options.userDir !== undefined)
        await writeUserPointer(options.userDir, process.pid, options.stateDir).catch(
          (error: unknown) => {
            // Only `console --all` misses it; this config's own listing still works.
            options.logger.debug(`could not write ${options.userDir ?? ''}: ${String(error)}`);
          },
        );
      options.logger.info(
        `console: ${loginUrl} (one-time link; \`mcp-gateway console\` opens a new one)`,
      );
    } catch (error) {
      options.logger.warn(
        `The console could not start on 127.0.0.1:${options.port}: ${(error as Error).message}. Approvals fall back to the other channels; set "console": { "port": 0 } for a free port.`,
      );
    }
  }

  /** The console's address while it serves. */
  url(): string | undefined {
    return this.server?.url;
  }

  /** A desktop notification for a call waiting in the console, linking straight to it. */
  notifyApproval(approval: PendingApprovalView): void {
    const server = this.server;
    if (server === undefined) return;
    this.options.notify({
      title: `Approve ${approval.server}/${approval.tool}?`,
      body: `mcp-gateway: rule "${approval.rule}" asks for your approval (${approval.id}).`,
      url: server.loginUrl({ ttlMs: NOTIFICATION_LINK_MS, page: 'approvals' }),
    });
  }

  /** Answers every waiting call (cancelled) and stops the page. */
  async close(): Promise<void> {
    this.closed = true;
    await this.starting;
    for (const approval of this.pending.list()) this.pending.withdraw(approval.id, 'cancelled');
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    await removeConsoleEntry(this.options.stateDir, process.pid).catch(() => undefined);
    if (this.options.userDir !== undefined)
      await removeUserPointer(this.options.userDir, process.pid).catch(() => undefined);
    await server.close();
  }
}
