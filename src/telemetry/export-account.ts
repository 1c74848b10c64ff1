import type { Context } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type {
  LogRecordExporter,
  LogRecordProcessor,
  ReadableLogRecord,
  ReadWriteLogRecord,
} from '@opentelemetry/sdk-logs';
import {
  AggregationTemporality,
  AggregationType,
  type AggregationOption,
  type InstrumentType,
  type PushMetricExporter,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import type {
  ReadableSpan,
  Span,
  SpanExporter,
  SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/**
 * What became of one signal's items: how many wait (queued or being exported), how many were
 * exported and how many were lost, and the last error. Loaded with the SDK, never before.
 */
export class ExportAccount {
  /** Items handed to the batch processor whose export has not finished yet. */
  pending = 0;
  exported = 0;
  dropped = 0;
  /** Exports (batches) that failed; for metrics, the unit that counts. */
  failedExports = 0;
  lastError: string | undefined;
  /** True while the last export failed: the next one is not waited for at shutdown. */
  failing = false;
  /** While failing, exports before this time are not attempted (they would fail too). */
  private resumeAt = 0;

  constructor(
    readonly signal: 'traces' | 'logs' | 'metrics',
    readonly url: string,
    private readonly onChange: (account: ExportAccount, change: 'dropped' | 'recovered') => void,
  ) {}

  /** An item could not even be queued: the queue is full. */
  refuse(count: number): void {
    this.dropped += count;
    this.onChange(this, 'dropped');
  }

  /** An export finished, successfully or not. */
  settle(count: number, result: ExportResult): void {
    this.pending = Math.max(0, this.pending - count);
    if (result.code === ExportResultCode.SUCCESS) {
      this.exported += count;
      const wasFailing = this.failing;
      this.failing = false;
      if (wasFailing) this.onChange(this, 'recovered');
      return;
    }
    this.failedExports++;
    this.dropped += count;
    this.failing = true;
    if (result.error !== PAUSED) {
      this.lastError = describe(result.error);
      this.resumeAt = Date.now() + PAUSE_MS;
    }
    this.onChange(this, 'dropped');
  }

  /**
   * A collector that just failed is given a rest: exports in the next PAUSE_MS fail at once
   * (their items counted as dropped) instead of each serialising a batch and retrying for up
   * to the export timeout. The first export after the pause tries the collector again.
   */
  paused(): boolean {
    return this.failing && Date.now() < this.resumeAt;
  }

  /** Items still waiting when the gateway exits are lost too (for metrics: an export). */
  abandon(): void {
    if (this.pending === 0) return;
    if (this.signal === 'metrics') this.failedExports += this.pending;
    this.refuse(this.pending);
    this.pending = 0;
  }

  /** What this account reports as lost: items, or failed exports for (cumulative) metrics. */
  get lost(): number {
    return this.signal === 'metrics' ? this.failedExports : this.dropped;
  }
}

/** How long exports are not attempted after one failed. */
const PAUSE_MS = 5000;

/** The error of an export skipped because the collector is resting. */
export const PAUSED = new Error('not attempted: the collector failed moments ago');

/** The result of an export that was not attempted. */
const SKIPPED: ExportResult = { code: ExportResultCode.FAILED, error: PAUSED };

const describe = (error: Error | undefined): string => {
  if (error === undefined) return 'export failed';
  const cause = (error as { cause?: unknown }).cause;
  const code = (error as { code?: unknown }).code;
  const detail = cause instanceof Error ? `: ${cause.message}` : '';
  return `${error.message}${typeof code === 'string' ? ` (${code})` : ''}${detail}`;
};

/**
 * Bounds the batch span processor: a span that would go beyond `limit` waiting spans (queued
 * or being exported) is dropped and counted here, instead of silently by the SDK's queue.
 */
export class BoundedSpanProcessor implements SpanProcessor {
  constructor(
    private readonly inner: SpanProcessor,
    private readonly account: ExportAccount,
    private readonly limit: number,
  ) {}

  onStart(span: Span, parentContext: Context): void {
    this.inner.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    // The batch processor exports sampled spans only; unsampled ones are not ours to count.
    if ((span.spanContext().traceFlags & 1) === 0) return;
    if (this.account.pending >= this.limit) {
      this.account.refuse(1);
      return;
    }
    this.account.pending++;
    this.inner.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
}

/** The same bound for log records. */
export class BoundedLogRecordProcessor implements LogRecordProcessor {
  constructor(
    private readonly inner: LogRecordProcessor,
    private readonly account: ExportAccount,
    private readonly limit: number,
  ) {}

  onEmit(logRecord: ReadWriteLogRecord, context?: Context): void {
    if (this.account.pending >= this.limit) {
      this.account.refuse(1);
      return;
    }
    this.account.pending++;
    this.inner.onEmit(logRecord, context);
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
}

/** Counts what the OTLP span exporter delivered and what it lost. */
export class CountedSpanExporter implements SpanExporter {
  constructor(
    private readonly inner: SpanExporter,
    private readonly account: ExportAccount,
  ) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    if (this.account.paused()) {
      this.account.settle(spans.length, SKIPPED);
      done(SKIPPED);
      return;
    }
    this.inner.export(spans, (result) => {
      this.account.settle(spans.length, result);
      done(result);
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

/** Counts what the OTLP log exporter delivered and what it lost. */
export class CountedLogRecordExporter implements LogRecordExporter {
  constructor(
    private readonly inner: LogRecordExporter,
    private readonly account: ExportAccount,
  ) {}

  export(logs: ReadableLogRecord[], done: (result: ExportResult) => void): void {
    if (this.account.paused()) {
      this.account.settle(logs.length, SKIPPED);
      done(SKIPPED);
      return;
    }
    this.inner.export(logs, (result) => {
      this.account.settle(logs.length, result);
      done(result);
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }
}

/** Counts failed metric exports (metrics are cumulative, so a later export carries the totals). */
export class CountedMetricExporter implements PushMetricExporter {
  constructor(
    private readonly inner: PushMetricExporter,
    private readonly account: ExportAccount,
  ) {}

  selectAggregationTemporality(type: InstrumentType): AggregationTemporality {
    return this.inner.selectAggregationTemporality?.(type) ?? AggregationTemporality.CUMULATIVE;
  }

  selectAggregation(type: InstrumentType): AggregationOption {
    return this.inner.selectAggregation?.(type) ?? { type: AggregationType.DEFAULT };
  }

  export(metrics: ResourceMetrics, done: (result: ExportResult) => void): void {
    this.account.pending++;
    if (this.account.paused()) {
      this.account.settle(1, SKIPPED);
      done(SKIPPED);
      return;
    }
    this.inner.export(metrics, (result) => {
      // One export is one unit here: a failed one counts once, not per data point.
      this.account.settle(1, result);
      done(result);
    });
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
}
