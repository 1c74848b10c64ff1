import type { TelemetryInput } from '../core/audit/audit-record.js';
import type { Logger } from '../core/logger.js';

/** What the reporter reads of each signal's export account. */
export interface DropSource {
  readonly signal: 'traces' | 'logs' | 'metrics';
  readonly url: string;
  /** Items lost so far (failed exports, for metrics). */
  readonly lost: number;
  readonly lastError: string | undefined;
}

/** At most one `telemetry` audit record a minute while exports fail. */
const REPORT_INTERVAL_MS = 60_000;

/**
 * Turns lost telemetry into `telemetry` audit records: the first loss at once, then at most one
 * record a minute while losses continue, and a last one when the gateway stops. Also says once
 * on stderr that exports fail, and again when they work again.
 */
export class DropReporter {
  private readonly reported = new Map<string, number>();
  private lastReportAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private warned = false;

  constructor(
    private readonly sources: readonly DropSource[],
    private readonly options: {
      readonly logger: Logger;
      readonly record: (input: TelemetryInput) => void;
      readonly intervalMs?: number;
    },
  ) {}

  /** A source lost items, or delivered again after failing. */
  changed(source: DropSource, change: 'dropped' | 'recovered'): void {
    if (change === 'recovered') {
      if (this.warned) {
        this.warned = false;
        this.options.logger.info(`telemetry: exports to ${displayUrl(source.url)} work again`);
      }
      return;
    }
    if (!this.warned) {
      this.warned = true;
      this.options.logger.warn(
        `telemetry: could not export ${source.signal} to ${displayUrl(source.url)} (${source.lastError ?? 'the export queue is full: exports are not getting through'}); tool calls are not affected, and what is lost is counted in the audit log`,
      );
    }
    const interval = this.options.intervalMs ?? REPORT_INTERVAL_MS;
    const wait = this.lastReportAt + interval - Date.now();
    if (wait <= 0) {
      this.report();
      return;
    }
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.report();
    }, wait);
    // Reporting must never keep an idle gateway alive; close() writes the last one.
    this.timer.unref();
  }

  /** Writes a record for every loss not yet reported; nothing when there is none. */
  report(): void {
    const dropped = { spans: 0, log_records: 0, metric_exports: 0 };
    const failing: string[] = [];
    for (const source of this.sources) {
      const lost = source.lost - (this.reported.get(source.signal) ?? 0);
      if (lost <= 0) continue;
      this.reported.set(source.signal, source.lost);
      if (source.signal === 'traces') dropped.spans += lost;
      if (source.signal === 'logs') dropped.log_records += lost;
      if (source.signal === 'metrics') dropped.metric_exports += lost;
      failing.push(
        `${source.signal} to ${displayUrl(source.url)}: ${source.lastError ?? 'the export queue was full'}`,
      );
    }
    if (failing.length === 0) return;
    this.lastReportAt = Date.now();
    this.options.record({
      type: 'telemetry',
      event: 'dropped',
      dropped,
      detail: failing.join('; '),
    });
  }

  /** Stops the timer and reports what is left. */
  close(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.report();
  }
}

/** An endpoint as it may be printed: no user info, no query string (either can hold a key). */
export const displayUrl = (text: string): string => {
  try {
    const url = new URL(text);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(an invalid URL)';
  }
};
